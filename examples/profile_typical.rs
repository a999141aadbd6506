//! Analyses the typical benchmark exchanges in a loop, for a profiler:
//! `cargo build --release --example profile_typical && perf record -g target/release/examples/profile_typical`.

#[path = "../benches/common/inputs.rs"]
mod inputs;

fn main() {
    let pack = replylint::Pack::base();
    let typical = inputs::typical(&inputs::corpus(), 20);
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let mut n = 0;
    for i in 0..rounds {
        n += replylint::analyze(&typical[i % typical.len()], &pack).findings.len();
    }
    println!("{n} findings");
}
