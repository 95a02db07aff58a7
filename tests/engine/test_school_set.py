"""The calibration benchmark's own essay set is intact and rebuilds identically."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from coaching.engine.placeholders import placeholder_spans

HERE = Path(__file__).resolve().parents[2] / "scripts" / "bench" / "data" / "school_essays"


def _rows() -> list[dict]:
    with open(HERE / "school_essays.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_set_has_a_hundred_graded_essays_with_a_spread() -> None:
    rows = _rows()
    assert len(rows) >= 100
    assert {r["score"] for r in rows} == set(range(2, 13))
    assert len({r["prompt"] for r in rows}) == 4
    assert sum(1 for r in rows if placeholder_spans(r["text"])) >= 30


def test_set_rebuilds_identically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("make_set", HERE / "make_set.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "base").symlink_to(HERE / "base")
    monkeypatch.setattr(module, "HERE", tmp_path)
    module.main()
    assert (tmp_path / "school_essays.jsonl").read_text() == (
        HERE / "school_essays.jsonl"
    ).read_text()
