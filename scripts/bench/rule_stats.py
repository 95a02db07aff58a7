"""Per-rule precision of the engine's detectors on a space-normalised FCE split.

Development aid: it measures which hand-written rules and which Harper rules are precise
enough to keep. Nothing it computes is written into the engine; the kept lists in
coaching/engine are edited by hand from its output.

    .venv/bin/python scripts/bench/rule_stats.py /tmp/fce-train.norm.jsonl [--limit N]
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
sys.path.insert(0, str(SHARED / "bench"))

import metrics  # noqa: E402

from coaching.engine import Engine, EssayInput  # noqa: E402
from coaching.engine.harper_rules import KIND_CATEGORY  # noqa: E402
from coaching.engine.rules import run_rules  # noqa: E402
from coaching.engine.text import build_document  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("essays")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--json", help="write the table here")
    ap.add_argument("--rules-only", action="store_true", help="only the hand-written rules")
    args = ap.parse_args()
    engine = Engine()
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # rule -> [tokens, tp]
    final: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with open(args.essays, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    for n, row in enumerate(rows, 1):
        text = row["text"]
        toks = metrics.tokenize(text)
        gold = {
            i for g in row["gold_spans"] for i in metrics.span_tokens((g["start"], g["end"]), toks)
        }

        def count(
            table: dict[str, list[int]],
            rule: str,
            start: int,
            end: int,
            toks: list = toks,
            gold: set = gold,
        ) -> None:
            t = metrics.span_tokens((start, end), toks)
            table[rule][0] += len(t)
            table[rule][1] += sum(1 for i in t if i in gold)

        doc = build_document(text, engine._splitter)
        assert engine._harper is not None
        for f in [] if args.rules_only else engine._harper.lint_all(text):
            count(
                stats,
                f"harper:{f['rule']} [{KIND_CATEGORY.get(f['kind'], '?')}]",
                f["start"],
                f["end"],
            )
        for note in run_rules(doc):
            count(stats, note.rule, note.start, note.end)
        final_notes = [] if args.rules_only else engine.analyze(EssayInput(text=text))["notes"]
        for a in final_notes["annotations"] if final_notes else []:
            count(final, a["rule"], a["start"], a["end"])
        if n % 200 == 0:
            print(f"{n} essays", file=sys.stderr)
    for title, table in (("candidates", stats), ("final engine notes", final)):
        print(f"\n== {title}: rule, tokens, precision")
        tot = [0, 0]
        for rule, (k, tp) in sorted(table.items(), key=lambda kv: -kv[1][0]):
            tot[0] += k
            tot[1] += tp
            if k >= args.min_count:
                print(f"{rule:60s} {k:6d} {tp / k:6.3f}")
        print(f"{'TOTAL':60s} {tot[0]:6d} {tot[1] / max(1, tot[0]):6.3f}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"candidates": stats, "final": final}, indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
