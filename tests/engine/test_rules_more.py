"""Rules added in engine 0.2.0: each fires on a sentence written for the test and stays
quiet on the correct version."""

from __future__ import annotations

import pytest

from coaching.engine import Engine, EssayInput


def _rules(engine: Engine, text: str, spelling: str = "british") -> dict[str, list[str]]:
    # British by default: these sentences test British conventions as an assignment that
    # asks for British spelling would
    notes = engine.analyze(EssayInput(text=text, spelling=spelling))["notes"]["annotations"]
    out: dict[str, list[str]] = {}
    for n in notes:
        out.setdefault(n["rule"], []).append(text[n["start"] : n["end"]])
    return out


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        (
            "My favorite sport is tennis and I play it a lot.",
            "harper:SpellCheck:british",
            "favorite",
        ),
        (
            "We waited at the bus stop. Because the train was late.",
            "rule:because-fragment",
            "Because",
        ),
        (
            "There were forty five people at the party last night.",
            "rule:number-hyphen",
            "forty five",
        ),
        ("I think every thing will be fine in the end, really.", "rule:one-word", "every thing"),
        ("We stayed at the beach the hole day with our friends.", "rule:hole-whole", "hole"),
        (
            "I want to practice the piano every day after school.",
            "rule:british:practise",
            "practice",
        ),
        ("I had the possibility to visit the museum last week.", "rule:opportunity", "possibility"),
        ("Many persons came to the meeting on the first day.", "rule:word-form:persons", "persons"),
        ("She never wears make up when she goes to school.", "rule:make-up", "make up"),
        ("Well, its a long story and I will tell you later.", "rule:its-it-is", "its"),
    ],
)
def test_rule_fires(engine: Engine, text: str, rule: str, span: str) -> None:
    found = _rules(engine, text)
    assert span in found.get(rule, []), found


@pytest.mark.parametrize(
    "text",
    [
        "My favourite sport is tennis and I play it a lot.",
        "We waited at the bus stop because the train was late.",
        "There were forty-five people at the party last night.",
        "I think everything will be fine in the end, really.",
        "We stayed at the beach the whole day with our friends.",
        "I want to practise the piano every day after school.",
        "I had the opportunity to visit the museum last week.",
        "The dog dug a hole in the garden and lost its bone there.",
        "They will make up their minds soon, I am sure of it.",
    ],
)
def test_correct_text_is_quiet(engine: Engine, text: str) -> None:
    assert _rules(engine, text) == {}


@pytest.mark.parametrize("spelling", ["american", "auto"])
def test_american_dialect_accepts_american_spelling(engine: Engine, spelling: str) -> None:
    found = _rules(engine, "My favorite color is blue, and I practice a lot.", spelling)
    assert not any(r.startswith(("harper:SpellCheck", "rule:british")) for r in found), found
