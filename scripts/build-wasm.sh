#!/usr/bin/env bash
# Builds the core for the browser: target/…/replylint.wasm → pkg/ (wasm-bindgen, ES module).
#   bash scripts/build-wasm.sh          release build → pkg/
#   bash scripts/build-wasm.sh --test   with the test-only forceCrash → pkg-test/ (own target dir,
#                                       so switching features never rebuilds the release one)
# --experimental-reset-state-function generates __wbg_reset_state(): after a trap the
# service worker re-instantiates the module instead of calling into a broken one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--test" ]; then
  export CARGO_TARGET_DIR=target/wasm-test
  features=(--features test-crash)
  out=pkg-test
else
  features=()
  out=pkg
fi
target_dir=${CARGO_TARGET_DIR:-target}
cargo build --lib --target wasm32-unknown-unknown --profile wasm "${features[@]}"
wasm-bindgen --target web --remove-name-section --remove-producers-section --experimental-reset-state-function \
  --out-dir "$out" "$target_dir/wasm32-unknown-unknown/wasm/replylint.wasm"
