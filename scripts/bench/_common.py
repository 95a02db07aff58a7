"""Shared set-up for the benchmark scripts: import paths, backends, percentiles, accounts in
a running stack, resident memory of its processes."""

from __future__ import annotations

import os
import socket
import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from e2e.harness import Stack

LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/essaycoach"
LOCAL_REDIS = "redis://127.0.0.1:6379/0"


def _reachable(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def backends() -> list[tuple[str, str | None, str | None]]:
    """Embedded always; PostgreSQL + Redis from the environment or this machine's defaults."""
    result: list[tuple[str, str | None, str | None]] = [("embedded (sqlite)", None, None)]
    database = os.environ.get("DATABASE_URL") or (LOCAL_POSTGRES if _reachable(5432) else None)
    redis = os.environ.get("REDIS_URL") or (LOCAL_REDIS if _reachable(6379) else None)
    if database and redis:
        result.append(("postgresql + redis", database, redis))
    return result


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    ordered = sorted(values)
    rank = max(1, int(-(-pct * len(ordered) // 100)))
    return ordered[rank - 1]


def summary(values: list[float]) -> str:
    return (
        f"p50 {statistics.median(values) * 1000:.0f} ms, "
        f"p95 {percentile(values, 95) * 1000:.0f} ms, "
        f"max {max(values) * 1000:.0f} ms (n={len(values)})"
    )


def class_accounts(
    stack: Stack, password: str, *, students: int, teachers: int = 0, prefix: str = "bench"
) -> tuple[list[str], list[str]]:
    """Students (and co-teachers) of the demo class in the stack's database, made in one go
    through manage.py (no sign-up pages to time, no join-code throttle). Returns the
    students' and the teachers' e-mail addresses."""
    from e2e.harness import JOIN_CODE

    code = f"""
from django.contrib.auth.hashers import make_password
from essays.models import Classroom, Membership, User
room = Classroom.objects.get(join_code="{JOIN_CODE}")
hashed = make_password({password!r})
users = User.objects.bulk_create(
    [User(email=f"{prefix}-{{i}}@school.test", display_name=f"Student {{i}}", password=hashed)
     for i in range({students})]
    + [User(email=f"{prefix}-teacher-{{i}}@school.test", display_name=f"Teacher {{i}}",
            password=hashed, role=User.Role.TEACHER) for i in range({teachers})]
)
Membership.objects.bulk_create(
    Membership(classroom=room, user=u, role=Membership.Role.TEACHER
               if u.role == User.Role.TEACHER else Membership.Role.STUDENT)
    for u in users
)
"""
    stack.manage("shell", "-c", code)
    return (
        [f"{prefix}-{i}@school.test" for i in range(students)],
        [f"{prefix}-teacher-{i}@school.test" for i in range(teachers)],
    )


def rss(pid: int) -> int:
    """Resident memory of one process in bytes (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def process_tree(pid: int) -> list[tuple[int, str]]:
    """`pid` and every process under it (a uvicorn supervisor's workers, a Huey worker's
    Node process), each with its command line shortened to the program and first word."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                # the command may hold spaces and brackets: the parent follows the last ")"
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop(0)
        try:
            with open(f"/proc/{current}/cmdline", "rb") as cmdline:
                words = [w.decode(errors="replace") for w in cmdline.read().split(b"\0") if w]
        except OSError:
            continue
        found.append((current, " ".join(Path(w).name for w in words[:4])[:80]))
        todo.extend(sorted(children.get(current, [])))
    return found
