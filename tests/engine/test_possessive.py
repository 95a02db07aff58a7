"""Possessive notes offer both readings: one owner or several."""

import pytest

from coaching.engine import Engine, EssayInput


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_plural_possessive_is_offered_beside_the_singular(engine: Engine) -> None:
    text = "Everyone agreed that it was the teachers problem, not ours.\n"
    notes = engine.analyze(EssayInput(text=text))["notes"]["annotations"]
    possessive = [n for n in notes if text[n["start"] : n["end"]] == "teachers"]
    assert possessive, notes
    assert possessive[0]["suggestions"] == ["teacher's", "teachers'"]
    assert "two students' books" in possessive[0]["message"]
