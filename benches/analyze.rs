//! Native benchmarks: the unanswered-questions check alone and the whole
//! `analyze` per exchange on the labelled corpora, `analyze` on drafts of
//! 1 KB to 1 MB (throughput), and pack loading. `scripts/bench.sh` prints
//! these with the wasm and browser figures as one table.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use replylint::checks::{Check, Context, questions::UnansweredQuestions};
use replylint::report::Report;
use replylint::{Exchange, Message, Pack, analyze};
use std::hint::black_box;
use std::path::Path;

/// Exchanges of the dev corpus (../shared/corpus) and of tests/corpus.
fn corpus() -> Vec<Exchange> {
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

fn bench(c: &mut Criterion) {
    let pack = Pack::base();
    let corpus = corpus();
    assert!(!corpus.is_empty(), "no corpus found");

    let contexts: Vec<Context<'_>> = corpus.iter().map(|e| Context::new(e, &pack)).collect();
    c.bench_function(&format!("unanswered_questions check, per exchange ({} corpus exchanges)", corpus.len()), |b| {
        let mut i = 0;
        b.iter(|| {
            let mut r = Report::default();
            UnansweredQuestions.run(&contexts[i % contexts.len()], &mut r);
            i += 1;
            black_box(r)
        })
    });
    c.bench_function("analyze, per corpus exchange", |b| {
        let mut i = 0;
        b.iter(|| {
            let r = analyze(&corpus[i % corpus.len()], &pack);
            i += 1;
            black_box(r)
        })
    });

    let mut g = c.benchmark_group("analyze by draft size");
    for &size in &[1_000usize, 10_000, 100_000, 1_000_000] {
        let ex = sized(&corpus, size);
        g.throughput(Throughput::Bytes((ex.draft.body.len() + ex.incoming.body.len()) as u64));
        if size >= 100_000 {
            g.sample_size(10);
        }
        g.bench_with_input(BenchmarkId::from_parameter(size), &ex, |b, ex| b.iter(|| black_box(analyze(ex, &pack))));
    }
    g.finish();

    let mut g = c.benchmark_group("pack load (parse, validate, merge, compile, self-test)");
    g.sample_size(20);
    for id in replylint::pack::builtin::IDS {
        g.bench_function(*id, |b| b.iter(|| black_box(Pack::builtin(id).unwrap())));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
