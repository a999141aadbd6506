//! Tests inside packs: `[[tests]]` entries with a `bad` draft that must
//! trigger a rule and a `good` draft that must not. A pack whose own tests
//! fail is refused at load, with the failing example.
//!
//! A pack's tests run the whole analyzer, so the entry points that load a
//! pack ([`Pack::from_source`], [`Pack::builtin`], [`Pack::base`]) live here,
//! above the checks; `pack` itself only decodes, validates and compiles
//! (`Pack::compile`), and knows nothing of the checks.

use crate::mail::{Exchange, Message};
use crate::pack::{Pack, PackError};
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

impl Pack {
    /// Loads a pack from its text; `extends` is resolved with `resolver`.
    /// A pack whose own tests fail is refused with the first failing example.
    pub fn from_source(file: &str, src: &str, resolver: &dyn crate::pack::load::Resolver) -> Result<Pack, PackError> {
        let (merged, files) = crate::pack::load::load(file, src, resolver)?;
        let pack = Pack::compile(merged, files)?;
        if let Some(f) = run(&pack).into_iter().find(|r| !r.passed) {
            let path = [
                crate::pack::load::Seg::Key("tests".into()),
                crate::pack::load::Seg::Index(f.index),
                crate::pack::load::Seg::Key(f.case.into()),
            ];
            return Err(PackError::at(
                file,
                src,
                crate::pack::load::locate(src, &path),
                format!("{} — the pack's own test fails, so it is refused", f.describe()),
            ));
        }
        Ok(pack)
    }

    /// A built-in pack by id ("base", "base-ru", ...).
    pub fn builtin(id: &str) -> Result<Pack, PackError> {
        let src = crate::pack::builtin::source(id).ok_or_else(|| {
            PackError::whole(
                id,
                format!(
                    "there is no built-in pack {id:?}; built-in packs are {}",
                    crate::pack::builtin::IDS.join(", ")
                ),
            )
        })?;
        Pack::from_source(id, src, &crate::pack::load::BuiltinResolver)
    }

    /// The default pack: Russian, Ukrainian and English base packs together.
    pub fn base() -> Pack {
        Pack::builtin("base").expect("the built-in base pack loads (tested)")
    }
}
