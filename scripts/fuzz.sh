#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each):
#   bash scripts/fuzz.sh [seconds-per-target] [target ...]
# Needs the nightly toolchain (`rustup toolchain install nightly`) and
# cargo-fuzz (`cargo install cargo-fuzz`). Seeds come from our test mail,
# packs and .eml fixtures; inputs that crashed are copied to tests/fuzz/<target>/
# so `cargo test` replays them from then on (tests/fuzz_regressions.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze pack_load template_render eml)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
(cd fuzz && cargo +nightly fuzz build -O)

# seeds: real-looking inputs in the layout each target expects
python3 - <<'PY'
import glob, json, os, shutil
def put(target, name, data):
    d = f"fuzz/corpus/{target}"
    os.makedirs(d, exist_ok=True)
    open(f"{d}/{name}", "wb").write(data)
cases = []
for f in sorted(glob.glob("tests/corpus/*.jsonl") + glob.glob("../shared/corpus/*.jsonl")):
    cases += [json.loads(l) for l in open(f, encoding="utf-8") if l.strip()]
for i, c in enumerate(cases):
    inc, dr = c["incoming"], c["draft"]
    fields = [inc["body"], dr["body"], inc.get("subject", ""), dr.get("subject", ""),
              ",".join(inc.get("to", []) + inc.get("cc", [])), ",".join(dr.get("to", [])), "2025-03-07T17:00:00+02:00"]
    put("analyze", f"seed-{i}", bytes([i % 4]) + "\x01".join(fields).encode())
    put("template_render", f"seed-{i}", ("Дякуємо, {client_name}! {document} надішлемо {deadline}.\x01document=" + inc.get("subject", "") + "\x01" + "2025-03-07T17:00:00+02:00\x01" + inc.get("from", "")).encode())
for f in glob.glob("packs/*.toml") + glob.glob("packs/examples/*.toml"):
    put("pack_load", os.path.basename(f), open(f, "rb").read())
for f in glob.glob("tests/fixtures/eml/*.eml"):
    put("eml", os.path.basename(f), open(f, "rb").read())
for t in ("analyze", "pack_load", "template_render", "eml"):
    for f in glob.glob(f"tests/fuzz/{t}/*"):
        put(t, "regression-" + os.path.basename(f), open(f, "rb").read())
PY

status=0
for t in "${targets[@]}"; do
  echo "== $t for ${secs}s"
  if ! (cd fuzz && cargo +nightly fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 2>&1 | tail -n 25); then
    status=1
  fi
  for crash in fuzz/artifacts/"$t"/*; do
    [ -f "$crash" ] || continue
    mkdir -p "tests/fuzz/$t"
    cp "$crash" "tests/fuzz/$t/"
    echo "saved $crash to tests/fuzz/$t/ (commit it with the fix)"
  done
done
exit $status
