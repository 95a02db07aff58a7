from __future__ import annotations

import pytest

from coaching.engine import Engine, EssayInput
from coaching.engine.placeholders import (
    PlaceholderIndex,
    is_placeholder,
    placeholder_spans,
    strip_placeholders,
)

LETTER = (
    "Dear @CAPS1,\n\nI think computers help @PERSON1 and me talk to our cousins in "
    "@LOCATION2 every week. My friend [name] uses one for @NUM1 hours a day, and Mr XXX "
    "says that @CAPS2 is a good way to learn about the world.\n\nComputers let us find "
    "information quickly, so I think every family should have one."
)


def test_placeholders_found_and_nothing_else() -> None:
    found = [LETTER[s:e] for s, e in placeholder_spans(LETTER)]
    assert found == ["@CAPS1", "@PERSON1", "@LOCATION2", "[name]", "@NUM1", "XXX", "@CAPS2"]
    assert is_placeholder("@ORGANIZATION3") and is_placeholder("<school>")
    assert not is_placeholder("Xavier") and not is_placeholder("@") and not is_placeholder("[")
    assert placeholder_spans("Email me at sam@example.com about item X.") == []
    assert strip_placeholders("Hi @PERSON1!", "Sam") == "Hi Sam!"


def test_index_covers_spans_and_points() -> None:
    text = "Dear @CAPS1, hello [name]."
    ix = PlaceholderIndex.of(text)
    assert ix.covers(5, 11) and ix.covers(6, 8) and ix.covers(6, 6)
    assert not ix.covers(0, 4) and not ix.covers(11, 11) and not ix.covers(13, 18)
    assert not PlaceholderIndex.of("No tokens here.")


@pytest.mark.usefixtures("engine")
def test_placeholders_get_no_note_and_do_not_count_as_words(engine: Engine) -> None:
    named = engine.analyze(EssayInput(text=LETTER))
    for note in named["notes"]["annotations"]:
        assert not PlaceholderIndex.of(LETTER).covers(note["start"], note["end"]), note
    # the vocabulary measures are the student's own words: as if the tokens were not there
    bare = engine.analyze(EssayInput(text=strip_placeholders(LETTER)))
    for key in ("unique_words", "mattr", "long_word_share", "avg_word_length"):
        assert named["overview"]["vocabulary"][key] == bare["overview"]["vocabulary"][key], key
    features = named["scores"]["features"]
    assert features["unknown_word_share"] == 0.0 and features["spelling_per_100"] == 0.0
