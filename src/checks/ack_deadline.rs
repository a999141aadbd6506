//! # ack_deadline
//!
//! **What it flags.** A short reply that only confirms receipt ("получили",
//! "отримали", "got it") while the client's questions are still open, and
//! says nothing about when the answer comes.
//!
//! **Why an agency cares.** "Received" alone leaves the client waiting
//! without a date. Alconost's rule: "Спасибо, документ получили. Подробный
//! расчёт сможем дать в течение дня."
//!
//! **Example.** "Спасибо, получили!" to "Сколько будет стоить перевод?" →
//! suggest adding "Подробный ответ пришлём до …" with the deadline from the
//! pack's response-time standard.

use super::{Check, Context, signals};
use crate::pack::Severity;
use crate::report::{Action, Finding, Target};

pub struct AckDeadline;

/// Drafts longer than this are more than an acknowledgement.
const MAX_WORDS: usize = 40;

impl Check for AckDeadline {
    fn id(&self) -> &'static str {
        "ack_deadline"
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        if ctx.draft_word_count() > MAX_WORDS || !ctx.answers().iter().any(|q| !q.answered) {
            return out;
        }
        let doc = &ctx.draft;
        let mut ack = None;
        for s in ctx.draft_written() {
            let sets = ctx.sets_for(s);
            let words = doc.words(s.body.clone());
            if signals::has_time(doc, &words, sets) {
                return out;
            }
            if ack.is_none()
                && let Some(m) = sets.acknowledgements.find_longest(&words.words).first()
            {
                ack = Some(doc.match_span(&words, m.start, m.end));
            }
        }
        let Some(span) = ack else { return out };
        let sets = ctx.sets();
        let deadline = ctx.pack.deadline_text(ctx.exchange.now.as_deref(), ctx.lang);
        let text = sets.message("ack_deadline_insert", &[("deadline", deadline.as_deref().unwrap_or("…"))]);
        out.push(
            Finding::new(self.id(), self.severity(ctx), sets.message("ack_deadline", &[]), Target::Draft, span)
                .suggest(Action::Insert, format!(" {text}")),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{exchange, fired, pack};

    #[test]
    fn a_bare_acknowledgement_gets_a_deadline_suggestion_from_the_standard() {
        let mut ex = exchange(
            "Добрый день!\n\nСколько будет стоить перевод 30 страниц?\n\nСергей",
            "Сергей, добрый день!\n\nСпасибо, документ получили.\n\nМария",
        );
        ex.now = Some("2025-03-07T17:00:00+03:00".into()); // Friday
        let r = crate::analyze(&ex, pack());
        let f = r.findings.iter().find(|f| f.rule == "ack_deadline").expect("ack_deadline fires");
        assert_eq!(f.suggestion.as_ref().unwrap().text, " Подробный ответ пришлём до понедельника, 17:00.");
    }

    #[test]
    fn in_ukrainian_and_english_too() {
        let uk = exchange(
            "Добрий день!\n\nСкільки коштуватиме переклад?\n\nСергій",
            "Сергію, добрий день!\n\nДякуємо, отримали.\n\nМарія",
        );
        assert!(fired(&crate::analyze(&uk, pack())).contains(&"ack_deadline"));
        let en = exchange("Hi,\n\nHow much would the translation cost?\n\nSam", "Hi Sam,\n\nThanks, got it!\n\nMaria");
        assert!(fired(&crate::analyze(&en, pack())).contains(&"ack_deadline"));
    }

    #[test]
    fn an_acknowledgement_with_a_time_or_an_answer_is_fine() {
        let timed = exchange(
            "Добрый день!\n\nСколько будет стоить перевод?\n\nСергей",
            "Сергей, добрый день!\n\nДокумент получили, расчёт пришлём сегодня до 18:00.\n\nМария",
        );
        assert!(!fired(&crate::analyze(&timed, pack())).contains(&"ack_deadline"));
        let nothing_asked = exchange(
            "Добрый день!\n\nОплату провели, платёжку прилагаю.\n\nБогдан",
            "Богдан, спасибо! Оплату получили.\n\nОксана",
        );
        assert!(!fired(&crate::analyze(&nothing_asked, pack())).contains(&"ack_deadline"));
    }
}
