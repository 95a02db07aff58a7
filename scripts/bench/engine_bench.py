"""Benchmark of the offline engine on space-normalised FCE (detection, scoring, speed).

    .venv/bin/python scripts/bench/engine_bench.py [--train-limit N] [--skip-speed]

SHARED_DIR (default: <repo>/../shared) holds bench/ (prepare.py, eval_coaching.py) and
data/fce/. Everything derived from FCE is written under --workdir (default
/tmp/engine-bench) and never into the repository.

The engine's output for each essay is cached under --workdir/cache, keyed by the engine
version, a digest of the engine's source files, the essay's text and its input settings,
so a second run (say, a calibration change) does not analyse FCE again; --no-cache
analyses everything afresh. Only the quality half uses the cache, never the timing.
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
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SHARED_DIR", str(ROOT.parent / "shared")))
BENCH = SHARED / "bench"
FCE = SHARED / "data" / "fce"
sys.path.insert(0, str(ROOT))


def prepare(workdir: Path) -> tuple[Path, Path]:
    workdir.mkdir(parents=True, exist_ok=True)
    out = []
    for split in ("dev", "train"):
        dst = workdir / f"fce-{split}.norm.jsonl"
        if not dst.exists():
            subprocess.run(
                [
                    sys.executable,
                    str(BENCH / "prepare.py"),
                    "fce",
                    str(FCE / f"fce-{split}.json"),
                    str(dst),
                    "--normalize-spaces",
                ],
                check=True,
                cwd=str(BENCH),
            )
        out.append(dst)
    return out[0], out[1]


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def engine_digest() -> str:
    """Engine version and a digest of its source and data files (not Node's packages, nor
    the calibration and batch modules, which ``Engine.analyze`` does not use): a cached
    result is used only by the engine that made it."""
    from coaching.engine import ENGINE_VERSION

    h = hashlib.sha256(ENGINE_VERSION.encode())
    base = ROOT / "coaching" / "engine"
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base).as_posix()
        if (
            not path.is_file()
            or "node_modules" in rel
            or "__pycache__" in rel
            or rel in ("calibration.py", "batch.py")
        ):
            continue
        h.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{ENGINE_VERSION}-{h.hexdigest()[:16]}"


class CachedEngine:
    """``Engine.analyze`` with each result kept as JSON under ``folder`` (the real engine
    is loaded on the first essay not in the cache)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / engine_digest()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._engine: Any = None
        self.hits = self.misses = 0

    def analyze(self, inp: Any) -> dict:
        rubric = None if inp.rubric is None else repr(inp.rubric)
        key = hashlib.sha256(
            json.dumps([inp.text, inp.prompt, inp.spelling, rubric]).encode("utf-8")
        ).hexdigest()
        path = self.folder / f"{key[:2]}" / f"{key}.json"
        if path.exists():
            self.hits += 1
            return json.loads(path.read_text(encoding="utf-8"))
        if self._engine is None:
            from coaching.engine import Engine

            self._engine = Engine()
        result = self._engine.analyze(inp)
        self.misses += 1
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(result), encoding="utf-8")
        tmp.replace(path)
        return json.loads(json.dumps(result))  # what a later cached run would see


def detect_and_score(
    dev: Path, train: Path, workdir: Path, train_limit: int, cache: bool = True
) -> dict:
    from coaching.engine import Engine
    from coaching.engine.batch import fit_calibration, run_batch

    engine = CachedEngine(workdir / "cache") if cache else Engine()
    calibrator = None
    report: dict = {}
    if train_limit >= 0:
        graded = [{**row, "spelling": row.get("spelling", "british")} for row in read_jsonl(train)]
        if train_limit:
            graded = graded[:train_limit]
        t0 = time.perf_counter()
        calibrator = fit_calibration(engine, graded, None, _progress)  # type: ignore[arg-type]
        report = dict(calibrator.report)
        report["fit_seconds"] = round(time.perf_counter() - t0, 1)
        print("calibration (cross-validated on train):", json.dumps(report), file=sys.stderr)
    results = workdir / "results-dev.jsonl"
    with open(results, "w", encoding="utf-8") as fh:
        # FCE is a British exam whose examiners correct American spellings: checked as an
        # assignment that asks for British spelling (the engine's default is "auto")
        rows = [{**row, "spelling": row.get("spelling", "british")} for row in read_jsonl(dev)]
        run_batch(engine, rows, fh, calibrator=calibrator)  # type: ignore[arg-type]
    if isinstance(engine, CachedEngine):
        print(f"engine cache: {engine.hits} hits, {engine.misses} analysed", file=sys.stderr)
    metrics_path = workdir / "metrics-dev.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCH / "eval_coaching.py"),
            "--essays",
            str(dev),
            "--results",
            str(results),
            "--json",
            str(metrics_path),
            "--bootstrap",
            "1000",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    print(proc.stdout)
    return {"metrics": json.loads(metrics_path.read_text()), "calibration": report}


def _progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def make_essays(source: Path, n: int, target_words: int = 600) -> list[str]:
    """Essays of about ``target_words`` words made by joining FCE answers (timing only).

    No answer is used twice: Harper remembers the paragraphs it has linted, so repeated
    text would flatter the timing."""
    texts = [r["text"] for r in read_jsonl(source)]
    random.Random(2026).shuffle(texts)
    out = []
    i = 0
    while len(out) < n and i < len(texts):
        parts: list[str] = []
        words = 0
        while words < target_words and i < len(texts):
            parts.append(texts[i])
            words += len(texts[i].split())
            i += 1
        joined = "\n\n".join(parts)
        out.append(" ".join(joined.split(" ")[: target_words + 20]))
    return out


def _proc_status(pid: str) -> dict[str, str]:
    status: dict[str, str] = {}
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            status[key] = value.split()[0] if value.split() else "0"
    return status


def speed_worker(dev: Path, n: int, cpu: int) -> dict:
    """Runs in a child process pinned to one core."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})
    t0 = time.perf_counter()
    from coaching.engine import Engine, EssayInput

    engine = Engine()
    startup = time.perf_counter() - t0
    # the training split has text enough for 100+ distinct 600-word essays
    essays = make_essays(dev.with_name("fce-train.norm.jsonl"), n + 5)
    for text in essays[:5]:
        engine.analyze(EssayInput(text=text))
    essays = essays[5:]
    times = []
    for text in essays:
        t = time.perf_counter()
        engine.analyze(EssayInput(text=text))
        times.append(time.perf_counter() - t)
    times.sort()
    from coaching.engine import harper_js

    status = _proc_status("self")
    rss_now = int(status.get("VmRSS", 0)) // 1024
    rss_peak = int(status.get("VmHWM", 0)) // 1024  # this process image only
    # Harper runs in a Node child process (same core): its memory counts too
    node_pid = harper_js.server_info().get("pid")
    node = _proc_status(str(node_pid)) if node_pid else {}
    node_rss = int(node.get("VmRSS", 0)) // 1024
    node_peak = int(node.get("VmHWM", 0)) // 1024
    return {
        "essays": len(times),
        "words_each": round(statistics.mean(len(e.split()) for e in essays)),
        "startup_s": round(startup, 2),
        "p50_ms": round(1000 * times[len(times) // 2], 1),
        "p95_ms": round(1000 * times[min(len(times) - 1, int(0.95 * len(times)))], 1),
        "max_ms": round(1000 * times[-1], 1),
        "python_rss_mb": rss_now,
        "node_rss_mb": node_rss,
        "rss_mb": rss_now + node_rss,
        "python_peak_mb": rss_peak,
        "node_peak_mb": node_peak,
        "peak_rss_mb": rss_peak + node_peak,
        "cpu": cpu,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "engine-bench"))
    ap.add_argument(
        "--train-limit",
        type=int,
        default=0,
        help="calibrate on the first N train essays (0 = all, -1 = no calibration)",
    )
    ap.add_argument("--speed-essays", type=int, default=100)
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument(
        "--no-cache", action="store_true", help="analyse every essay afresh (no result cache)"
    )
    ap.add_argument("--speed-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--cpu", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--json", help="write all figures here")
    args = ap.parse_args()
    workdir = Path(args.workdir)
    dev, train = prepare(workdir)
    if args.speed_worker:
        print(json.dumps(speed_worker(dev, args.speed_essays, args.cpu)))
        return
    summary: dict = {}
    if not args.skip_quality:
        res = detect_and_score(dev, train, workdir, args.train_limit, not args.no_cache)
        m = res["metrics"]
        det = m.get("detection", {})
        summary["detection"] = {
            k: round(det[k], 4) if isinstance(det.get(k), float) else det.get(k)
            for k in ("token_p", "token_r", "token_f", "span_p", "span_r", "span_f", "ci95")
        }
        summary["scoring"] = m.get("scoring")
        summary["calibration"] = res["calibration"]
    if not args.skip_speed:
        cpu = max(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--speed-worker",
                "--workdir",
                str(workdir),
                "--speed-essays",
                str(args.speed_essays),
                "--cpu",
                str(cpu),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        summary["speed"] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(json.dumps(summary, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
