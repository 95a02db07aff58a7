"""Engine 0.7.1's classes of false alarm (read from the clean halves blind4, blind6, blind7
and blind8 and the planted half blind6, once each had served as the unseen measure), on
sentences written for these tests, beside learners' slips of the same shape that keep their
notes. Checked through the whole engine, so the guards and the gate take part."""

from __future__ import annotations

import pytest

from coaching.engine import Engine, EssayInput
from coaching.engine.spelling import SpellingFilter

from .marks import marks as _notes

FLUENT_TERMS = (
    "In the spring we measured how quickly duckweed grew in dechlorinated water. The "
    "ecotoxicology literature suggests that nitrate matters most, and a wildlife "
    "rehabilitator told us that unshaded ponds warm quickly in June. We also sampled "
    "benthic insects and counted the caddisflies under the stones, then wrote up our "
    "results for the science fair."
)


def test_dictionary_and_built_words_are_no_misspellings_on_fluent_writing(
    engine: Engine,
) -> None:
    assert _notes(engine, FLUENT_TERMS) == []


def test_learners_rare_word_slips_keep_their_notes_in_company(engine: Engine) -> None:
    text = (
        "I dont know wether to go becuase it is far. I accidently broke my freind phone "
        "and it was very unuseful for me, i am sorry."
    )
    found = {(w, rule) for w, rule, _ in _notes(engine, text)}
    # a dictionary's word ('accidently' is in Webster's) or a built word ('unuseful') that
    # is no clear slip of a common word shows where the writing is not fluent
    assert ("accidently", "spelling:rare-word") in found
    assert ("unuseful", "spelling:rare-word") in found
    # a slip of a common word stands alone, and gets the one-word correction
    assert ("freind", "harper:SpellCheck") in found
    assert any(w == "wether" and sugg[0] == "whether" for w, _, sugg in _notes(engine, text))


def test_a_rare_word_slip_stands_alone() -> None:
    f = SpellingFilter()
    assert f.built_word("dechlorinated") and f.built_word("rehabilitator")
    assert f.built_word("caddisflies") and f.built_word("unshaded")
    assert not f.built_word("raincoates")  # '-es' only after s, x, z, ch, sh
    assert not f.built_word("becuase") and not f.built_word("freind")


QUIET = [
    # 'that' before a time noun points at it
    "The van had broken down earlier that morning, so the parcel only arrived later that week.",
    # 'its' before an '-ing' noun that heads the subject
    "The handle came loose because its fixing had split, and the drawer would not close.",
    # a numbered list inside a sentence
    "Please do three things by Friday: 1. return the form; 2. pay the fee; and 3. bring a photo.",
]


# right English the rules and the model used to mark, in a learner's essay with slips around
# it (so that the fluent-writing gate is not what keeps it quiet)
AMONG_SLIPS = (
    "I goed to the shop yesterday and buyed three apple. It describes how much students "
    "sleep. A beginners' course of four sessions costs sixty pounds. About 70 per cent of "
    "students have a phone. She was with a group of complete beginners. The bakery was "
    "opened in 1976 by my grandfather. The textiles group could repair clothes. A coffee "
    "costs £2.50 and a slice of cake is almost the same."
)


def test_right_english_among_slips_is_quiet(engine: Engine) -> None:
    assert {w for w, _, _ in _notes(engine, AMONG_SLIPS)} == {"goed", "buyed", "apple"}


@pytest.mark.parametrize("text", QUIET)
def test_correct_sentence_is_quiet(engine: Engine, text: str) -> None:
    assert _notes(engine, text) == []


HITS = [
    ("There were too much students in the class, it was very noisy.", "much"),
    ("The shop is opened until six o'clock every day.", "opened"),
    ("I have a friends in London who writes to me.", "friends"),
    ("My sister is much taller that me and she is older that my brother.", "that"),
    ("Its a lovely day, and its raining again in the park.", "its"),
    ("I went home after the match. then I slept for ten hours.", "then"),
]


@pytest.mark.parametrize(("text", "marked"), HITS)
def test_the_same_shapes_with_a_slip_keep_a_note(engine: Engine, text: str, marked: str) -> None:
    assert marked in {w for w, _, _ in _notes(engine, text)}


LETTER = (
    "{head}\n\nDear Sir or Madam,\n\nI am writing to complain about lamp which I order from "
    "your shop last month. It arrive with a cracked shade and bent base, and the courier "
    "leave it in the rain outside of my door. I want that you give me full refund becuase I "
    "am very disapointed."
)


def test_a_subject_line_gets_no_grammar_note(engine: Engine) -> None:
    head = "Re: Order number 5521 – damaged lamp and missed delivery"
    text = LETTER.format(head=head)
    result = engine.analyze(EssayInput(text=text))
    on_head = [n for n in result["notes"]["annotations"] if n["start"] < len(head)]
    assert on_head == []
    # the same words in a sentence of the letter's body get the article note
    text = LETTER.format(head="Hello.") + " I mean order 5521 – damaged lamp and missed delivery."
    assert "lamp" in [w for w, rule, _ in _notes(engine, text) if rule == "rule:missing-determiner"]


def test_harpers_un_non_swap_on_a_dictionary_word_is_a_doubt(engine: Engine) -> None:
    fluent = (
        "On the field trip we walked along the cliffs to see the unconformity that James "
        "Hutton described in 1788. The grey rocks below it stand almost upright, while the "
        "red sandstone above them lies nearly flat, and the gap between them spans millions "
        "of years. Our teacher asked us to sketch the unconformity and label both units."
    )
    assert _notes(engine, fluent) == []
    learner = (
        "The waiter was very unpolite with us and I was unpleased becuase the food come "
        "cold. We waited one hour for the desert and nobody say sorry to us."
    )
    marked = {w for w, _, _ in _notes(engine, learner)}
    assert {"unpolite", "unpleased"} <= marked
