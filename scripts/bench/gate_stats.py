"""Per-kind figures behind the gate (coaching/engine/gate.py): precision on FCE and false
alarms on the clean set, for every kind of note, before and after the trust guards.

    .venv/bin/python scripts/bench/gate_stats.py [--fce /tmp/et-bench/fce-train.norm.jsonl]
        [--limit N] [--cache DIR] [--json OUT]

Without --fce only the clean set's tuning half is counted. Harper's and the language
model's findings are cached under --cache (keyed by the text), so a second run that changes
only the guards or the gate takes seconds. Development aid: nothing it computes is written
into the engine; the gate table is edited by hand from its output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("SHARED_DIR", "/work/shared"))
if not SHARED.is_dir():
    SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "bench"))


def _cached(engine, text: str, variety: str, cache: dict) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    from coaching.engine.rules_lm import lm_check
    from coaching.engine.text import build_document

    key = hashlib.sha256(f"{variety}\0{text}".encode()).hexdigest()
    if key not in cache:
        harper = engine._harper.lint(text, variety) if engine._harper else []
        doc = build_document(text, engine._splitter)
        cache[key] = (harper, lm_check(doc, engine._lm)[0])
    return cache[key]


def notes_for(engine, text: str, spelling: str, cache: dict) -> tuple[list, list, list]:  # type: ignore[no-untyped-def]
    """(notes after the guards, before the gate; notes shown; (note, reason) the guards
    dropped) for one essay."""
    from coaching.engine import gate
    from coaching.engine import variety as v
    from coaching.engine.notes import merge_notes
    from coaching.engine.text import build_document

    detection = v.detect(text)
    variety = v.resolve(spelling, detection, engine._dialect)
    harper, lm_found = _cached(engine, text, variety, cache)
    doc = build_document(text, engine._splitter)
    dropped: list = []
    raw = engine.candidate_notes(
        doc, harper, lm_found, variety, spelling in v.VARIETIES, detection, dropped
    )
    return raw, merge_notes(gate.apply(raw, len(doc.word_tokens))), dropped


def _family(rule: str) -> str:
    """lm:verb:ed>base -> lm:verb:, rule:intro-comma:however stays."""
    if rule.startswith(("lm:verb:", "lm:article:", "lm:prep:", "lm:noun:", "lm:conf:")):
        return rule.rsplit(":", 1)[0] + ":"
    return rule


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--fce", help="a space-normalised FCE split (prepare.py --normalize-spaces)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--spelling", default="auto", help="the variety FCE essays are checked in")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "gate-stats-cache"))
    ap.add_argument(
        "--half",
        default="tune",
        choices=("tune", "heldout", "all"),
        help="clean-set half: tune, heldout or all (both; never fresh, which is not tuned on)",
    )
    ap.add_argument("--json", help="write the table here")
    ap.add_argument("--baseline", action="store_true", help="no guards and no gate")
    ap.add_argument("--company", help="try other NEEDS_COMPANY prefixes (comma-separated)")
    ap.add_argument("--min-company", type=float, help="try another MIN_COMPANY_PER_100")
    args = ap.parse_args()
    if args.company is not None or args.min_company is not None:
        from coaching.engine import gate

        if args.company is not None:
            gate.NEEDS_COMPANY = tuple(p for p in args.company.split(",") if p)
        if args.min_company is not None:
            gate.MIN_COMPANY_PER_100 = args.min_company
    if args.baseline:
        from coaching.engine import gate, trust

        trust.review = lambda ctx, notes, dropped=None: notes  # type: ignore[assignment]
        gate.apply = lambda notes, words: notes  # type: ignore[assignment]

    from coaching.engine import Engine
    from tests.engine.clean_set import GATED, load

    engine = Engine()
    cache_path = Path(args.cache) / "findings.pickle"
    cache: dict = {}
    if cache_path.exists():
        cache = pickle.loads(cache_path.read_bytes())  # noqa: S301 (our own cache file)
    # kind -> [fce tokens, fce tp, fce tokens shown, tp shown, clean fires, clean shown]
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    # (kind, reason) -> [fce tokens dropped, of which marked by FCE, clean notes dropped]
    guarded: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    totals = [0, 0, 0]  # FCE tokens shown, tp shown, gold
    if args.fce:
        import metrics

        with open(args.fce, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        if args.limit:
            rows = rows[: args.limit]
        for k, row in enumerate(rows, 1):
            text = row["text"]
            toks = metrics.tokenize(text)
            gold = {
                i
                for g in row["gold_spans"]
                for i in metrics.span_tokens((g["start"], g["end"]), toks)
            }
            totals[2] += len(gold)
            raw, shown, dropped = notes_for(engine, text, args.spelling, cache)
            for n, reason in dropped:
                t = metrics.span_tokens((n.start, n.end), toks)
                g = guarded[(_family(n.rule), reason)]
                g[0] += len(t)
                g[1] += sum(1 for i in t if i in gold)
            for col, notes in ((0, raw), (2, shown)):
                for n in notes:
                    t = metrics.span_tokens((n.start, n.end), toks)
                    table[n.rule][col] += len(t)
                    table[n.rule][col + 1] += sum(1 for i in t if i in gold)
                    if col == 2:
                        totals[0] += len(t)
                        totals[1] += sum(1 for i in t if i in gold)
            if k % 200 == 0:
                print(f"{k} essays", file=sys.stderr)
                cache_path.parent.mkdir(parents=True, exist_ok=True)
                cache_path.write_bytes(pickle.dumps(cache))
    words = 0
    for essay in [e for h in (GATED if args.half == "all" else (args.half,)) for e in load(h)]:
        words += essay.words
        raw, shown, dropped = notes_for(engine, essay.text, essay.variety, cache)
        for n, reason in dropped:
            guarded[(_family(n.rule), reason)][2] += 1
        for n in raw:
            table[n.rule][4] += 1
        for n in shown:
            table[n.rule][5] += 1
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    cache_path.write_bytes(pickle.dumps(cache))

    cols = ("fce tok", "P", "shown", "P", "clean", "shown")
    print(f"{'kind':44s} " + " ".join(f"{c:>6s}" for c in cols))
    for rule, (k, tp, ks, tps, c, cs) in sorted(
        table.items(), key=lambda kv: (-kv[1][4], -kv[1][0])
    ):
        p = f"{tp / k:.3f}" if k else "-"
        ps = f"{tps / ks:.3f}" if ks else "-"
        print(f"{rule:44s} {k:7d} {p:>6s} {ks:6d} {ps:>6s} {c:5d} {cs:5d}")
    print(
        f"\n{'dropped by the guards: kind, reason':56s} {'fce tok':>7s} {'err':>5s} {'clean':>5s}"
    )
    for (rule, reason), (k, tp, c) in sorted(guarded.items(), key=lambda kv: -kv[1][0]):
        print(f"{rule + ' / ' + reason:56s} {k:7d} {tp:5d} {c:5d}")
    clean_shown = sum(v[5] for v in table.values())
    print(
        f"clean set ({args.half}): {clean_shown} notes shown in {words} words = "
        f"{1000 * clean_shown / max(1, words):.2f} per 1,000"
    )
    if args.fce:
        p = totals[1] / max(1, totals[0])
        r = totals[1] / max(1, totals[2])
        f = 1.25 * p * r / max(1e-9, 0.25 * p + r)
        print(f"FCE ({args.fce}): token P {p:.3f} R {r:.3f} F0.5 {f:.3f} (notes shown)")
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
