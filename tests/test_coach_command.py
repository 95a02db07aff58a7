"""``manage.py coach batch``: JSONL in, JSONL out; rubric and calibration options."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.engine.engine_essays import GOOD, PROMPT, WEAK

SHORT = "Phones are useful. I like my phone."


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _essays(tmp_path: Path) -> Path:
    return _write_jsonl(
        tmp_path / "essays.jsonl",
        [
            {"id": "good", "text": GOOD, "prompt": PROMPT},
            {"id": "weak", "text": WEAK},
            {"id": "short", "text": SHORT, "prompt": PROMPT},
        ],
    )


def _graded(tmp_path: Path, with_scale: bool) -> Path:
    """Made-up graded essays: the more sentences of the weak essay replace the good one's,
    the lower the score."""
    good = GOOD.split("\n\n")
    weak = WEAK.split(". ")
    rows = []
    for i in range(24):
        k = i % 6
        body = "\n\n".join(good[: 4 - k // 2]) + "\n\n" + ". ".join(weak[: 2 * k])
        row = {"id": f"g{i}", "text": body, "score": 6 - k}
        if with_scale:
            row.update({"score_min": 0, "score_max": 6})
        rows.append(row)
    return _write_jsonl(tmp_path / "graded.jsonl", rows)


def test_batch_writes_one_line_per_essay(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    call_command(
        "coach", "batch", "--in", str(_essays(tmp_path)), "--out", str(out), stderr=StringIO()
    )
    rows = _read_jsonl(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == ["good", "weak", "short"]
    for r in rows:
        assert set(r) >= {"id", "annotations", "criteria", "flags", "engine_version"}
        assert "score" not in r  # neither a rubric nor a calibration gives one
        for a in r["annotations"]:
            assert set(a) == {"start", "end", "category", "message", "suggestions"}
    weak = rows[1]
    assert weak["annotations"]
    assert [f["code"] for f in rows[2]["flags"]] == ["too_short"]
    assert rows[0]["flags"] == []


def test_batch_to_stdout_is_clean_jsonl(tmp_path: Path) -> None:
    out, err = StringIO(), StringIO()
    call_command(
        "coach", "batch", "--in", str(_essays(tmp_path)), "--out", "-", stdout=out, stderr=err
    )
    rows = _read_jsonl(out.getvalue())
    assert len(rows) == 3
    assert "done: 3 essays" in err.getvalue()


def test_batch_with_rubric_gives_rubric_score(tmp_path: Path) -> None:
    rubric = {
        "name": "Two criteria",
        "criteria": [
            {
                "name": "Ideas",
                "weight": 2,
                "levels": [{"label": "Low", "points": 1}, {"label": "High", "points": 5}],
            },
            {
                "name": "Spelling and grammar",
                "levels": [{"label": "Low", "points": 1}, {"label": "High", "points": 5}],
            },
        ],
    }
    rpath = tmp_path / "rubric.json"
    rpath.write_text(json.dumps(rubric), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    call_command(
        "coach",
        "batch",
        "--in",
        str(_essays(tmp_path)),
        "--out",
        str(out),
        "--rubric",
        str(rpath),
        stderr=StringIO(),
    )
    rows = _read_jsonl(out.read_text(encoding="utf-8"))
    for r in rows:
        assert [c["name"] for c in r["criteria"]] == ["Ideas", "Spelling and grammar"]
        assert all(c["level"] in {"Low", "High"} for c in r["criteria"])
        assert 0 <= r["score"] <= 10
    assert rows[2]["score"] == 2  # too short: lowest level everywhere


@pytest.mark.parametrize("with_scale", [True, False])
def test_batch_with_calibration(tmp_path: Path, with_scale: bool) -> None:
    out = tmp_path / "out.jsonl"
    report = tmp_path / "model.json"
    err = StringIO()
    call_command(
        "coach",
        "batch",
        "--in",
        str(_essays(tmp_path)),
        "--out",
        str(out),
        "--calibrate",
        str(_graded(tmp_path, with_scale)),
        "--report",
        str(report),
        stderr=err,
    )
    rows = {r["id"]: r for r in _read_jsonl(out.read_text(encoding="utf-8"))}
    lo, hi = (0, 6) if with_scale else (1, 6)
    for r in rows.values():
        assert lo <= r["score"] <= hi
    assert rows["short"]["score"] == lo  # an advisory never gets a passing score
    assert rows["good"]["score"] > rows["weak"]["score"]
    model = json.loads(report.read_text(encoding="utf-8"))
    assert model["score_min"] == lo and model["score_max"] == hi
    assert model["report"]["n"] == 24
    assert model["report"]["cv_qwk"] is not None
    assert "calibration:" in err.getvalue()


def test_bad_input_is_a_command_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("coach", "batch", "--in", str(bad), "--out", str(tmp_path / "o.jsonl"))
    with pytest.raises(CommandError):
        call_command("coach", "batch", "--in", str(tmp_path / "missing.jsonl"), "--out", "-")
