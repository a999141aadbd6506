//! # summary
//!
//! **What it flags.** A draft that needs a closing summary and call to
//! action but just stops. A draft needs one when it is long (the pack's
//! `min_words`, 80 by default), answers two or more of the client's
//! questions, or asks the client to do something. The closing is the last
//! paragraph (or two, when the last is a one-line courtesy) before the
//! sign-off; it counts when it opens with a summary marker ("Итого:",
//! "Отже,", "Next step:", "So:") or asks the client for something with a
//! deadline ("подтвердите до пятницы", "please send … by Friday").
//! Ritual closings ("Выражаем надежду на плодотворное сотрудничество", "We
//! remain at your disposal") do not count.
//!
//! **Why an agency cares.** The client should see at the end what was
//! decided and what happens next, who does it, by when.
//!
//! **Example.** A 120-word answer to three questions that ends with the
//! third answer → missing; suggestion: "Итого: … Со своей стороны ждём от
//! вас … до …".

use super::{Check, Context, signals};
use crate::pack::LangSets;
use crate::report::{Action, Finding, Report, Suggestion, SummaryResult, SummaryStatus, Target};
use crate::text::{Sentence, Span, TokenKind};

pub struct Summary;

fn is_closing(ctx: &Context<'_>, para: &[&Sentence]) -> bool {
    let doc = &ctx.draft;
    let sets_of = |s: &Sentence| -> &LangSets { ctx.sets_for(s) };
    let any_deadline = para.iter().any(|s| {
        let w = doc.words(s.body.clone());
        signals::has_time(doc, &w, sets_of(s)) || sets_of(s).deadlines.any(&w.words)
    });
    for s in para {
        let sets = sets_of(s);
        let w = doc.words(s.body.clone());
        if w.is_empty() || sets.ritual.any(&w.words) {
            continue;
        }
        // "Итого: …", "Короче, итого", "Next steps: …", "So: …"
        let head = &w.words[..w.len().min(4)];
        if sets.summary_markers.find_all(head).iter().any(|m| m.start <= 2) {
            return true;
        }
        let request = client_request(sets, &w.words);
        let next = sets.next_steps.any(&w.words);
        if request && (any_deadline || next) {
            return true;
        }
    }
    false
}

/// The closing paragraph(s) of the body: the last one, plus the one before
/// when the last is a short courtesy ("Хорошего дня!").
fn closing<'c>(ctx: &'c Context<'_>) -> Vec<&'c Sentence> {
    let body: Vec<&Sentence> = ctx.draft_body().collect();
    let Some(last) = body.last() else {
        return Vec::new();
    };
    let last_para = last.paragraph;
    let in_last: Vec<&Sentence> = body.iter().copied().filter(|s| s.paragraph == last_para).collect();
    let words: usize = in_last.iter().map(|s| ctx.draft.words(s.body.clone()).len()).sum();
    if words <= 5 {
        let prev_para = body.iter().rev().map(|s| s.paragraph).find(|&p| p < last_para);
        if let Some(p) = prev_para {
            return body.iter().copied().filter(|s| s.paragraph == p || s.paragraph == last_para).collect();
        }
    }
    in_last
}

/// A request to the client: a listed phrase that is not part of a formula
/// ("Please be advised"), or a polite imperative ("подпишите, пожалуйста").
fn client_request(sets: &LangSets, words: &[&str]) -> bool {
    let not = sets.not_requests.find_all(words);
    let listed = sets
        .client_requests
        .find_all(words)
        .into_iter()
        .any(|m| !not.iter().any(|n| n.start <= m.start && m.end <= n.end));
    let polite = sets.politeness.any(words)
        && words
            .iter()
            .any(|x| x.chars().count() >= 5 && sets.imperative_endings.iter().any(|e| x.ends_with(e.as_str())));
    listed || polite
}

fn asks_client(ctx: &Context<'_>) -> bool {
    ctx.draft_body().any(|s| {
        let w = ctx.draft.words(s.body.clone());
        let sets = ctx.sets_for(s);
        let direct = s
            .tokens
            .clone()
            .rev()
            .find(|&i| ctx.draft.tokens()[i].kind == TokenKind::Punct)
            .is_some_and(|i| ctx.draft.token_text(i).contains('?'));
        client_request(sets, &w.words) || (direct && !sets.small_talk.any(&w.words))
    })
}

impl Check for Summary {
    fn id(&self) -> &'static str {
        "summary"
    }

    fn run(&self, ctx: &Context<'_>, report: &mut Report) {
        let close = closing(ctx);
        let present = !close.is_empty() && is_closing(ctx, &close);
        let mut needed = Vec::new();
        if ctx.draft_word_count() >= ctx.pack.summary_min_words() {
            needed.push("long");
        }
        let paragraphs = {
            let mut p: Vec<usize> = ctx.draft_body().map(|s| s.paragraph).collect();
            p.dedup();
            p.len()
        };
        let words = ctx.draft_word_count();
        // several topics: two answers, three paragraphs, or two paragraphs of substance or for several questions
        let several_questions = report.questions.len() >= 2 && paragraphs >= 2;
        if report.questions.iter().filter(|q| q.answered).count() >= 2
            || paragraphs >= 3
            || (paragraphs >= 2 && words >= 40)
            || several_questions
        {
            needed.push("topics");
        }
        if asks_client(ctx) {
            needed.push("asks_client");
        }
        let status = if present {
            SummaryStatus::Present
        } else if needed.is_empty() {
            SummaryStatus::NotNeeded
        } else {
            SummaryStatus::Missing
        };
        let closing_span = present.then(|| close.iter().map(|s| s.span).reduce(|a, b| a.join(b))).flatten();
        report.summary = SummaryResult { status, closing: closing_span, needed_because: needed.clone() };
        if status == SummaryStatus::Missing {
            let sets = ctx.sets();
            let body = ctx.draft_parts.body;
            let why =
                needed.iter().map(|n| sets.message(&format!("summary_why_{n}"), &[])).collect::<Vec<_>>().join(", ");
            report.push(Finding {
                rule: self.id().into(),
                severity: ctx.severity(self),
                message: sets.message("summary_missing", &[("why", &why)]),
                target: Target::Draft,
                span: Span::empty_at(body.end),
                suggestion: Some(Suggestion { action: Action::Insert, text: format!("\n\n{}", sets.skeleton) }),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{fired, run};
    use crate::report::{Action, SummaryStatus};

    const LONG_RU: &str = "Ирина, добрый день!\n\nСайт будет на staging в понедельник, 17 марта. Доступы пришлю отдельным письмом в тот же день.\n\nСтарые адреса карточек изменятся, поэтому мы настроим редиректы для всех 340 карточек. Таблицу соответствия пришлём вместе с доступами.\n\nТехподдержка после запуска стоит 45 000 ₽ в месяц: до 20 часов работ и реакция на критичные ошибки в течение двух часов.";

    #[test]
    fn a_long_reply_that_just_stops_misses_its_summary_and_gets_a_skeleton_in_its_language() {
        let r = run("", &format!("{LONG_RU}\n\nАнтон"));
        assert_eq!(r.summary.status, SummaryStatus::Missing);
        let f = r.findings.iter().find(|f| f.rule == "summary").unwrap();
        let s = f.suggestion.as_ref().unwrap();
        assert_eq!(s.action, Action::Insert);
        assert!(s.text.contains("Итого:"), "{}", s.text);
    }

    #[test]
    fn summary_markers_and_requests_with_a_deadline_count_in_three_languages() {
        let present = [
            format!("{LONG_RU}\n\nИтого: staging 17 марта, запуск 24 марта. Пожалуйста, подтвердите дату запуска до пятницы.\n\nАнтон"),
            format!("{LONG_RU}\n\nСо своей стороны ждём от вас список тестировщиков до среды.\n\nАнтон"),
            "Оксано, добрий день!\n\nМакети отримали, друк займе три дні, монтаж — один день. Доставку організуємо самі.\n\nКольори перевірили, усе гаразд.\n\nВід вас потрібне лише підтвердження адреси до четверга.\n\nТарас".to_string(),
            "Hi Lisa,\n\nWe can print the panels by 12 May and install them the same day. Your designer should send PDFs with bleed.\n\nThe quote is attached.\n\nNext step: please approve the artwork by Friday so we can book the install crew.\n\nOwen".to_string(),
            "Hi Lisa,\n\nWe can print the panels by 12 May and install them the same day. Your designer should send PDFs with bleed.\n\nLet me know by Thursday and we'll book the crew.\n\nOwen".to_string(),
        ];
        for d in &present {
            assert_eq!(run("", d).summary.status, SummaryStatus::Present, "{d}");
        }
    }

    #[test]
    fn ritual_closings_are_not_a_summary() {
        let d = format!("{LONG_RU}\n\nВыражаем надежду на дальнейшее плодотворное сотрудничество.\n\nАнтон");
        assert_eq!(run("", &d).summary.status, SummaryStatus::Missing);
        let en = "Dear Ms Mitchell,\n\nThe decline in rankings is caused by the February update and two new portals. We would not recommend a trial.\n\nThe minimum term is twelve months.\n\nWe remain at your disposal for any further clarification.\n\nGregory";
        assert_eq!(run("", en).summary.status, SummaryStatus::Missing);
    }

    #[test]
    fn a_short_single_point_reply_needs_no_summary() {
        for d in [
            "Сергей, добрый день! Ошибку воспроизвели, форма заработает сегодня до 16:00.\n\nДмитрий",
            "Hi Tom,\n\nYes, the menu will be live by Thursday.\n\nSophie",
        ] {
            let r = run("Когда почините форму?", d);
            assert_eq!(r.summary.status, SummaryStatus::NotNeeded, "{d}");
            assert!(!fired(&r).contains(&"summary"));
        }
    }

    #[test]
    fn asking_the_client_to_act_makes_a_summary_necessary() {
        let d = "Hi Ben,\n\nCould you send the API credentials through our password manager? The provider only issues them to the account owner.\n\nSophie";
        let r = run("", d);
        assert!(r.summary.needed_because.contains(&"asks_client"));
    }
}
