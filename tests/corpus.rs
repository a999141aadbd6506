//! Scores on labelled corpora, with the floors as assertions:
//! question detection F1 ≥ 0.92, unanswered F1 ≥ 0.85, summary accuracy and
//! missing-summary F1 ≥ 0.85, tone accuracy and macro-F1 ≥ 0.85.
//!
//! Two corpora: the team's dev corpus (../shared/corpus, scored with
//! ../shared/eval/score.py; skipped with a note when ../shared is not beside
//! the checkout) and our own held-out cases in tests/corpus/, written without
//! tuning the rules on them (docs/quality.md), scored with the same script.

use replylint::report::Unit;
use replylint::{Exchange, Message, Pack, analyze};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

fn predictions(dir: &Path) -> String {
    let pack = Pack::base();
    let mut out = String::new();
    for lang in ["ru", "uk", "en"] {
        let p = dir.join(format!("{lang}.jsonl"));
        let Ok(text) = std::fs::read_to_string(&p) else { continue };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let case: Value = serde_json::from_str(line).unwrap();
            let msg = |v: &Value| -> Message { serde_json::from_value(v.clone()).unwrap() };
            let ex = Exchange { incoming: msg(&case["incoming"]), draft: msg(&case["draft"]), now: None };
            let mut r = analyze(&ex, &pack);
            r.convert(Unit::Chars, &ex.incoming.body, &ex.draft.body);
            let qs: Vec<Value> = r
                .questions
                .iter()
                .map(|q| json!({"start": q.span.start, "end": q.span.end, "answered": q.answered}))
                .collect();
            out.push_str(
                &json!({"id": case["id"], "questions": qs, "summary": r.summary.status, "tone": r.tone.class})
                    .to_string(),
            );
            out.push('\n');
        }
    }
    out
}

fn score(corpus: &Path, scorer: &Path) -> Value {
    let pred = std::env::temp_dir().join(format!(
        "replylint-pred-{}-{}.jsonl",
        std::process::id(),
        corpus.display().to_string().len()
    ));
    std::fs::write(&pred, predictions(corpus)).unwrap();
    let out = Command::new("python3").arg(scorer).arg(corpus).arg(&pred).arg("--json").output().expect("python3 runs");
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn f1(v: &Value, key: &str) -> f64 {
    v[key][2].as_f64().unwrap()
}

fn assert_floors(name: &str, s: &Value) {
    eprintln!("{name}: {s}");
    assert_eq!(s["cases_without_prediction"], 0);
    assert!(f1(s, "question_p_r_f1") >= 0.92, "{name}: question F1 {}", s["question_p_r_f1"]);
    assert!(f1(s, "unanswered_p_r_f1") >= 0.85, "{name}: unanswered F1 {}", s["unanswered_p_r_f1"]);
    assert!(s["summary_accuracy"].as_f64().unwrap() >= 0.85, "{name}: summary accuracy {}", s["summary_accuracy"]);
    assert!(f1(s, "missing_summary_p_r_f1") >= 0.85, "{name}: missing summary F1 {}", s["missing_summary_p_r_f1"]);
    assert!(s["tone_accuracy"].as_f64().unwrap() >= 0.85, "{name}: tone accuracy {}", s["tone_accuracy"]);
    assert!(s["tone_macro_f1"].as_f64().unwrap() >= 0.85, "{name}: tone macro F1 {}", s["tone_macro_f1"]);
}

fn shared() -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let (corpus, scorer) = (root.join("corpus"), root.join("eval/score.py"));
    (corpus.is_dir() && scorer.is_file()).then_some((corpus, scorer))
}

#[test]
fn dev_corpus_meets_the_floors() {
    let Some((corpus, scorer)) = shared() else {
        eprintln!("../shared/corpus is not beside the checkout; dev corpus not scored");
        return;
    };
    assert_floors("dev corpus", &score(&corpus, &scorer));
}

#[test]
fn own_held_out_corpus_meets_the_floors() {
    let Some((_, scorer)) = shared() else {
        eprintln!("../shared/eval/score.py is not beside the checkout; held-out corpus not scored");
        return;
    };
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    assert_floors("held-out corpus", &score(&corpus, &scorer));
}
