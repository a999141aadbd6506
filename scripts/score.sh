#!/usr/bin/env bash
# Scores the checker on a labelled corpus, per language and overall, beside the
# naive baseline. Usage: scripts/score.sh [CORPUS_DIR]   (default ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
score=${SCORE_PY:-../shared/eval/score.py}
[ -f "$score" ] || { echo "score.sh: $score not found (put ../shared beside the checkout)"; exit 2; }
bin=target/release/replylint
[ -x "$bin" ] || cargo build --release --bin replylint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lang in ru uk en; do
  [ -f "$corpus/$lang.jsonl" ] || continue
  mkdir -p "$tmp/$lang"
  cp "$corpus/$lang.jsonl" "$tmp/$lang/"
  "$bin" case "$corpus/$lang.jsonl" > "$tmp/$lang.pred.jsonl"
  cat "$tmp/$lang.pred.jsonl" >> "$tmp/all.pred.jsonl"
  echo "---- $lang: replylint"
  python3 "$score" "$tmp/$lang" "$tmp/$lang.pred.jsonl"
  echo "---- $lang: baseline"
  python3 "$score" "$tmp/$lang" "$tmp/$lang.pred.jsonl" --baseline
done
echo "---- all: replylint"
python3 "$score" "$corpus" "$tmp/all.pred.jsonl"
