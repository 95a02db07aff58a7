"""The calibration features count what the checkers found; the levels rest on what is shown."""

from __future__ import annotations

from coaching.engine import Engine, EssayInput

# fluent writing with one real agreement slip ('The teachers who runs'): too few notes for
# the grammar kinds to show (gate.MIN_NOTES_PER_100)
FLUENT_WITH_A_SLIP = (
    "Our school garden started three years ago with a few raised beds behind the sports hall. "
    "Today it grows beans, potatoes and herbs, and the kitchen uses them for lunches in the "
    "autumn term. Every class spends one afternoon a month there, and the older students keep "
    "a record of what was planted and picked. I think the garden should stay, even though the "
    "governors want the space for a new car park. It teaches patience and care in a way that "
    "a classroom cannot, and it gives students who struggle with reading a place where they "
    "can succeed. The teachers who runs the garden club give up their own time to do it. A car "
    "park could be built on the unused field next to the main gate instead, and the garden "
    "would then be left for the next generation of students to enjoy. Nobody has asked the "
    "students what they think, and they are the ones who would lose the most."
)


def test_features_count_the_notes_the_fluent_writing_gate_hides(engine: Engine) -> None:
    text = FLUENT_WITH_A_SLIP
    result = engine.analyze(EssayInput(text=text, spelling="british"))
    assert result["notes"]["annotations"] == []
    features = result["scores"]["features"]
    words = result["overview"]["words"]
    assert words >= 150
    # the slip is counted for calibration (before engine 0.6.3 the gate hid it from scoring)
    assert features["grammar_per_100"] >= 100 / words
    assert features["notes_per_100"] >= features["grammar_per_100"]
    assert features["clean_sentence_share"] < 1.0
    # the level a student reads rests on the notes shown
    conventions = next(c for c in result["scores"]["criteria"] if c["name"] == "Conventions")
    assert "No spelling, grammar or punctuation mistake is marked" in conventions["rationale"]
    assert conventions["level"] == "Excellent"


def test_features_and_notes_shown_agree_where_every_note_shows(engine: Engine) -> None:
    text = "The people who depends on it is angry. Their was no warning at all."
    result = engine.analyze(EssayInput(text=text, spelling="british"))
    shown = result["notes"]["annotations"]
    assert shown
    features = result["scores"]["features"]
    words = result["overview"]["words"]
    assert features["notes_per_100"] == round(len(shown) * 100 / words, 4)
