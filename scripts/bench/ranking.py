"""Ranking without calibration: does the engine put our own essays in a teacher's order?

    .venv/bin/python scripts/bench/ranking.py [--verbose] [--json FILE]

For each prompt in tests/engine/ranking (essays we wrote: excellent, good, fair, weak, very
weak, plus gaming attempts, with the teacher's order), the engine's uncalibrated overall
score (the rubric percent a student sees) is ranked and compared with the teacher's order
(Spearman's rho, ties shared). Each gaming attempt must be flagged (an advisory that blocks
a passing score, or a concern named in the overview) or ranked last (below every genuine
attempt). Prompts held out of tuning are reported separately.

Targets (issue 7): mean Spearman >= 0.8; every gaming attempt flagged or last.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def flagged(result: dict) -> list[str]:
    """What the feedback says is wrong with the essay as a whole (codes)."""
    codes = [a["code"] for a in result["scores"].get("advisories", [])]
    codes += [c["code"] for c in result["overview"].get("concerns", [])]
    return codes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--verbose", action="store_true", help="print every essay's levels")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()

    from coaching.engine import Engine, EssayInput
    from tests.engine.ranking import load, ranks, spearman

    engine = Engine()
    report: dict = {"prompts": {}}
    groups: dict[str, list[float]] = {"tuning": [], "held-out": []}
    gaming_ok = {"tuning": [0, 0], "held-out": [0, 0]}
    for rs in load():
        group = "held-out" if rs.held_out else "tuning"
        rows = []
        for essay in rs.essays:
            result = engine.analyze(EssayInput(text=essay.text, prompt=rs.prompt))
            rows.append((essay, result, float(result["scores"]["overall"]["percent"])))
        scores = [r[2] for r in rows]
        rho = spearman([e.teacher_rank for e, _, _ in rows], ranks(scores))
        groups[group].append(rho)
        genuine_min = min(s for e, _, s in rows if not e.gaming)
        print(f"\n{rs.key} ({group}): Spearman {rho:.3f}")
        prompt_report: dict = {"group": group, "spearman": round(rho, 3), "essays": {}}
        for essay, result, score in rows:
            codes = flagged(result)
            line = f"  {essay.name:<24} teacher {essay.teacher_rank:>4}  engine {score:5.1f}%"
            entry: dict = {"teacher_rank": essay.teacher_rank, "percent": score, "flags": codes}
            if essay.gaming:
                last = score < genuine_min
                ok = bool(codes) or last
                gaming_ok[group][0] += ok
                gaming_ok[group][1] += 1
                verdict = "flagged" if codes else "last" if last else "MISSED"
                line += f"  [{essay.gaming}: {verdict}{' ' + ','.join(codes) if codes else ''}]"
                entry.update(gaming=essay.gaming, caught=ok)
            elif codes:
                line += f"  (flags on a genuine essay: {','.join(codes)})"
            print(line)
            if args.verbose:
                for c in result["scores"]["criteria"]:
                    print(f"      {c['name']:<24} {c['level']:<11} {c['rationale']}")
            prompt_report["essays"][essay.name] = entry
        report["prompts"][rs.key] = prompt_report

    print()
    for group, rhos in groups.items():
        if rhos:
            caught, total = gaming_ok[group]
            mean = statistics.mean(rhos)
            print(
                f"{group:<9} mean Spearman {mean:.3f} over {len(rhos)} prompts "
                f"(min {min(rhos):.3f}); gaming attempts flagged or last: {caught}/{total}"
            )
            report[group] = {"mean_spearman": round(mean, 3), "gaming_caught": [caught, total]}
    every = groups["tuning"] + groups["held-out"]
    caught = gaming_ok["tuning"][0] + gaming_ok["held-out"][0]
    total = gaming_ok["tuning"][1] + gaming_ok["held-out"][1]
    mean_all = statistics.mean(every)
    print(f"all       mean Spearman {mean_all:.3f}; gaming flagged or last {caught}/{total}")
    print("targets   mean Spearman >= 0.8; every gaming attempt flagged or last")
    report["all"] = {"mean_spearman": round(mean_all, 3), "gaming_caught": [caught, total]}
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
