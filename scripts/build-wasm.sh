#!/usr/bin/env bash
# Builds the core for the browser: target/…/replylint.wasm → pkg/ (wasm-bindgen, ES module).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --lib --target wasm32-unknown-unknown --profile wasm
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir pkg target/wasm32-unknown-unknown/wasm/replylint.wasm
