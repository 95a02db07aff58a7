"""Engine tests: plain pytest, no Django, no database."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from coaching.engine import Engine  # noqa: E402


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()
