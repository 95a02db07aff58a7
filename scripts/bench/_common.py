"""Shared set-up for the benchmark scripts: import paths, backends, percentiles."""

from __future__ import annotations

import os
import socket
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

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
