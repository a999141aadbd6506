#!/usr/bin/env bash
# Installs what the build and the tests need, if missing. Idempotent: a
# second run on a ready machine takes a second. Used by build.sh, test.sh and .ci/run.
#   WITH_BROWSER=1  also install Debian's chromium (for the browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  say "cargo install wasm-bindgen-cli $want (have: ${have:-none})"
  # not --locked: the CLI's own lock file pins versions the registry mirror may lack
  cargo install wasm-bindgen-cli --version "$want" --force
fi

if [ -f extension/package.json ] && [ ! -d extension/node_modules ]; then
  say "npm ci (extension)"
  (cd extension && npm ci --no-audit --no-fund)
fi

if [ "${WITH_BROWSER:-0}" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  say "apt-get install chromium"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi
