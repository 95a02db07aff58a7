"""Batch runs over JSONL (used by ``manage.py coach batch`` and the benchmark script)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from .calibration import Calibrator
from .engine import Engine
from .types import ENGINE_VERSION, EssayInput, RubricSpec

Progress = Callable[[str], None]


class Writer(Protocol):
    def write(self, s: str, /) -> Any: ...

    def flush(self) -> Any: ...


def read_jsonl(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {n}: bad JSON: {exc}") from exc
        if not isinstance(obj, dict) or "text" not in obj:
            raise ValueError(f"line {n}: expected an object with 'text'")
        yield obj


def fit_calibration(
    engine: Engine,
    graded: list[dict[str, Any]],
    rubric: RubricSpec | None = None,
    progress: Progress | None = None,
) -> Calibrator:
    rows, ys, texts = [], [], []
    lo = hi = None
    for i, g in enumerate(graded):
        if g.get("score") is None:
            continue
        res = engine.analyze(
            EssayInput(
                text=str(g["text"]),
                prompt=str(g.get("prompt") or ""),
                rubric=rubric,
                spelling=str(g.get("spelling") or "auto"),
            )
        )
        rows.append(res["scores"]["features"])
        ys.append(float(g["score"]))
        texts.append(str(g["text"]))
        if g.get("score_min") is not None:
            lo = float(g["score_min"]) if lo is None else min(lo, float(g["score_min"]))
        if g.get("score_max") is not None:
            hi = float(g["score_max"]) if hi is None else max(hi, float(g["score_max"]))
        if progress and (i + 1) % 200 == 0:
            progress(f"calibration: analysed {i + 1}/{len(graded)} graded essays")
    return Calibrator.fit(rows, ys, score_min=lo, score_max=hi, texts=texts)


def result_line(
    essay_id: Any,
    result: dict[str, Any],
    calibrator: Calibrator | None,
    with_rubric: bool,
    elapsed: float,
    text: str | None = None,
) -> dict[str, Any]:
    scores = result["scores"]
    out: dict[str, Any] = {
        "id": essay_id,
        "annotations": [
            {k: a[k] for k in ("start", "end", "category", "message", "suggestions")}
            for a in result["notes"]["annotations"]
        ],
        "criteria": [
            {k: c[k] for k in ("name", "level", "points", "max_points", "confidence")}
            for c in scores["criteria"]
        ],
        "flags": scores["advisories"],
        "engine_version": ENGINE_VERSION,
        "elapsed_s": round(elapsed, 4),
    }
    if calibrator is not None:
        if scores["passing_blocked"]:
            out["score"] = calibrator.score_min
        else:
            out["score"] = round(calibrator.predict(scores["features"], text), 3)
        out["score_interval"] = round(calibrator.interval(), 3)
    elif with_rubric:
        out["score"] = scores["overall"]["points"]
    return out


def run_batch(
    engine: Engine,
    essays: Iterable[dict[str, Any]],
    out: Writer,
    *,
    rubric: RubricSpec | None = None,
    calibrator: Calibrator | None = None,
    progress: Progress | None = None,
) -> int:
    n = 0
    for essay in essays:
        t0 = time.perf_counter()
        res = engine.analyze(
            EssayInput(
                text=str(essay["text"]),
                prompt=str(essay.get("prompt") or ""),
                rubric=rubric,
                spelling=str(essay.get("spelling") or "auto"),
            )
        )
        elapsed = time.perf_counter() - t0
        line = result_line(
            essay.get("id", n), res, calibrator, rubric is not None, elapsed, str(essay["text"])
        )
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        n += 1
        if progress and n % 100 == 0:
            progress(f"analysed {n} essays")
    out.flush()
    return n


def stderr_progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)
