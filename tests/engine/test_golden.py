"""Golden output: the engine's notes on learner essays written for this project.

Protects refactors (the rules package) from changing what students see. When a change to
the notes is intended, regenerate and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/engine/test_golden.py
    git diff tests/engine/golden/notes.json
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from coaching.engine import Engine, EssayInput
from coaching.engine.rules import run_rules
from coaching.engine.text import SentenceSplitter, build_document

GOLDEN = Path(__file__).resolve().parent / "golden"
ESSAYS = sorted(GOLDEN.glob("*.txt"))
EXPECTED = GOLDEN / "notes.json"


def _rules(text: str) -> list[list]:
    """Every hand-written rule's notes before overlaps are merged, in a fixed order."""
    doc = build_document(text, SentenceSplitter())
    return sorted(
        [n.start, n.end, n.rule, n.category, n.message, list(n.suggestions), n.priority]
        for n in run_rules(doc)
    )


def _output(engine: Engine, text: str) -> dict[str, list[list]]:
    result = engine.analyze(EssayInput(text=text))
    shown = [
        [
            n["start"],
            n["end"],
            text[n["start"] : n["end"]],
            n["rule"],
            n["category"],
            n["message"],
            list(n["suggestions"]),
        ]
        for n in result["notes"]["annotations"]
    ]
    return {"shown": shown, "rules": _rules(text)}


def test_essays_are_there() -> None:
    assert len(ESSAYS) >= 10
    assert EXPECTED.exists(), "run with UPDATE_GOLDEN=1 to write the golden notes"


@pytest.mark.parametrize("path", ESSAYS, ids=lambda p: p.stem)
def test_notes_unchanged(engine: Engine, path: Path) -> None:
    got = _output(engine, path.read_text(encoding="utf-8"))
    stored = json.loads(EXPECTED.read_text()) if EXPECTED.exists() else {}
    if os.environ.get("UPDATE_GOLDEN"):
        stored[path.stem] = got
        EXPECTED.write_text(json.dumps(stored, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    want = stored.get(path.stem, {})
    assert got["rules"] == want.get("rules")
    assert got["shown"] == want.get("shown")
