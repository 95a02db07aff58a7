"""Calibration from about 100 teacher grades: the chosen model against a shallow baseline.

    .venv/bin/python scripts/bench/calibration_small.py [--repeats 10] [--fce-samples 5]

1. School essays of our own (scripts/bench/data/school_essays, 124 essays, grades 2-12):
   repeated 5-fold cross-validation (each fold trains on ~100 grades). In every fold the
   same training essays fit (a) the per-assignment model as the app fits it (candidates
   chosen by its own inner cross-validation; its shallow candidate is (b) itself), (b) the
   shallow baseline: a ridge on seven shallow features with spread matching (mean and sd),
   and (c) the model the app fitted before (the nine small-sample features). QWK of the
   held-out predictions, per repeat.
   Target: (a) never below (b) by more than 0.02.
2. For reference, FCE training answers (SHARED_DIR/data/fce): disjoint samples of 100,
   each scored out of fold (5-fold) the same three ways. Nothing is written to the repo;
   engine features are cached under --workdir.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("SHARED_DIR", str(ROOT.parent / "shared")))
if not (SHARED / "data").exists() and Path("/work/shared/data").exists():
    SHARED = Path("/work/shared")
SCHOOL = ROOT / "scripts" / "bench" / "data" / "school_essays" / "school_essays.jsonl"

from coaching.engine.calibration import (  # noqa: E402
    SHALLOW_FEATURES,
    SMALL_FEATURES,
    Calibrator,
    qwk,
    round_half_up,
)
from coaching.engine.types import ENGINE_VERSION  # noqa: E402

Row = dict[str, float]
Fit = Callable[[list[Row], list[float], float, float], Calibrator]
METHODS: dict[str, Fit] = {
    "chosen": lambda rows, ys, lo, hi: Calibrator.fit(rows, ys, score_min=lo, score_max=hi),
    "shallow baseline": lambda rows, ys, lo, hi: Calibrator.fit(
        rows, ys, score_min=lo, score_max=hi, features=SHALLOW_FEATURES
    ),
    "before (9 features)": lambda rows, ys, lo, hi: Calibrator.fit(
        rows, ys, score_min=lo, score_max=hi, features=SMALL_FEATURES
    ),
}


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def features(essays: list[dict], cache: Path) -> list[Row]:
    """Engine features of each essay, cached by text and engine version."""
    key = hashlib.sha256(
        (ENGINE_VERSION + "".join(e["text"] for e in essays)).encode("utf-8")
    ).hexdigest()[:16]
    path = cache.with_name(f"{cache.stem}-{key}.json")
    if path.exists():
        return json.loads(path.read_text())
    from coaching.engine import Engine, EssayInput

    engine = Engine()
    rows = []
    for i, e in enumerate(essays, 1):
        res = engine.analyze(EssayInput(text=e["text"], prompt=str(e.get("prompt") or "")))
        rows.append(res["scores"]["features"])
        if i % 100 == 0:
            print(f"  analysed {i}/{len(essays)}", file=sys.stderr, flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows))
    return rows


def cross_validated(
    rows: Sequence[Row], ys: Sequence[float], lo: int, hi: int, seed: int, k: int = 5
) -> dict[str, float]:
    """QWK of each method's held-out predictions, all methods on the same folds."""
    n = len(ys)
    order = list(range(n))
    random.Random(seed).shuffle(order)
    folds = [order[i::k] for i in range(k)]
    preds: dict[str, list[int]] = {m: [0] * n for m in METHODS}
    for test in folds:
        held = set(test)
        train = [i for i in range(n) if i not in held]
        tr_rows = [rows[i] for i in train]
        tr_ys = [ys[i] for i in train]
        for name, fit in METHODS.items():
            model = fit(tr_rows, tr_ys, lo, hi)
            for i in test:
                preds[name][i] = min(hi, max(lo, round_half_up(model.predict(rows[i]))))
    truth = [int(v) for v in ys]
    return {name: qwk(truth, p, lo, hi) for name, p in preds.items()}


def report(title: str, runs: list[dict[str, float]]) -> dict:
    print(f"\n{title}: {len(runs)} runs")
    out: dict = {}
    for name in METHODS:
        vals = [r[name] for r in runs]
        out[name] = {"mean": round(statistics.mean(vals), 4), "min": round(min(vals), 4)}
        sd = statistics.stdev(vals) if len(vals) > 1 else 0.0
        print(
            f"  {name:20s} QWK mean {statistics.mean(vals):.3f} (sd {sd:.3f}, min {min(vals):.3f})"
        )
    diffs = [r["chosen"] - r["shallow baseline"] for r in runs]
    out["chosen_minus_baseline"] = {
        "mean": round(statistics.mean(diffs), 4),
        "worst": round(min(diffs), 4),
    }
    print(
        f"  chosen - baseline: mean {statistics.mean(diffs):+.3f}, worst run {min(diffs):+.3f}"
        f" (target: worst >= -0.02)"
    )
    return out


def fce_train(workdir: Path) -> list[dict]:
    dst = workdir / "fce-train.norm.jsonl"
    if not dst.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                str(SHARED / "bench" / "prepare.py"),
                "fce",
                str(SHARED / "data" / "fce" / "fce-train.json"),
                str(dst),
                "--normalize-spaces",
            ],
            check=True,
            cwd=str(SHARED / "bench"),
        )
    return [r for r in read_jsonl(dst) if r.get("score") is not None]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "engine-bench"))
    ap.add_argument("--repeats", type=int, default=10, help="fold assignments on the school set")
    ap.add_argument("--fce-samples", type=int, default=5, help="FCE samples of 100 (0: skip)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    workdir = Path(args.workdir)
    summary: dict = {}

    school = read_jsonl(SCHOOL)
    rows = features(school, workdir / "calib-school.json")
    ys = [float(e["score"]) for e in school]
    runs = [cross_validated(rows, ys, 2, 12, seed) for seed in range(args.repeats)]
    summary["school"] = report(
        f"School essays of our own ({len(ys)} essays, grades 2-12, 5-fold CV)", runs
    )
    chosen = Calibrator.fit(rows, ys, score_min=2, score_max=12)
    print(
        f"  on all {len(ys)}: chose {chosen.report['model']!r}; candidates' out-of-fold r"
        f" {chosen.report['candidates']}, QWK {chosen.report['candidates_qwk']}"
    )

    if args.fce_samples and (SHARED / "data" / "fce").exists():
        graded = fce_train(workdir)
        random.Random(2026).shuffle(graded)
        sample = graded[: 100 * args.fce_samples]
        frows = features(sample, workdir / "calib-fce")
        fys = [float(e["score"]) for e in sample]
        lo, hi = int(sample[0]["score_min"]), int(sample[0]["score_max"])
        fruns = [
            cross_validated(frows[i : i + 100], fys[i : i + 100], lo, hi, seed=i)
            for i in range(0, len(sample), 100)
        ]
        summary["fce_100"] = report("FCE train, samples of 100 scored out of fold", fruns)
    worst = summary["school"]["chosen_minus_baseline"]["worst"]
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2))
    return 0 if worst >= -0.02 else 1


if __name__ == "__main__":
    np.seterr(all="ignore")
    sys.exit(main())
