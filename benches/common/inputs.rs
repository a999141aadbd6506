// Each includer (the bench, the inputs writer, the profiling loop) uses a subset.
#![allow(dead_code)]

//! Benchmark inputs shared by the criterion benchmarks (benches/analyze.rs)
//! and `cargo run --example bench_inputs`, which writes the same inputs as
//! JSON for the wasm benchmarks in Node and Chromium (scripts/bench.sh).

use replylint::{Exchange, Message};
use std::path::Path;

/// Exchanges of the dev corpus (../shared/corpus) and of tests/corpus.
pub fn corpus() -> Vec<Exchange> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("../shared/corpus"), root.join("tests/corpus")] {
        for lang in ["ru", "uk", "en"] {
            let Ok(text) = std::fs::read_to_string(dir.join(format!("{lang}.jsonl"))) else { continue };
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let msg = |k: &str| -> Message { serde_json::from_value(v[k].clone()).unwrap() };
                out.push(Exchange { incoming: msg("incoming"), draft: msg("draft"), now: None });
            }
        }
    }
    out
}

/// A real-looking exchange whose draft is about `bytes` long: corpus drafts'
/// paragraphs repeated, with the client's questions in the incoming message.
pub fn sized(corpus: &[Exchange], bytes: usize) -> Exchange {
    let mut draft = String::from("Анна, добрый день!\n\n");
    let mut i = 0;
    while draft.len() < bytes {
        let body = &corpus[i % corpus.len()].draft.body;
        for para in body.split("\n\n").skip(1) {
            draft.push_str(para);
            draft.push_str("\n\n");
        }
        i += 1;
    }
    let mut incoming = String::new();
    for ex in corpus.iter().take(4) {
        incoming.push_str(ex.incoming.body.split("\n\n").nth(1).unwrap_or(""));
        incoming.push_str("\n\n");
    }
    Exchange {
        incoming: Message { body: incoming, ..Message::default() },
        draft: Message { body: draft, ..Message::default() },
        now: None,
    }
}

/// Typical exchanges: about 2 KB of the client's message and 2 KB of draft,
/// each stitched from consecutive corpus cases (whole messages, real wording).
pub fn typical(corpus: &[Exchange], count: usize) -> Vec<Exchange> {
    let mut out = Vec::new();
    for start in 0..count {
        let (mut incoming, mut draft) = (String::new(), String::new());
        let mut i = start * 3;
        while incoming.len() < 2000 || draft.len() < 2000 {
            let ex = &corpus[i % corpus.len()];
            if incoming.len() < 2000 {
                incoming.push_str(&ex.incoming.body);
                incoming.push_str("\n\n");
            }
            if draft.len() < 2000 {
                draft.push_str(&ex.draft.body);
                draft.push_str("\n\n");
            }
            i += 1;
        }
        out.push(Exchange {
            incoming: Message { body: incoming, ..Message::default() },
            draft: Message { body: draft, ..Message::default() },
            now: None,
        });
    }
    out
}
