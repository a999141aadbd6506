//! The properties each fuzz target checks, one function per target. Shared
//! with `tests/fuzz_regressions.rs`, which replays the saved inputs under
//! `tests/fuzz/<target>/` in the normal test run.

use replylint::pack::load::BuiltinResolver;
use replylint::{Exchange, Pack, Target, Unit};
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn packs() -> &'static [Pack] {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        ["base", "base-ru", "base-uk", "base-en"].iter().map(|id| Pack::builtin(id).expect("built-in pack")).collect()
    })
}

/// Arbitrary exchanges through `analyze`: no panic, every span inside its text
/// on char boundaries, conversion to UTF-16 and code points in range, and the
/// same report twice.
pub fn analyze(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    // fields separated by U+0001: incoming body, draft body, incoming subject, draft subject, to, cc, now
    let mut f = text.split('\u{1}');
    let mut ex = Exchange::default();
    ex.incoming.body = f.next().unwrap_or("").to_string();
    ex.draft.body = f.next().unwrap_or("").to_string();
    ex.incoming.subject = f.next().unwrap_or("").to_string();
    ex.draft.subject = f.next().unwrap_or("").to_string();
    ex.incoming.to = f.next().unwrap_or("").split(',').map(str::to_string).collect();
    ex.draft.to = f.next().unwrap_or("").split(',').map(str::to_string).collect();
    ex.now = f.next().map(str::to_string);
    let packs = packs();
    let pack = &packs[selector as usize % packs.len()];
    let report = replylint::analyze(&ex, pack);
    let problems = report.span_problems(&ex.incoming.body, &ex.draft.body);
    assert!(problems.is_empty(), "bad spans: {problems:?}");
    assert_eq!(report, replylint::analyze(&ex, pack), "analysis is not deterministic");
    let (inc16, dr16) = (ex.incoming.body.encode_utf16().count(), ex.draft.body.encode_utf16().count());
    let mut utf16 = report.clone();
    utf16.convert(Unit::Utf16, &ex.incoming.body, &ex.draft.body);
    for f in &utf16.findings {
        let len = match f.target {
            Target::Incoming => inc16,
            Target::Draft => dr16,
            _ => continue,
        };
        assert!(f.span.start <= f.span.end && f.span.end <= len, "UTF-16 span out of range: {f:?}");
    }
}

/// Arbitrary text as a pack: loading either succeeds or returns an error whose
/// line and column lie inside the text; never a panic.
pub fn pack_load(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else { return };
    if let Err(e) = Pack::from_source("fuzz.toml", src, &BuiltinResolver) {
        let msg = e.to_string();
        assert!(!msg.is_empty());
        if e.file == "fuzz.toml" && e.line > 0 {
            let lines = src.split('\n').count();
            assert!(e.line <= lines, "line {} outside a pack of {lines} lines: {msg}", e.line);
        }
    }
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c)
            }
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A template text and values from the input, rendered through a real pack:
/// never a panic, a value is never expanded again, and every unfilled span
/// points at "{name}" in the output.
pub fn template_render(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    // template text, then name=value pairs, then "now", separated by U+0001
    let mut f = text.split('\u{1}');
    let template = f.next().unwrap_or("");
    let mut values = BTreeMap::new();
    for pair in f.next().unwrap_or("").split('\u{2}') {
        if let Some((k, v)) = pair.split_once('=') {
            values.insert(k.to_string(), v.to_string());
        }
    }
    let fill: Vec<String> = values.keys().map(|k| toml_string(k)).collect();
    let src = format!(
        "[pack]\nid = \"fuzz\"\n[[templates]]\nid = \"t\"\ntitle = \"t\"\nlanguage = \"uk\"\ntext = {}\nfill = [{}]\n",
        toml_string(template),
        fill.join(", ")
    );
    let Ok(pack) = Pack::from_source("fuzz.toml", &src, &BuiltinResolver) else { return };
    let now = f.next().map(str::to_string);
    let mut ex = Exchange { now, ..Exchange::default() };
    ex.incoming.from = f.next().unwrap_or("").to_string();
    for exchange in [None, Some(&ex)] {
        let r = replylint::template::render(&pack, "t", exchange, &values).expect("the template exists");
        for (name, span) in &r.unfilled {
            assert_eq!(&r.text[span.start..span.end], format!("{{{name}}}"), "unfilled span is wrong");
        }
    }
}

/// Arbitrary bytes as an .eml file: an exchange or an error sentence, never a
/// panic; an exchange that loads also analyses.
pub fn eml(data: &[u8]) {
    let pack = &packs()[0];
    match replylint::mail::eml::exchange_from_eml(data, pack) {
        Ok(ex) => {
            let report = replylint::analyze(&ex, pack);
            assert!(report.span_problems(&ex.incoming.body, &ex.draft.body).is_empty());
        }
        Err(msg) => assert!(!msg.is_empty()),
    }
}
