"""`make bench`: every benchmark the issues name, one after another, figures printed.

Each script also runs on its own (see its docstring).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ("Student loop: submit to first panel (issue 2)", ["loop_bench.py", "--runs", "20"]),
    ("Feedback page weight (issue 2)", ["page_weight.py"]),
    ("Query counts, 1 vs 50 revisions (issue 2)", ["queries.py"]),
    ("Coaching engine: detection, scoring, speed (issue 3)", ["engine_bench.py"]),
    ("Planted errors: recall per kind, note precision (issue 7)", ["planted_errors.py"]),
    ("Coaching engine: ranking our own essays without calibration (issue 7)", ["ranking.py"]),
    ("Calibration from ~100 grades vs a shallow baseline (issue 7)", ["calibration_small.py"]),
    ("Teacher pages: class of 300 x 3 revisions, p95 and queries (issue 8)", ["teacher_pages.py"]),
    ("Class overview (300 x 3) and class PDF (30 students) (issue 8)", ["class_insight.py"]),
    ("Capacity: 2 web + 2 workers behind nginx, streams per process (issue 11)", ["capacity.py"]),
    ("Compare page: word diff of 5,000-word revisions (issue 8)", ["diff_bench.py"]),
    ("Coaching engine: false alarms on clean essays of our own (issue 7)", ["false_alarms.py"]),
    (
        "Coaching engine: hostile essay text, time and Node's memory (issue 9)",
        ["hostile_engine.py"],
    ),
    ("LTI launch to first paint inside the LMS's iframe (issue 10)", ["lti_launch.py"]),
]


def main() -> int:
    failed = []
    for title, command in SCRIPTS:
        if not (HERE / command[0]).exists():
            continue
        print(f"\n== {title}", flush=True)
        started = time.monotonic()
        result = subprocess.run([sys.executable, *command], cwd=HERE, check=False)
        print(f"   ({time.monotonic() - started:.0f} s)", flush=True)
        if result.returncode:
            failed.append(command[0])
    if failed:
        print(f"\nFailed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
