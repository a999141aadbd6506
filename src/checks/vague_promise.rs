//! # vague_promise
//!
//! **What it flags.** A promise without a time: "в ближайшее время",
//! "скоро", "as soon as possible", "найближчим часом" in a sentence that
//! names no date or hour.
//!
//! **Why an agency cares.** "Soon" means different things to the client and
//! to us; a concrete time ("до завтра, 12:00") is a promise they can plan on.
//!
//! **Example.** "Пришлём расчёт в ближайшее время" → flagged;
//! "Пришлём расчёт в ближайшее время, до 12:00 завтра" → not.

use super::{Check, Context, signals};
use crate::pack::Severity;
use crate::report::{Action, Finding, Target};

pub struct VaguePromise;

impl Check for VaguePromise {
    fn id(&self) -> &'static str {
        "vague_promise"
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn run(&self, ctx: &Context<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let doc = &ctx.draft;
        for s in ctx.draft_body() {
            let sets = ctx.sets_for(s);
            let words = doc.words(s.body.clone());
            let matches = sets.vague_promises.find_longest(&words.words);
            if matches.is_empty() || signals::has_time(doc, &words, sets) {
                continue;
            }
            for m in matches {
                let span = doc.match_span(&words, m.start, m.end);
                let msgs = ctx.sets();
                out.push(
                    Finding::new(
                        self.id(),
                        self.severity(ctx),
                        msgs.message("vague_promise", &[("phrase", span.slice(doc.text()))]),
                        Target::Draft,
                        span,
                    )
                    .suggest(Action::Advice, msgs.message("vague_promise_hint", &[])),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{fired, run};

    #[test]
    fn promises_without_a_time_are_flagged() {
        for d in [
            "Анна, добрый день!\n\nРасчёт пришлём в ближайшее время.\n\nОльга",
            "Олено, добрий день!\n\nЗвіт надішлемо найближчим часом.\n\nІрина",
            "Hi Tom,\n\nWe'll send the quote as soon as possible.\n\nSophie",
        ] {
            assert!(fired(&run("", d)).contains(&"vague_promise"), "{d}");
        }
    }

    #[test]
    fn a_promise_with_a_time_is_fine() {
        for d in [
            "Анна, добрый день!\n\nРасчёт пришлём в ближайшее время, до 12:00 завтра.\n\nОльга",
            "Hi Tom,\n\nWe'll send the quote by Friday 5 pm.\n\nSophie",
        ] {
            assert!(!fired(&run("", d)).contains(&"vague_promise"), "{d}");
        }
    }
}
