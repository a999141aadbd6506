//! Native benchmarks: the unanswered-questions check alone and the whole
//! `analyze` per exchange on the labelled corpora, `analyze` on drafts of
//! 1 KB to 1 MB (throughput), and pack loading. `scripts/bench.sh` prints
//! these with the wasm and browser figures as one table.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use replylint::checks::{Check, Context, questions::UnansweredQuestions};
use replylint::{Pack, analyze};
use std::hint::black_box;

#[path = "common/inputs.rs"]
mod inputs;
use inputs::{corpus, sized, typical};

fn bench(c: &mut Criterion) {
    let pack = Pack::base();
    let corpus = corpus();
    assert!(!corpus.is_empty(), "no corpus found");

    // A fresh context each time: the answer model is computed lazily and
    // cached on the context, so reusing one would time a cache hit.
    c.bench_function(&format!("unanswered_questions check, per exchange ({} corpus exchanges)", corpus.len()), |b| {
        let mut i = 0;
        b.iter(|| {
            let cx = Context::new(&corpus[i % corpus.len()], &pack);
            let findings = UnansweredQuestions.run(&cx);
            i += 1;
            black_box(findings)
        })
    });
    let typical = typical(&corpus, 20);
    c.bench_function("analyze, typical exchange (2 KB message + 2 KB draft)", |b| {
        let mut i = 0;
        b.iter(|| {
            let r = analyze(&typical[i % typical.len()], &pack);
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
