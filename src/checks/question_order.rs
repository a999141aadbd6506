//! # question_order
//!
//! **What it flags.** The client numbered their questions and the draft
//! answers them out of order (a soft hint).
//!
//! **Why an agency cares.** A client who wrote "1, 2, 3" checks the reply
//! against their list; answers in the same order are quicker to check.
//!
//! **Example.** Questions 1, 2, 3; the draft answers 2, then 1 → hint at
//! the answer to 1.

use super::{Check, Context};
use crate::pack::Severity;
use crate::report::{Action, Finding, Report, Suggestion, Target};

pub struct QuestionOrder;

impl Check for QuestionOrder {
    fn id(&self) -> &'static str {
        "question_order"
    }

    fn default_severity(&self) -> Severity {
        Severity::Hint
    }

    fn run(&self, ctx: &Context<'_>, report: &mut Report) {
        let numbered: Vec<_> = report.questions.iter().filter(|q| q.number.is_some()).collect();
        if numbered.len() < 2 {
            return;
        }
        let answered: Vec<_> = numbered.iter().filter_map(|q| q.answer.map(|a| (q.number.unwrap_or(0), a))).collect();
        let mut latest = 0;
        for &(n, a) in &answered {
            if a.start < latest {
                let sets = ctx.sets();
                report.push(Finding {
                    rule: self.id().into(),
                    severity: ctx.severity(self),
                    message: sets.message("question_order", &[("number", &n.to_string())]),
                    target: Target::Draft,
                    span: a,
                    suggestion: Some(Suggestion {
                        action: Action::Advice,
                        text: sets.message("question_order_hint", &[]),
                    }),
                });
                return;
            }
            latest = latest.max(a.start);
        }
    }
}
