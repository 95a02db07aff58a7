"""Recall on planted errors, per kind, and the precision of the engine's notes.

    .venv/bin/python scripts/bench/planted_errors.py
        [--half dev|held_out|fresh|blind|blind2|...|blind6|both] [--details]

The essays are our own (tests/engine/planted/): learner-style writing with planted errors
marked by kind. A planted error counts as found when a note overlaps it; a note is right
when it overlaps a planted error of any kind and wrong anywhere else. A note with no width
(something missing at a point) is widened by one character on each side, across the
spaces around it; a planted error whose correction only adds words after (or before) its
text ('for' -> 'for the') takes in the gap and the next (or previous) word's first
character, where a note on the missing word's neighbour stands. ``--details`` lists the
misses and the wrong notes of the dev half only. The held-out and fresh halves were
written to report, not to tune on, but both have since been read (2026-12-07), and so has
the blind halves blind to blind5 (each after it had served as the unseen measure; figures
in tests/engine/planted/__init__.py). A half in REPORTED_ONLY (now blind6, the unseen
measure) is marked "(reported, not gated)". ``--half both`` (the default) reports every
half, each apart; no figure sums halves.

Targets (issue 7): recall >= 0.65 overall with note precision >= 0.90, every kind >= 0.4.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from coaching.engine import Engine, EssayInput  # noqa: E402
from tests.engine.planted import HALVES, KINDS, REPORTED_ONLY, Planted, PlantedEssay, load  # noqa: E402

TARGET_RECALL = 0.65
TARGET_PRECISION = 0.90
TARGET_KIND_RECALL = 0.4


def _span(note: dict, text: str) -> tuple[int, int]:
    """A note's extent for matching. A note with no width (something missing at a point) is
    widened by one character each side, across the spaces around the point: an insertion
    between two words touches both ('listen | students' -> 'listen to students')."""
    start, end = note["start"], note["end"]
    if end > start:
        return (start, end)
    left, right = start, start
    while left > 0 and text[left - 1] in " \t":
        left -= 1
    while right < len(text) and text[right] in " \t":
        right += 1
    return (left - 1, right + 1)


def _error_span(err: Planted, text: str) -> tuple[int, int]:
    """Where a planted error lies. A correction that only adds words after the marked text
    ('for' -> 'for the') fixes the gap after it, which the next word touches too ('for |the|
    whole family': a note on 'whole' asking for an article finds it); likewise before."""
    start, end = err.start, err.end
    right, wrong = err.correction, err.wrong
    if right.startswith(wrong + " "):
        while end < len(text) and text[end] in " \t":
            end += 1
        end += 1
    elif right.endswith(" " + wrong):
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        start -= 1
    return (start, end)


def measure(engine: Engine, essays: list[PlantedEssay], details: bool = False) -> dict:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    notes_right = notes_wrong = 0
    wrong_rules: Counter[str] = Counter()
    lines: list[str] = []
    for essay in essays:
        notes = engine.analyze(EssayInput(text=essay.text))["notes"]["annotations"]
        spans = [_span(n, essay.text) for n in notes]
        errs = [_error_span(err, essay.text) for err in essay.errors]
        for err, (a, b) in zip(essay.errors, errs, strict=True):
            total[err.kind] += 1
            if any(s < b and a < e for s, e in spans):
                found[err.kind] += 1
            elif details:
                ctx = essay.text[max(0, err.start - 30) : err.end + 30].replace("\n", " ")
                lines.append(
                    f"  miss  {err.kind:12} {err.wrong!r} -> {err.correction!r} in ...{ctx}..."
                )
        for note, (s, e) in zip(notes, spans, strict=True):
            if any(s < b and a < e for a, b in errs):
                notes_right += 1
            else:
                notes_wrong += 1
                wrong_rules[note["rule"]] += 1
                if details:
                    ctx = essay.text[max(0, s - 25) : e + 25].replace("\n", " ")
                    lines.append(
                        f"  WRONG {note['rule']:28} {essay.text[note['start'] : note['end']]!r}"
                        f" in ...{ctx}... -> {note['suggestions'][:2]}"
                    )
    n_found, n_total = sum(found.values()), sum(total.values())
    n_notes = notes_right + notes_wrong
    return {
        "essays": len(essays),
        "planted": n_total,
        "recall": round(n_found / n_total, 3) if n_total else 0.0,
        "precision": round(notes_right / n_notes, 3) if n_notes else 1.0,
        "notes": n_notes,
        "wrong_notes": notes_wrong,
        "per_kind": {
            k: {"found": found[k], "planted": total[k], "recall": round(found[k] / total[k], 3)}
            for k in KINDS
            if total[k]
        },
        "wrong_by_rule": dict(wrong_rules.most_common()),
        "details": lines,
    }


def meets_targets(report: dict) -> bool:
    return (
        report["recall"] >= TARGET_RECALL
        and report["precision"] >= TARGET_PRECISION
        and all(v["recall"] >= TARGET_KIND_RECALL for v in report["per_kind"].values())
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--half", choices=(*HALVES, "both"), default="both")
    ap.add_argument("--details", action="store_true", help="misses and wrong notes (dev only)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    engine = Engine()
    halves = HALVES if args.half == "both" else (args.half,)
    out = {}
    for half in halves:
        rep = measure(engine, load(half), details=args.details and half == "dev")
        out[half] = rep
        print(
            f"{half}: {rep['essays']} essays, {rep['planted']} planted errors; "
            f"recall {rep['recall']:.3f}, note precision {rep['precision']:.3f} "
            f"({rep['notes']} notes, {rep['wrong_notes']} wrong); "
            f"targets {'met' if meets_targets(rep) else 'NOT met'}"
            + ("  (reported, not gated)" if half in REPORTED_ONLY else "")
        )
        for kind, v in rep["per_kind"].items():
            print(f"  {kind:12} {v['found']:3}/{v['planted']:<3} recall {v['recall']:.3f}")
        if rep["wrong_by_rule"]:
            print("  wrong notes by rule:", json.dumps(rep["wrong_by_rule"]))
        for line in rep["details"]:
            print(line)
    if args.json:
        Path(args.json).write_text(
            json.dumps({h: {k: v for k, v in r.items() if k != "details"} for h, r in out.items()}),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
