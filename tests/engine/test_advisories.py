from __future__ import annotations

import pytest

from coaching.engine import Engine, EssayInput
from tests.engine.engine_essays import FRENCH, GIBBERISH, GOOD, OFF_TOPIC, PROMPT


def _check_blocked(result: dict, code: str) -> None:
    codes = [a["code"] for a in result["scores"]["advisories"]]
    assert code in codes
    assert [a["code"] for a in result["overview"]["advisories"]] == codes
    scores = result["scores"]
    assert scores["passing_blocked"] is True
    for c in scores["criteria"]:
        assert c["points"] == 1 and c["level"] == "Beginning"
    assert scores["overall"]["percent"] <= 25.0


@pytest.mark.parametrize(
    ("text", "prompt", "code"),
    [
        ("", "", "empty"),
        ("   \n\n  ", PROMPT, "empty"),
        ("Phones are useful. I like my phone a lot.", PROMPT, "too_short"),
        ((PROMPT + " ") * 3, PROMPT, "copied_prompt"),
        (
            "Phones help students learn many useful things in the classroom every day. " * 8,
            PROMPT,
            "repeated_passage",
        ),
        (GIBBERISH, PROMPT, "gibberish"),
        (FRENCH, PROMPT, "not_english"),
        (OFF_TOPIC, PROMPT, "off_prompt"),
    ],
)
def test_advisory_blocks_passing(engine: Engine, text: str, prompt: str, code: str) -> None:
    result = engine.analyze(EssayInput(text=text, prompt=prompt))
    _check_blocked(result, code)


def test_good_essay_has_no_advisory(engine: Engine) -> None:
    result = engine.analyze(EssayInput(text=GOOD, prompt=PROMPT))
    assert result["scores"]["advisories"] == []
    assert result["scores"]["passing_blocked"] is False


def test_good_essay_with_padding_is_flagged(engine: Engine) -> None:
    padded = GOOD + "\n\n" + ("In conclusion, phones are good. " * 30)
    result = engine.analyze(EssayInput(text=padded, prompt=PROMPT))
    _check_blocked(result, "repeated_passage")


def test_off_topic_without_prompt_is_not_flagged(engine: Engine) -> None:
    result = engine.analyze(EssayInput(text=OFF_TOPIC))
    assert result["scores"]["passing_blocked"] is False
