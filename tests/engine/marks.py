"""What the whole engine marks in a text, as (marked text, rule, suggestions) rows: the shape
the rule tests compare (tests/engine/test_rules_070.py, test_rules_071.py)."""

from __future__ import annotations

from coaching.engine import Engine, EssayInput


def marks(engine: Engine, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    result = engine.analyze(EssayInput(text=text))
    return [
        (text[n["start"] : n["end"]], n["rule"], tuple(n["suggestions"]))
        for n in result["notes"]["annotations"]
    ]
