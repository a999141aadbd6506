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
use crate::report::{Action, Finding, Report, Suggestion, Target};
use crate::text::Span;

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

    fn run(&self, ctx: &Context<'_>, report: &mut Report) {
        if ctx.draft_word_count() > MAX_WORDS || !report.questions.iter().any(|q| !q.answered) {
            return;
        }
        let doc = &ctx.draft;
        let mut ack = None;
        for s in ctx.draft_written() {
            let sets = ctx.sets_for(s);
            let words = doc.words(s.body.clone());
            if signals::has_time(doc, &words, sets) {
                return;
            }
            if ack.is_none()
                && let Some(m) = sets.acknowledgements.find_longest(&words.words).first()
            {
                ack = Some(doc.match_span(&words, m.start, m.end));
            }
        }
        let Some(span) = ack else { return };
        let sets = ctx.sets();
        let deadline = crate::template::deadline_text(ctx.pack, ctx.exchange.now.as_deref(), ctx.lang);
        let text = sets.message("ack_deadline_insert", &[("deadline", deadline.as_deref().unwrap_or("…"))]);
        report.push(Finding {
            rule: self.id().into(),
            severity: ctx.severity(self),
            message: sets.message("ack_deadline", &[]),
            target: Target::Draft,
            span,
            suggestion: Some(Suggestion { action: Action::Insert, text: format!(" {text}") }),
        });
        let _ = Span::default();
    }
}
