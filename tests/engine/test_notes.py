from __future__ import annotations

import pytest

from coaching.engine import Engine, EssayInput
from tests.engine.engine_essays import GOOD


def _notes(engine: Engine, text: str) -> list[tuple[str, str, list[str]]]:
    res = engine.analyze(EssayInput(text=text))["notes"]["annotations"]
    return [(text[n["start"] : n["end"]], n["category"], n["suggestions"]) for n in res]


def _flagged(engine: Engine, text: str) -> dict[str, list[str]]:
    return {t: s for t, _, s in _notes(engine, text)}


def test_clean_essay_has_no_grammar_or_spelling_notes(engine: Engine) -> None:
    notes = [n for n in _notes(engine, GOOD) if n[1] in ("spelling", "grammar")]
    assert notes == []


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        ("My brother can swimming very fast in the lake.", "swimming", "swim"),
        ("She must to finish her project before Friday.", "to", ""),
        ("Every weekend he go to the cinema with us.", "go", "goes"),
        ("He have three cats and a very old dog at home.", "have", "has"),
        ("We was tired after the long walk to the village.", "was", "were"),
        ("They gave us a lot of useful informations about it.", "informations", "information"),
        ("This film is much better then the book, I think.", "then", "than"),
        ("I look forward to hear from you soon, my friend.", "hear", "hearing"),
        ("Yesterday I didn't went to school because I was ill.", "went", "go"),
        ("There was too much people in the small room today.", "much", "many"),
        ("I have lived in this town since three years now.", "since", "for"),
        ("It was a sunny day. we went to the beach together.", "we", "We"),
        ("We will meet on monday at the station near school.", "monday", "Monday"),
        ("My friends and I could of won the game easily.", "of", "have"),
        ("I bought this books at the market last weekend.", "this", "these"),
        ("There is many reasons to visit the old city centre.", "is", "are"),
        ("The restaurant was very intresting and quite cheap.", "intresting", "interesting"),
        ("We went to the beach in Sunday with my cousins.", "in", "on"),
        ("I can not come to your party next week, sorry.", "can not", "cannot"),
        ("I hope to see you soon.\n\nYour sincerely,\nAnna", "Your", "Yours"),
        ("We wanted to stay in cabin near the lake all week.", "cabin", "the cabin"),
        ("I would like to inform you, that we have changed our plans.", ",", ""),
        ("I liked the film because is very funny and clever.", "is", "it is"),
        (
            "I was very disappointing with the service at the hotel.",
            "disappointing",
            "disappointed",
        ),
        ("She has a lot of friend in her new school this year.", "friend", "friends"),
        ("We really enjoyed to swim in the warm sea last summer.", "to swim", "swimming"),
        ("My parents let me to go to the concert with Tom.", "to", ""),
        ("Everybody were happy when the holidays finally began.", "were", "was"),
        ("I like very much football and basketball at school.", "very much", None),
        ("In the future I want become a doctor like my mother.", "become", "to become"),
        ("I am interested on learning more about the history.", "on", "in"),
    ],
)
def test_rule_finds_error(engine: Engine, text: str, word: str, suggestion: str | None) -> None:
    flagged = _flagged(engine, text)
    assert word in flagged, flagged
    if suggestion is not None:
        assert suggestion in flagged[word]


@pytest.mark.parametrize(
    "text",
    [
        "Does he have a brother who can swim? If he were here, he could help us.",
        "Let them go home early; they have worked hard and we can finish later.",
        "I can't remember when it started, but it has rained since Monday.",
        "The students who read the book understood it better than those who did not.",
        "He read the letter yesterday and put it back in the drawer.",
        "I look forward to the summer holidays and to seeing my cousins again.",
        "These people have travelled more than I have, and this news surprised them.",
        "Each of the players has a number on the back of their shirt.",
        "It is a means of transport that many sports fans use every weekend.",
        "She has lived here for three years and she likes the neighbours.",
        "Colour is the British spelling, and both organise and organize are fine.",
        "I can not only sing but also dance, and we make the most of every day.",
        "On summer evenings we walk by the river, and she was born on May 5.",
        "I think that you are right, and I know that they will come in the morning.",
        "We went to the home of a famous writer and then went home by bus.",
        "The film was very interesting in many ways, and the actors were amazing.",
        "It is a nice place because it is quiet, and if it is sunny we swim.",
    ],
)
def test_no_false_alarms_on_correct_sentences(engine: Engine, text: str) -> None:
    notes = [n for n in _notes(engine, text) if n[1] in ("spelling", "grammar", "punctuation")]
    assert notes == []
