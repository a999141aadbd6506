//! Checks: one per file, each answering one question about an exchange and
//! returning its findings. [`REGISTRY`] is the one place where checks are
//! registered. Checks are pure: they read the [`Context`] (the exchange, the
//! pack, and the shared analyses in [`crate::analysis`]) and never each
//! other, so their order in the registry only orders the output.
//!
//! Adding a check: docs/checks.md has a worked example.

use crate::pack::Severity;
use crate::report::Finding;

pub use crate::analysis::{Context, signals};

pub mod ack_deadline;
pub mod internal_details;
pub mod phrase_rules;
pub mod question_list;
pub mod question_order;
pub mod questions;
pub mod reply_all;
pub mod subject_changed;
pub mod summary;
pub mod tone;
pub mod vague_promise;

/// One check: what it finds in one exchange.
pub trait Check: Sync {
    /// Stable id, used in findings, pack settings (`[checks.<id>]`) and tests.
    fn id(&self) -> &'static str;
    /// Severity when the pack does not set one.
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    /// The findings of this check; nothing else is written anywhere.
    fn run(&self, cx: &Context<'_>) -> Vec<Finding>;
    /// The severity the pack gives this check, or its default.
    fn severity(&self, cx: &Context<'_>) -> Severity {
        cx.pack.check_settings(self.id()).1.unwrap_or(self.default_severity())
    }
}

/// Every check, in the order they run.
pub static REGISTRY: &[&dyn Check] = &[
    &questions::UnansweredQuestions,
    &question_order::QuestionOrder,
    &summary::Summary,
    &tone::Tone,
    &subject_changed::SubjectChanged,
    &reply_all::ReplyAll,
    &question_list::QuestionList,
    &internal_details::InternalDetails,
    &vague_promise::VaguePromise,
    &ack_deadline::AckDeadline,
    &phrase_rules::PhraseRules,
];

/// Runs every check the pack enables: their ids, and all their findings.
pub fn run_all(cx: &Context<'_>) -> (Vec<&'static str>, Vec<Finding>) {
    let mut ran = Vec::new();
    let mut findings = Vec::new();
    for check in REGISTRY {
        if cx.pack.check_settings(check.id()).0 {
            findings.extend(check.run(cx));
            ran.push(check.id());
        }
    }
    (ran, findings)
}

/// Helpers for the checks' own tests: the base pack, loaded once.
#[cfg(test)]
pub(crate) mod testing {
    use crate::mail::{Exchange, Message};
    use crate::pack::Pack;
    use crate::report::Report;
    use std::sync::OnceLock;

    pub fn pack() -> &'static Pack {
        static P: OnceLock<Pack> = OnceLock::new();
        P.get_or_init(Pack::base)
    }

    pub fn exchange(incoming: &str, draft: &str) -> Exchange {
        Exchange {
            incoming: Message { body: incoming.into(), ..Message::default() },
            draft: Message { body: draft.into(), ..Message::default() },
            now: None,
        }
    }

    pub fn run(incoming: &str, draft: &str) -> Report {
        crate::analyze(&exchange(incoming, draft), pack())
    }

    /// Ids of the rules that fired.
    pub fn fired(r: &Report) -> Vec<&str> {
        r.findings.iter().map(|f| f.rule.as_str()).collect()
    }

    /// (question text, answered) pairs.
    pub fn questions(incoming: &str, draft: &str) -> Vec<(String, bool)> {
        let r = run(incoming, draft);
        r.questions.iter().map(|q| (q.span.slice(incoming).to_string(), q.answered)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_ids_are_unique_and_configurable_in_packs() {
        let schema = serde_json::to_value(crate::pack::ChecksConfig::default()).unwrap();
        let keys: Vec<String> = schema.as_object().unwrap().keys().cloned().collect();
        let mut seen = std::collections::BTreeSet::new();
        for c in REGISTRY {
            assert!(seen.insert(c.id()), "duplicate check id {}", c.id());
            assert!(
                keys.contains(&c.id().to_string()),
                "check {} has no [checks.{}] settings in the pack schema",
                c.id(),
                c.id()
            );
        }
        assert_eq!(seen.len(), keys.len(), "pack schema lists checks that are not registered: {keys:?}");
    }
}
