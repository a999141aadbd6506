#!/usr/bin/env bash
# Every test: Rust unit and integration tests (the corpus thresholds among
# them when ../shared is beside the checkout), the wasm build, and the
# browser end-to-end tests of the extension in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=1 bash scripts/setup.sh
cargo test --release
bash scripts/build-wasm.sh
bash scripts/build-wasm.sh --test   # pkg-test: the same core plus a test-only crash
(cd extension && npm run typecheck && node build.mjs && REPLYLINT_TEST=1 node build.mjs && npm run lint:firefox && npm test)
if [ -f ../shared/eval/score.py ]; then
  bash scripts/score.sh | tail -9
fi
