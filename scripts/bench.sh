#!/usr/bin/env bash
# Prints every performance figure as one table (docs/performance.md keeps the latest):
# native criterion benchmarks, the wasm core in Node next to harper.js, the
# extension in headless Chromium (cold start, round trips, keystroke → highlights),
# our sentence splitter next to razdel, and the size budget.
#   bash scripts/bench.sh            full run (about 10 minutes)
#   QUICK=1 bash scripts/bench.sh    shorter criterion runs
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=1 bash scripts/setup.sh
mkdir -p target/bench
cargo build --release
bash scripts/build-wasm.sh
(cd extension && node build.mjs >/dev/null)
# benchmark-only dependencies: harper.js (npm) and razdel (PyPI)
(cd bench && npm install --no-audit --no-fund --silent)
if [ ! -x target/bench/venv/bin/python ]; then
  python3 -m venv target/bench/venv
  target/bench/venv/bin/pip install --quiet razdel
fi
cargo run --release --quiet --example bench_inputs > target/bench/inputs.json
crit=()
[ -n "${QUICK:-}" ] && crit=(--warm-up-time 1 --measurement-time 2)
cargo bench --bench analyze -- "${crit[@]}" 2>&1 | grep -E "^[a-z].*|time:|thrpt:" || true
node bench/wasm-node.mjs > target/bench/node.json
node bench/browser.mjs > target/bench/browser.json
target/bench/venv/bin/python bench/razdel_compare.py > target/bench/razdel.json
echo
node bench/report.mjs
