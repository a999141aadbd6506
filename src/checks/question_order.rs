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
use crate::report::{Action, Finding, Target};

pub struct QuestionOrder;

impl Check for QuestionOrder {
    fn id(&self) -> &'static str {
        "question_order"
    }

    fn default_severity(&self) -> Severity {
        Severity::Hint
    }

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let numbered: Vec<_> = ctx.answers().iter().filter(|q| q.number.is_some()).collect();
        if numbered.len() < 2 {
            return out;
        }
        let answered: Vec<_> = numbered.iter().filter_map(|q| q.answer.map(|a| (q.number.unwrap_or(0), a))).collect();
        let mut latest = 0;
        for &(n, a) in &answered {
            if a.start < latest {
                let sets = ctx.sets();
                out.push(
                    Finding::new(
                        self.id(),
                        self.severity(ctx),
                        sets.message("question_order", &[("number", &n.to_string())]),
                        Target::Draft,
                        a,
                    )
                    .suggest(Action::Advice, sets.message("question_order_hint", &[])),
                );
                return out;
            }
            latest = latest.max(a.start);
        }
        out
    }
}
