"""The load test of issue 9: a lesson's students typing, submitting and watching their
feedback, and their teachers marking, against the app as production runs it.

The stack (e2e/harness.py) is fly.toml's shape on this machine: one uvicorn web process
with WEB_CONCURRENCY (2) workers, one Huey consumer with HUEY_WORKERS (1) thread and its
Node process for harper.js, PostgreSQL and Redis. Locust (scripts/bench/locust/locustfile.py)
runs headless in a process of its own for a bounded time; meanwhile the resident memory of
every process of the stack (and their children) is sampled. Printed: users held, requests
and failures, p50/p95/p99 per page, feedback latency (submit to last panel), errors in the
server's log, memory after the warm-up against the end.

    .venv/bin/python scripts/bench/load.py                        # 40 users, 10 minutes
    .venv/bin/python scripts/bench/load.py --users 10 --seconds 60

Needs PostgreSQL and Redis (DATABASE_URL / REDIS_URL or this machine's defaults).
`e2e/test_load.py` runs `run_load` small in `make test`; `make proof` runs it in full.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # type: ignore[import-not-found]
    ROOT,
    backends,
    class_accounts,
    percentile,
    process_tree,
    rss,
)

from e2e.harness import PYTHON, Stack

LOCUSTFILE = Path(__file__).resolve().parent / "locust" / "locustfile.py"
LOCUST = str(Path(PYTHON).parent / "locust")
PASSWORD = "Load-test-2026"  # noqa: S105 (throw-away accounts of a throw-away database)
MB = 2**20
# "flat": the end within 10% + 16 MB of the sample after the warm-up, per role
FLAT_SHARE, FLAT_SLACK = 0.10, 16 * MB


@dataclass
class Page:
    name: str
    kind: str
    count: int
    failures: int
    p50: float
    p95: float
    p99: float
    largest: float


@dataclass
class LoadResult:
    users: int
    teachers: int
    seconds: float
    shape: str
    pages: list[Page] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    outcomes: list[dict] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    user_counts: list[tuple[float, int]] = field(default_factory=list)
    # pid -> (label, [(seconds since the start, bytes)])
    memory: dict[int, tuple[str, list[tuple[float, int]]]] = field(default_factory=dict)
    warm_at: float = 0.0
    load_average: tuple[float, float] = (0.0, 0.0)
    locust_log: str = ""

    @property
    def students(self) -> list[dict]:
        return [o for o in self.outcomes if o["kind"] == "student"]

    @property
    def teacher_outcomes(self) -> list[dict]:
        return [o for o in self.outcomes if o["kind"] == "teacher"]

    @property
    def requests(self) -> int:
        return sum(p.count for p in self.pages if p.kind not in ("FEEDBACK", "RESENT"))

    @property
    def resent(self) -> int:
        return sum(p.count for p in self.pages if p.kind == "RESENT")

    def ended(self) -> list[str]:
        """Processes of the stack that went away during the run (a worker that died, a
        Node process recycled past HARPER_MAX_RSS_MB)."""
        last = max((s[-1][0] for _, s in self.memory.values() if s), default=0.0)
        return [
            f"{label} (pid {pid})" for pid, (label, s) in self.memory.items() if s[-1][0] < last
        ]

    @property
    def failed(self) -> int:
        return sum(p.failures for p in self.pages)

    @property
    def latencies(self) -> list[float]:
        return [t for o in self.students for t in o["latencies"]]

    def held(self) -> tuple[int, float]:
        """The most users running at once and for how long that many ran."""
        if not self.user_counts:
            return 0, 0.0
        most = max(n for _, n in self.user_counts)
        at = [t for t, n in self.user_counts if n == most]
        return most, at[-1] - at[0]

    def _by_role(self) -> dict[str, dict[float, int]]:
        roles: dict[str, dict[float, int]] = {}
        for label, samples in self.memory.values():
            role = label.split(":", 1)[0]
            for t, value in samples:
                roles.setdefault(role, {}).setdefault(t, 0)
                roles[role][t] += value
        return roles

    def role_timeline(self, step: float) -> dict[str, list[tuple[float, int]]]:
        """Per role, the summed memory at the first sample past each `step` seconds."""
        found = {}
        for role, by_time in self._by_role().items():
            times = sorted(by_time)
            points, mark = [], 0.0
            for t in times:
                if t >= mark:
                    points.append((t, by_time[t]))
                    mark = (t // step + 1) * step
            if points[-1][0] != times[-1]:
                points.append((times[-1], by_time[times[-1]]))
            found[role] = points
        return found

    def role_memory(self) -> dict[str, tuple[int, int, int]]:
        """Per role (web, worker): the sum of its processes' memory at the warm-up sample,
        at the last sample, and the largest sum seen."""
        found = {}
        for role, by_time in self._by_role().items():
            times = sorted(by_time)
            warm = next((t for t in times if t >= self.warm_at), times[-1])
            found[role] = (by_time[warm], by_time[times[-1]], max(by_time.values()))
        return found

    def flat(self) -> dict[str, bool]:
        return {
            role: end <= warm * (1 + FLAT_SHARE) + FLAT_SLACK
            for role, (warm, end, _most) in self.role_memory().items()
        }


def _label(role: str, root: bool, command: str) -> str:
    if "node" in command:
        return f"{role}: node (harper.js)"
    if "run_huey" in command:
        return f"{role}: huey consumer"
    if "uvicorn" in command:
        return f"{role}: uvicorn" + (" supervisor" if root else "")
    if "resource_tracker" in command:
        return f"{role}: multiprocessing's resource tracker"
    if "multiprocessing" in command or command.startswith("python"):
        return f"{role}: uvicorn worker" if role == "web" else f"{role}: {command}"
    return f"{role}: {command}"


class _Sampler(threading.Thread):
    def __init__(self, stack: Stack, every: float, result: LoadResult) -> None:
        super().__init__(daemon=True)
        self.roots = stack.process_ids()
        self.every = every
        self.result = result
        self.started = time.monotonic()
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            now = time.monotonic() - self.started
            for role in ("web", "worker"):
                for root in self.roots.get(role, []):
                    for pid, command in process_tree(root):
                        label = _label(role, pid == root, command)
                        value = rss(pid)
                        if value:
                            entry = self.result.memory.setdefault(pid, (label, []))
                            entry[1].append((now, value))
            self.stopped.wait(self.every)


def _errors(log: str) -> list[str]:
    """Each error the stack logged, with its traceback (e-mail and other output that the
    console prints between entries is left out)."""
    found: list[str] = []
    # "head": an ERROR line; "trace": in a traceback; "after": its exception's lines; "blank":
    # a blank line after those; "chain": "The above exception ..." (another traceback comes)
    state = ""
    for line in log.splitlines():
        if " ERROR " in line or line.startswith(("ERROR", "CRITICAL")):
            found.append(line)
            state = "head"
        elif line.startswith("Traceback") and state in ("", "head", "chain"):
            if not state:
                found.append("")
            found[-1] += "\n" + line
            state = "trace"
        elif state == "trace":
            found[-1] += "\n" + line
            if line and not line[0].isspace():
                state = "after"  # that was the exception's own line
        elif state == "after" and re.match(r"[A-Z]+:  ", line):
            found[-1] += "\n" + line  # PostgreSQL's DETAIL:, HINT: ...
        elif state == "after" and not line.strip():
            state = "blank"
        elif state == "blank" and line.startswith(("During handling", "The above exception")):
            found[-1] += "\n" + line
            state = "chain"
        elif line.strip() and state != "chain":
            state = ""
    return [entry.strip() for entry in found]


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def run_load(
    database: str,
    redis: str,
    *,
    users: int,
    spawn_rate: float,
    seconds: int,
    teachers: int | None = None,
    web_concurrency: int = 2,
    workers: int = 1,
    think: str = "3,5",
    read: str = "20,40",
    teacher_round: str = "5,10",
    warmup: float | None = None,
    sample_every: float = 3.0,
) -> LoadResult:
    """Start the stack, run Locust headless against it for `seconds`, sample memory, and
    return what was measured (nothing is judged here)."""
    teachers = max(1, users // 10) if teachers is None else teachers
    ramp = users / spawn_rate
    result = LoadResult(
        users=users,
        teachers=teachers,
        seconds=seconds,
        shape=f"1 web process (uvicorn, {web_concurrency} workers), {workers} Huey worker "
        f"process{'es' if workers > 1 else ''} (1 thread each), PostgreSQL, Redis",
    )
    result.warm_at = warmup if warmup is not None else max(ramp + 15, min(60.0, seconds / 4))
    stack = Stack(
        database_url=database,
        redis_url=redis,
        label="load",
        web_concurrency=web_concurrency,
        worker_processes=workers,
    )
    with stack, tempfile.TemporaryDirectory(prefix="essaycoach-load-") as tmp:
        folder = Path(tmp)
        students, teacher_emails = class_accounts(
            stack, PASSWORD, students=users - teachers, teachers=teachers, prefix="load"
        )
        accounts = {"password": PASSWORD, "students": students, "teachers": teacher_emails}
        (folder / "accounts.json").write_text(json.dumps(accounts))
        env = {
            **os.environ,
            "LOAD_ACCOUNTS": str(folder / "accounts.json"),
            "LOAD_RESULTS": str(folder / "results.json"),
            "LOAD_TEACHERS": str(teachers),
            "LOAD_THINK": think,
            "LOAD_READ": read,
            "LOAD_ROUND": teacher_round,
        }
        command = [
            LOCUST,
            "-f",
            str(LOCUSTFILE),
            "--headless",
            f"--users={users}",
            f"--spawn-rate={spawn_rate}",
            f"--run-time={seconds}s",
            # a student stopped mid-submit still watches that feedback to its end
            "--stop-timeout=200",
            f"--host={stack.base_url}",
            f"--csv={folder / 'locust'}",
            "--only-summary",
            "--loglevel=WARNING",
        ]
        result.load_average = (os.getloadavg()[0], 0.0)
        sampler = _Sampler(stack, sample_every, result)
        sampler.start()
        try:
            with (folder / "locust.log").open("w") as log:
                subprocess.run(
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    check=False,
                    timeout=seconds + 300,  # the stop timeout and then some: never hang
                )
        finally:
            sampler.stopped.set()
            sampler.join()
        result.load_average = (result.load_average[0], os.getloadavg()[0])
        result.locust_log = (folder / "locust.log").read_text()
        if (folder / "results.json").exists():
            results = json.loads((folder / "results.json").read_text())
            result.outcomes = results["outcomes"]
            result.failures = results["failures"]
            result.pages = [
                Page(
                    name=row["name"],
                    kind=row["type"],
                    count=row["count"],
                    failures=row["failures"],
                    p50=row["p50"],
                    p95=row["p95"],
                    p99=row["p99"],
                    largest=row["max"] or 0,
                )
                for row in results["stats"]
            ]
        history = [r for r in _read_csv(folder / "locust_stats_history.csv")]
        if history:
            first = int(history[0]["Timestamp"])
            result.user_counts = [
                (int(r["Timestamp"]) - first, int(r["User Count"]))
                for r in history
                if r["Name"] == "Aggregated"
            ]
        result.server_errors = _errors(stack.log())
    return result


def report(result: LoadResult) -> str:
    most, held = result.held()
    lines = [
        f"Load: {result.users} users ({result.users - result.teachers} students, "
        f"{result.teachers} teacher{'s' if result.teachers > 1 else ''}), {result.seconds} s; "
        f"{result.shape}",
        f"load average (1 min) at start {result.load_average[0]:.1f}, "
        f"at end {result.load_average[1]:.1f}",
        f"users held: {most} for {held:.0f} s",
        f"requests: {result.requests}, failures: {result.failed}; errors in the server log: "
        f"{len(result.server_errors)}; processes that ended: {', '.join(result.ended()) or 'none'}",
        f"requests sent again after the server closed an idle kept-alive connection as they "
        f"went out (as a browser does): {result.resent}",
    ]
    lines += [f"  failure: {f}" for f in result.failures[:10]]
    lines += [f"  server: {e}" for e in result.server_errors[:3]]
    lines.append(f"  {'page':24} {'count':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>6}  (ms)")
    for page in sorted(result.pages, key=lambda p: -p.count):
        if page.kind in ("FEEDBACK", "RESENT"):
            continue
        lines.append(
            f"  {page.kind + ' ' + page.name:24} {page.count:7d} {page.p50:6.0f} "
            f"{page.p95:6.0f} {page.p99:6.0f} {page.largest:6.0f}"
        )
    latencies = result.latencies
    submitted = sum(o["submitted"] for o in result.students)
    answered = sum(o["feedback"] for o in result.students)
    if latencies:
        lines.append(
            f"feedback latency (submit to last panel): p50 {percentile(latencies, 50):.2f} s, "
            f"p95 {percentile(latencies, 95):.2f} s, p99 {percentile(latencies, 99):.2f} s, "
            f"max {max(latencies):.2f} s; {answered} of {submitted} submissions got their "
            f"feedback ({len([o for o in result.students if o['submitted']])} of "
            f"{len(result.students)} students submitted)"
        )
    reviews = sum(o["reviews"] for o in result.teacher_outcomes)
    released = sum(o["released"] for o in result.teacher_outcomes)
    lines.append(f"teachers: {reviews} reviews saved, {released} released")
    lines.append(f"memory (resident; warm-up sample at {result.warm_at:.0f} s, end, largest):")
    flat = result.flat()
    for role, (warm, end, most_mb) in result.role_memory().items():
        lines.append(
            f"  {role:7} {warm / MB:6.0f} MB -> {end / MB:6.0f} MB (largest {most_mb / MB:.0f} "
            f"MB)  {'flat' if flat[role] else 'GREW'} (flat: end within "
            f"{FLAT_SHARE:.0%} + {FLAT_SLACK // MB} MB)"
        )
    timeline = result.role_timeline(step=60.0 if result.seconds >= 300 else 10.0)
    for role, points in timeline.items():
        lines.append(
            f"  {role:7} over the run: "
            + ", ".join(f"{t:.0f} s {v / MB:.0f}" for t, v in points)
            + " MB"
        )
    for pid, (label, samples) in sorted(result.memory.items(), key=lambda kv: kv[1][0]):
        warm = next((v for t, v in samples if t >= result.warm_at), samples[-1][1])
        lines.append(
            f"    {label:28} pid {pid:7d}: {warm / MB:5.0f} -> {samples[-1][1] / MB:5.0f} MB"
        )
    return "\n".join(lines)


def problems(result: LoadResult) -> list[str]:
    """What makes the run fail as a proof (`--check`, `make proof`): any failed request or
    error, a submission whose feedback never reached its last panel, memory that grew."""
    found = [f"{result.failed} requests failed"] if result.failed else []
    found += [f"failure: {f}" for f in result.failures]
    found += [f"server log: {e}" for e in result.server_errors[:5]]
    if result.held()[0] != result.users:
        found.append(f"only {result.held()[0]} of {result.users} users ran at once")
    for student in result.students:
        if student["feedback"] != student["submitted"] or student["failures"]:
            found.append(f"student {student}")
    found += [f"{role} memory grew" for role, flat in result.flat().items() if not flat]
    found += [f"ended: {p}" for p in result.ended() if "node" not in p]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--spawn-rate", type=float, default=2.0, help="users started a second")
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--teachers", type=int, help="of the users (default: one in ten)")
    parser.add_argument("--web-concurrency", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1, help="Huey worker processes")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 on any failure, lost feedback or growth"
    )
    args = parser.parse_args()
    found = [b for b in backends() if b[1]]
    if not found:
        print("load: needs PostgreSQL and Redis; skipped")
        sys.exit(1 if args.check else 0)
    _name, database, redis = found[0]
    result = run_load(
        database,
        redis,
        users=args.users,
        spawn_rate=args.spawn_rate,
        seconds=args.seconds,
        teachers=args.teachers,
        web_concurrency=args.web_concurrency,
        workers=args.workers,
    )
    print(report(result), flush=True)
    if not result.pages:
        print(result.locust_log[-3000:])
    if args.check and (bad := problems(result) or ([] if result.pages else ["no requests"])):
        print("load test FAILED:\n  " + "\n  ".join(bad))
        sys.exit(1)


if __name__ == "__main__":
    main()
