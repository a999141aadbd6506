"""Our sentence splitter next to razdel (a rule-based Russian segmenter) on the
Russian texts of the corpora: how often the two agree on sentence boundaries,
and how fast each is. Prints one JSON object (scripts/bench.sh)."""

import json
import subprocess
import sys
import time
from pathlib import Path

from razdel import sentenize

root = Path(__file__).resolve().parent.parent
texts = []
for corpus in [root / "tests/corpus/ru.jsonl", root / "../shared/corpus/ru.jsonl"]:
    if corpus.exists():
        for line in corpus.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                texts += [case["incoming"]["body"], case["draft"]["body"]]

tmp = root / "target/bench/ru-texts.jsonl"
tmp.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in texts) + "\n", encoding="utf-8")
run = subprocess.run(
    [str(root / "target/release/replylint"), "sentences", str(tmp)], capture_output=True, text=True, check=True
)
ours = [json.loads(l) for l in run.stdout.splitlines()]
ours_ms = float(run.stderr.split(" in ")[1].split(" ms")[0])

start = time.perf_counter()
theirs = [[[s.start, s.stop] for s in sentenize(t)] for t in texts]
razdel_ms = (time.perf_counter() - start) * 1000


def ends(text, spans):
    # a boundary is where a sentence ends, ignoring trailing spaces; line breaks count as boundaries
    return {len(text[:e].rstrip()) for _, e in spans if text[:e].strip()}


def at_line_end(text, end):
    # a line of mail that ends without punctuation (greeting, list item, signature): razdel joins it to the next
    return end < len(text) and text[end:].lstrip(" \t").startswith("\n") and text[end - 1] not in ".!?…"


both = only_ours = only_razdel = line_breaks = 0
for t, a, b in zip(texts, ours, theirs):
    ea, eb = ends(t, a), ends(t, b)
    both += len(ea & eb)
    extra = ea - eb
    line_breaks += sum(1 for e in extra if at_line_end(t, e))
    only_ours += len(extra)
    only_razdel += len(eb - ea)
total_chars = sum(len(t) for t in texts)
print(
    json.dumps(
        {
            "texts": len(texts),
            "chars": total_chars,
            "boundaries_both": both,
            "only_ours": only_ours,
            "only_razdel": only_razdel,
            "only_ours_at_unpunctuated_line_ends": line_breaks,
            "agreement": both / max(1, both + only_ours + only_razdel),
            "agreement_on_punctuated": both / max(1, both + only_ours - line_breaks + only_razdel),
            "ours_ms": ours_ms,
            "razdel_ms": razdel_ms,
            "speed_ratio": razdel_ms / max(ours_ms, 1e-9),
        }
    )
)
