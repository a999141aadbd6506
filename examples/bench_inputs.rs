//! Writes the benchmark inputs as JSON (stdout) so the wasm benchmarks in Node
//! and Chromium measure exactly what the native criterion benchmarks do:
//! `cargo run --release --example bench_inputs > target/bench/inputs.json`.

#[path = "../benches/common/inputs.rs"]
mod inputs;

use serde_json::json;

fn main() {
    let corpus = inputs::corpus();
    assert!(!corpus.is_empty(), "no corpus found (tests/corpus or ../shared/corpus)");
    let sized: serde_json::Map<String, serde_json::Value> = [1_000usize, 10_000, 100_000, 1_000_000]
        .iter()
        .map(|&n| (n.to_string(), serde_json::to_value(inputs::sized(&corpus, n)).unwrap()))
        .collect();
    let out = json!({
        "typical": inputs::typical(&corpus, 20),
        "corpus": corpus,
        "sized": sized,
    });
    println!("{out}");
}
