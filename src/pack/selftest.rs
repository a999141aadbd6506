//! Tests inside packs: `[[tests]]` entries with a `bad` draft that must
//! trigger a rule and a `good` draft that must not. A pack whose own tests
//! fail is refused at load, with the failing example.

use super::Pack;
use crate::mail::{Exchange, Message};
use crate::report::SummaryStatus;

#[derive(Clone, Debug, PartialEq)]
pub struct TestResult {
    /// Index of the test in the pack's `[[tests]]`.
    pub index: usize,
    pub rule: String,
    /// "bad" or "good".
    pub case: &'static str,
    pub draft: String,
    pub passed: bool,
}

impl TestResult {
    pub fn describe(&self) -> String {
        let flat = self.draft.split_whitespace().collect::<Vec<_>>().join(" ");
        let short: String = flat.chars().take(70).collect();
        let verb = if self.case == "bad" { "must trigger" } else { "must not trigger" };
        format!("tests[{}] {} {verb} {}: «{short}»", self.index, self.case, self.rule)
    }
}

/// Whether `rule` fires on a draft.
fn triggers(pack: &Pack, rule: &str, incoming: &str, draft: &str, subject: Option<&str>) -> bool {
    let ex = Exchange {
        incoming: Message { subject: subject.unwrap_or("").into(), body: incoming.into(), ..Message::default() },
        draft: Message {
            subject: subject.map(|s| format!("Re: {s}")).unwrap_or_default(),
            body: draft.into(),
            ..Message::default()
        },
        now: None,
    };
    let report = crate::analyze(&ex, pack);
    match rule {
        "summary" => report.summary.status == SummaryStatus::Missing,
        "tone" => report.tone.class != crate::report::ToneClass::Balanced,
        "tone_formal" => report.tone.class == crate::report::ToneClass::TooFormal,
        "tone_familiar" => report.tone.class == crate::report::ToneClass::TooFamiliar,
        other => report.findings.iter().any(|f| f.rule == other),
    }
}

/// Runs every test of the pack.
pub fn run(pack: &Pack) -> Vec<TestResult> {
    let mut out = Vec::new();
    for (i, t) in pack.source.tests.iter().enumerate() {
        let incoming = t.incoming.as_deref().unwrap_or("");
        for (case, draft, want) in [("bad", &t.bad, true), ("good", &t.good, false)] {
            let Some(draft) = draft else { continue };
            let got = triggers(pack, &t.rule, incoming, draft, t.subject.as_deref());
            out.push(TestResult { index: i, rule: t.rule.clone(), case, draft: draft.clone(), passed: got == want });
        }
    }
    out
}
