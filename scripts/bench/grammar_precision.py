"""Precision of the grammar package's rules (coaching/engine/grammar) on their own.

    .venv/bin/python scripts/bench/grammar_precision.py [--fce PATH] [--clean DIR]

Per rule: notes on a space-normalised FCE split and the share of their tokens that the
examiners marked (token precision, as in rule_stats.py); and notes per 1,000 words on
clean proofread essays (every one a false alarm). FCE train is for measuring precision
only; nothing is tuned on FCE dev. Without --fce the FCE part is skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))

from coaching.engine.grammar import grammar_notes  # noqa: E402
from coaching.engine.text import SentenceSplitter, build_document  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--fce", help="space-normalised FCE JSONL (e.g. the train split)")
    ap.add_argument("--clean", default=str(ROOT / "tests" / "engine" / "clean_essays"))
    args = ap.parse_args()
    splitter = SentenceSplitter()
    if args.fce:
        sys.path.insert(0, str(SHARED / "bench"))
        import metrics

        stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        with open(args.fce, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        for row in rows:
            text = row["text"]
            toks = metrics.tokenize(text)
            gold = {
                i
                for g in row["gold_spans"]
                for i in metrics.span_tokens((g["start"], g["end"]), toks)
            }
            for n in grammar_notes(build_document(text, splitter)):
                t = metrics.span_tokens((n.start, max(n.end, n.start + 1)), toks)
                stats[n.rule][0] += 1
                stats[n.rule][1] += len(t)
                stats[n.rule][2] += sum(1 for i in t if i in gold)
        print(f"== FCE ({len(rows)} essays): rule, notes, tokens, token precision")
        for rule, (k, t, tp) in sorted(stats.items(), key=lambda kv: -kv[1][0]):
            print(f"{rule:36s} {k:5d} {t:6d} {tp / max(1, t):6.3f}")
    # only the halves whose notes have been read (clean_set.GATED): a half written blind is
    # measured by false_alarms.py, never counted here, where rules are tuned
    from tests.engine.clean_set import GATED

    clean = sorted(p for p in Path(args.clean).rglob("*.txt") if p.parent.name in GATED)
    if clean:
        words = 0
        fired: dict[str, int] = defaultdict(int)
        for path in clean:
            text = path.read_text(encoding="utf-8").partition("\n\n")[2]
            words += len(text.split())
            for n in grammar_notes(build_document(text, splitter)):
                fired[n.rule] += 1
        print(f"== clean text ({len(clean)} essays, {words} words): notes per 1,000 words")
        print(f"{'all grammar rules':36s} {1000 * sum(fired.values()) / max(1, words):.2f}")
        for rule, k in sorted(fired.items(), key=lambda kv: -kv[1]):
            print(f"{rule:36s} {k:5d} {1000 * k / words:.2f}")


if __name__ == "__main__":
    main()
