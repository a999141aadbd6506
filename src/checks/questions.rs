//! # unanswered_questions
//!
//! **What it flags.** Every question and request in the client's latest
//! message (not the quoted history, not the signature) that the draft leaves
//! unanswered. The client's question is highlighted in their message; the
//! panel shows "3 of 4 answered".
//!
//! **Why an agency cares.** "Сколько вопросов, столько ответов": a forgotten
//! question costs a round trip and the client's trust.
//!
//! **How.** Questions are sentences ending in `?` (small talk excluded),
//! requests ("Пришлите…", "Could you…", "Прошу надати…"), and embedded
//! questions ("Интересно, успеете ли…"). Each gets a topic: its content
//! words, stemmed, weighted down when several questions share them. A draft
//! sentence answers a question when it covers enough of the topic and says
//! something new (or gives the kind of answer asked for: a date for "when",
//! an amount for "how much"), when it answers the client's item by number,
//! or when it declines with a reason or promises the answer with a time.
//! Quoting the question back ("Касательно вопроса «…» сообщаем, что вопрос
//! требует рассмотрения") and evasions do not count.
//!
//! **Example.** Client: "Когда будет готов макет? Пришлите смету." Draft:
//! "Макет пришлём в пятницу." → the estimate is flagged as unanswered.
//!
//! **Settings.** `[checks.unanswered_questions]`: `enabled`, `severity`
//! (default `error`). The answer model itself is described in docs/answers.md
//! and lives in src/analysis/.

use super::{Check, Context};
use crate::pack::Severity;
use crate::report::{Action, Detail, Finding, Target};

pub struct UnansweredQuestions;

impl Check for UnansweredQuestions {
    fn id(&self) -> &'static str {
        "unanswered_questions"
    }

    fn default_severity(&self) -> Severity {
        Severity::Error
    }

    fn run(&self, cx: &Context<'_>) -> Vec<Finding> {
        let sets = cx.sets();
        let severity = self.severity(cx);
        let mut out = Vec::new();
        for (i, q) in cx.answers().iter().enumerate().filter(|(_, q)| !q.answered) {
            let text = q.span.slice(cx.incoming.text());
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let short: String = flat.chars().take(120).collect();
            let ellipsis = if flat.chars().count() > 120 { "…" } else { "" };
            out.push(
                Finding::new(
                    self.id(),
                    severity,
                    sets.message("unanswered", &[("question", &format!("{short}{ellipsis}"))]),
                    Target::Incoming,
                    q.span,
                )
                .suggest(Action::Advice, sets.message("unanswered_hint", &[]))
                .detail(Detail::Question { question: i }),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{fired, questions, run};

    fn q(text: &str, answered: bool) -> (String, bool) {
        (text.to_string(), answered)
    }

    #[test]
    fn direct_indirect_and_embedded_questions_are_found_in_russian() {
        let inc = "Добрый день!\n\nКогда будет готов макет? Подскажите, пожалуйста, сроки по тексту. Интересно, успеете ли вы к пятнице. Не уверен, входит ли НДС в цену.\n\nАнна";
        let got = questions(inc, "Анна, добрый день!\n\nОльга");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Когда будет готов макет?",
                "Подскажите, пожалуйста, сроки по тексту.",
                "Интересно, успеете ли вы к пятнице.",
                "Не уверен, входит ли НДС в цену."
            ]
        );
    }

    #[test]
    fn requests_without_a_question_mark_in_ukrainian_and_english() {
        let uk = questions(
            "Добрий день!\n\nНадішліть, будь ласка, кошторис. Повідомте дату зйомки. Чи могли б ви додати субтитри?\n\nОлена",
            "",
        );
        assert_eq!(uk.len(), 3, "{uk:?}");
        let en = questions(
            "Hi Sophie,\n\nPlease let me know the price. I was wondering whether you work on weekends. Could you send the brief?\n\nTom",
            "",
        );
        assert_eq!(en.len(), 3, "{en:?}");
    }

    #[test]
    fn small_talk_quoted_history_urls_and_signatures_are_not_questions() {
        let inc = "Hi Owen,\n\nHow are you? Hope the shoot went well.\n\nThe brief is here: https://drive.example.com/open?id=1x9&usp=sharing. Can you confirm the date?\n\nThanks,\nLaura\nNeed a plumber fast? Call 0113 000 0000\n\nOn Mon, 3 Mar 2025 at 10:15, Owen <owen@reel.example> wrote:\n> Any questions? Just reply.\n";
        let got = questions(inc, "");
        assert_eq!(got, [q("Can you confirm the date?", false)]);
    }

    #[test]
    fn numbered_items_are_separate_questions_and_one_sentence_with_two_asks_is_one() {
        let inc = "Вопросы:\n1. Когда будет staging?\n2. Кто переносит отзывы — вы или мы?\n\nКогда будет третья версия и сколько будут стоить правки?\n\nИрина";
        let got = questions(inc, "");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "Когда будет staging?");
    }

    #[test]
    fn answer_by_date_only_counts() {
        let got = questions(
            "Добрый день!\n\nКогда будет готов отчёт за март?\n\nАнна",
            "Анна, добрый день!\n\nОтчёт за март пришлём во вторник, 11 марта, до 12:00.\n\nОльга",
        );
        assert_eq!(got, [q("Когда будет готов отчёт за март?", true)]);
    }

    #[test]
    fn repeating_the_question_without_answering_does_not_count() {
        let inc = "Добрый день!\n\nСколько стоит квест на 60 человек? Сообщите, пожалуйста, до какого числа держится бронь усадьбы.\n\nСветлана";
        let draft = "Светлана, добрый день!\n\nКвест на 60 человек стоит 540 000 ₽, всё включено.\n\nНасчёт «до какого числа держится бронь усадьбы» — хороший вопрос, уточним.\n\nЕвгений";
        let got = questions(inc, draft);
        assert!(got[0].1, "{got:?}");
        assert!(!got[1].1, "quoting the question back is not an answer: {got:?}");
    }

    #[test]
    fn an_evasion_about_the_topic_is_not_an_answer() {
        let inc = "Dear team,\n\nWould a TV channel need a new licence for the film?\n\nJames";
        let draft = "Dear James,\n\nRegarding your question about a new licence for a TV channel, we note your concern and shall take it into consideration.\n\nElla";
        assert_eq!(questions(inc, draft), [q("Would a TV channel need a new licence for the film?", false)]);
    }

    #[test]
    fn a_decline_with_a_reason_and_a_promise_with_a_time_count() {
        let inc = "Hi Emma,\n\nCan we move the newsletter from 10am to 7am? And please send the April stats.\n\nLucy";
        let draft = "Hi Lucy,\n\nWe can't send at 7am because the deliverability checks finish at 7:30, but we can send at 8am.\n\nThe April stats will follow tomorrow by noon.\n\nEmma";
        let got = questions(inc, draft);
        assert_eq!(
            got,
            [q("Can we move the newsletter from 10am to 7am?", true), q("And please send the April stats.", true)]
        );
    }

    #[test]
    fn an_acknowledgement_or_a_vague_promise_is_not_an_answer() {
        let inc = "Добрий день!\n\nЧи можете перекласти договір до четверга?\n\nЮрвідділ";
        let draft =
            "Добрий день!\n\nДякуємо за лист, отримали. Повернемося з відповіддю найближчим часом.\n\nБюро перекладів";
        assert_eq!(questions(inc, draft), [q("Чи можете перекласти договір до четверга?", false)]);
    }

    #[test]
    fn answers_by_the_clients_numbers_even_when_renumbered_answers_are_checked() {
        let inc = "Hi,\n\n1. How long will the integration take?\n2. Who will handle the migration — you or us?\n3. When do you need the API keys?\n\nBen";
        let draft =
            "Hi Ben,\n\n1. The integration takes three weeks.\n2. We need the API keys by Friday 14 March.\n\nSophie";
        let got = questions(inc, draft);
        assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), [true, false, true], "{got:?}");
    }

    #[test]
    fn answering_out_of_the_clients_order_gives_a_soft_hint() {
        let inc = "Добрый день!\n\n1. Сколько стоит печать каталога?\n2. Когда будет готов макет каталога?\n\nМарина";
        let draft = "Марина, добрый день!\n\nМакет каталога будет готов в среду, 12 марта.\n\nПечать каталога стоит 84 500 ₽.\n\nДарья";
        let r = run(inc, draft);
        assert!(r.questions.iter().all(|q| q.answered));
        assert!(fired(&r).contains(&"question_order"), "{:?}", fired(&r));
    }

    #[test]
    fn unanswered_question_finding_points_into_the_incoming_message() {
        let inc = "Hi Tom,\n\nWhen can you shoot the cushions? Please also send the price list.\n\nMia";
        let r = run(inc, "Hi Mia,\n\nWe can shoot them on Thursday morning.\n\nTom");
        let f: Vec<_> = r.findings.iter().filter(|f| f.rule == "unanswered_questions").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].target, crate::report::Target::Incoming);
        assert_eq!(f[0].span.slice(inc), "Please also send the price list.");
        assert!(f[0].message.contains("Please also send the price list."));
    }
}
