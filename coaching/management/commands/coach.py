"""``manage.py coach batch``: run the offline engine over a JSONL file of essays."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coaching.engine import Engine
from coaching.engine.batch import fit_calibration, read_jsonl, run_batch
from coaching.engine.types import rubric_from_dict


class Command(BaseCommand):
    help = "Batch-run the feedback engine: coach batch --in essays.jsonl --out results.jsonl"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        batch = sub.add_parser("batch", help="analyse essays from a JSONL file")
        batch.add_argument("--in", dest="inp", required=True, help="essays JSONL ('-' = stdin)")
        batch.add_argument("--out", required=True, help="results JSONL ('-' = stdout)")
        batch.add_argument("--rubric", help="rubric JSON file (name, criteria, levels)")
        batch.add_argument(
            "--calibrate", help="graded essays JSONL (id, text, score[, score_min, score_max])"
        )
        batch.add_argument("--report", help="write the calibration report (JSON) here")
        batch.add_argument("--limit", type=int, default=0, help="only the first N essays")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["action"] != "batch":  # pragma: no cover - argparse enforces it
            raise CommandError("unknown action")
        rubric = None
        if opts.get("rubric"):
            try:
                rubric = rubric_from_dict(json.loads(Path(opts["rubric"]).read_text("utf-8")))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise CommandError(f"bad rubric file: {exc}") from exc

        def progress(msg: str) -> None:
            self.stderr.write(msg)

        essays = self._read(opts["inp"])
        if opts["limit"]:
            essays = essays[: opts["limit"]]
        engine = Engine()
        calibrator = None
        if opts.get("calibrate"):
            graded = self._read(opts["calibrate"])
            try:
                calibrator = fit_calibration(engine, graded, rubric, progress)
            except ValueError as exc:
                raise CommandError(f"calibration failed: {exc}") from exc
            report = calibrator.report
            progress("calibration: " + json.dumps(report))
            if opts.get("report"):
                Path(opts["report"]).write_text(
                    json.dumps(calibrator.to_dict(), indent=2), encoding="utf-8"
                )
        if opts["out"] == "-":
            n = run_batch(
                engine,
                essays,
                self.stdout,
                rubric=rubric,
                calibrator=calibrator,
                progress=progress,
            )
        else:
            with open(opts["out"], "w", encoding="utf-8") as fh:
                n = run_batch(
                    engine, essays, fh, rubric=rubric, calibrator=calibrator, progress=progress
                )
        progress(f"done: {n} essays")

    def _read(self, path: str) -> list[dict[str, Any]]:
        try:
            if path == "-":
                return list(read_jsonl(sys.stdin))
            with open(path, encoding="utf-8") as fh:
                return list(read_jsonl(fh))
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        except ValueError as exc:
            raise CommandError(f"{path}: {exc}") from exc
