#!/usr/bin/env python3
"""Show where predictions differ from the labels of a corpus (for development).

usage: corpus_diff.py CORPUS_DIR PRED.jsonl [questions|summary|tone|all]
"""
import json, sys
from pathlib import Path

corpus, pred_path = sys.argv[1], sys.argv[2]
what = sys.argv[3] if len(sys.argv) > 3 else "all"
preds = {}
for line in Path(pred_path).read_text(encoding="utf-8").splitlines():
    if line.strip():
        o = json.loads(line)
        preds[o["id"]] = o
for lang in ("ru", "uk", "en"):
    p = Path(corpus) / f"{lang}.jsonl"
    if not p.exists():
        continue
    for line in p.read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        pr = preds.get(c["id"])
        if pr is None:
            print(c["id"], "NO PREDICTION")
            continue
        body = c["incoming"]["body"]
        gold = []
        for q in c["expect"]["questions"]:
            s = body.find(q["quote"])
            gold.append((s, s + len(q["quote"]), q["answered"], q["quote"]))
        if what in ("questions", "all"):
            used = set()
            for gs, ge, ga, quote in gold:
                m = None
                for i, q in enumerate(pr["questions"]):
                    cov = max(0, min(ge, q["end"]) - max(gs, q["start"])) / max(1, ge - gs)
                    if i not in used and cov >= 0.5 and (q["end"] - q["start"]) <= 3 * (ge - gs):
                        m = i
                        break
                if m is None:
                    print(f"{c['id']} MISSED question (answered={ga}): {quote}")
                else:
                    used.add(m)
                    if pr["questions"][m]["answered"] != ga:
                        print(f"{c['id']} ANSWERED gold={ga} pred={pr['questions'][m]['answered']}: {quote}")
            for i, q in enumerate(pr["questions"]):
                if i not in used:
                    print(f"{c['id']} EXTRA question (answered={q['answered']}): {body[q['start']:q['end']]}")
        if what in ("summary", "all") and pr["summary"] != c["expect"]["summary"]:
            print(f"{c['id']} SUMMARY gold={c['expect']['summary']} pred={pr['summary']}")
        if what in ("tone", "all") and pr["tone"] != c["expect"]["tone"]:
            print(f"{c['id']} TONE gold={c['expect']['tone']} pred={pr['tone']} formality={pr.get('formality')}")
