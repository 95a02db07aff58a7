"""Engine 0.3.0: one-word corrections instead of Harper's word splits, 'there' for 'their',
no missing-article note after a possessive. Sentences written for these tests."""

from __future__ import annotations

import pytest

from coaching.engine import Engine, EssayInput
from coaching.engine.calibration import Calibrator


def _notes(engine: Engine, text: str) -> list[dict]:
    return engine.analyze(EssayInput(text=text))["notes"]["annotations"]


def _on(notes: list[dict], text: str, word: str) -> list[dict]:
    return [n for n in notes if text[n["start"] : n["end"]] == word]


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("A good map is really usefull when you visit a new town.", "usefull", "useful"),
        ("The teacher was very carefull with the old books.", "carefull", "careful"),
        ("I did not belive him when he told me the news.", "belive", "believe"),
        ("We always eat dinner befor the film starts.", "befor", "before"),
    ],
)
def test_one_word_correction_beats_a_split(engine: Engine, text: str, word: str, fix: str) -> None:
    notes = _on(_notes(engine, text), text, word)
    assert notes, f"no note on {word!r}"
    sugg = notes[0]["suggestions"]
    assert sugg[0] == fix
    assert not any(" " in s for s in sugg)


def test_capitalised_one_word_correction(engine: Engine) -> None:
    text = "Usefull tools make the job much easier for everybody."
    notes = _on(_notes(engine, text), text, "Usefull")
    assert notes and notes[0]["suggestions"][0] == "Useful"


def test_one_word_corrections_keep_real_splits_alone(engine: Engine) -> None:
    spelling = engine._spelling
    # a changed first letter or a vowel left out is not what the student meant
    assert "plot" not in spelling.one_word_corrections("alot")
    assert "none" not in spelling.one_word_corrections("noone")
    assert spelling.one_word_corrections("usefull")[0] == "useful"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("If anything goes wrong the parents can call there child at once.", "child"),
        ("The pupils forgot there homework on the bus this morning.", "homework"),
        ("My cousins lost there phone at the station yesterday.", "phone"),
    ],
)
def test_there_for_their(engine: Engine, text: str, noun: str) -> None:
    notes = _notes(engine, text)
    there = [n for n in _on(notes, text, "there") if n["rule"] == "rule:there-their"]
    assert there and there[0]["suggestions"] == ["their"]
    # the real error is 'there': no missing-article note on the noun after it
    assert not [n for n in _on(notes, text, noun) if n["rule"] == "rule:missing-determiner"]


@pytest.mark.parametrize(
    "text",
    [
        "There is a small shop near the school.",
        "There are two cats in the garden today.",
        "I left my umbrella over there, next to the door.",
        "We went there last summer and loved it.",
        "There, the children played until dinner.",
        "Toys were lying here and there books were piled up.",
        "They put their coats on the chairs.",
    ],
)
def test_there_left_alone(engine: Engine, text: str) -> None:
    notes = _notes(engine, text)
    assert not [n for n in notes if n["rule"] == "rule:there-their"]


def test_no_missing_article_after_possessive(engine: Engine) -> None:
    for text in (
        "The children can call their teacher after school.",
        "Everyone liked Peter's idea for the trip.",
    ):
        notes = _notes(engine, text)
        assert not [n for n in notes if n["rule"] == "rule:missing-determiner"], text


def test_suspicion_features_present(engine: Engine) -> None:
    text = "I am agree with you, it is a good idea. We go in school by bus every day."
    feats = engine.analyze(EssayInput(text=text))["scores"]["features"]
    for key in (
        "unseen_pairs_per_100",
        "preposition_suspects_per_100",
        "comma_splice_suspects_per_100",
        "article_suspects_per_100",
        "clean_sentence_share",
    ):
        assert key in feats and feats[key] >= 0.0


def test_stored_model_with_other_features_still_predicts() -> None:
    rows = [{"a": float(i), "b": float(i % 3)} for i in range(12)]
    ys = [float(i // 2) for i in range(12)]
    model = Calibrator.fit(rows, ys, features=("a", "b"), score_min=0, score_max=6)
    again = Calibrator.from_dict(model.to_dict())
    # a row from a newer engine (extra features) or an older one (a feature missing)
    assert again.predict({"a": 4.0, "b": 1.0, "new": 3.0}) == model.predict({"a": 4.0, "b": 1.0})
    assert 0.0 <= again.predict({"a": 4.0}) <= 6.0


def test_missing_article_before_noun_that_is_also_a_verb(engine: Engine) -> None:
    text = "My sister has job in a bank near the station."
    notes = [n for n in _on(_notes(engine, text), text, "job")]
    assert notes and notes[0]["rule"] == "rule:missing-determiner"
    fine = "We like to park the car near the house."
    assert not [n for n in _notes(engine, fine) if n["rule"] == "rule:missing-determiner"]
