"""The rules read from the dependency parse (grammar/parsed.py): each fires on learners'
slips and stays quiet on the correct sentences next to them (sentences written for these
tests, none taken from a corpus or from the planted-error essays)."""

from __future__ import annotations

import pytest

from coaching.engine import parse
from coaching.engine.grammar import parsed
from coaching.engine.text import SentenceSplitter, build_document

_SPLITTER = SentenceSplitter()


def _notes(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    doc = build_document(text, _SPLITTER)
    parse.ensure(doc)
    out = []
    for sent in doc.sentences:
        for rule in parsed.RULES:
            out.extend((text[n.start : n.end], n.rule, n.suggestions) for n in rule(sent, doc))
    return out


HITS = [
    # agreement: noun, pronoun, coordinated and relative-clause subjects, 'there is'
    ("The kitchen have two windows.", "have", "grammar:agreement", "has"),
    ("My neighbours owns a red car.", "owns", "grammar:agreement", "own"),
    ("Our teacher always explain the rules twice.", "explain", "grammar:agreement", "explains"),
    ("He never listen to his sister.", "listen", "grammar:agreement", "listens"),
    ("Somebody always forget their keys.", "forget", "grammar:agreement", "forgets"),
    ("Apples and pears grows in our garden.", "grows", "grammar:agreement", "grow"),
    ("My sister and I was at the market.", "was", "grammar:agreement", "were"),
    ("The boys who plays in the park are loud.", "plays", "grammar:agreement", "play"),
    ("There was many cars in the street.", "was", "grammar:agreement", "were"),
    (
        "A lot of tourists visits the castle.",
        "visits",
        "grammar:agreement",
        "visit",
    ),
    ("Those tourists visits the castle.", "visits", "grammar:agreement", "visit"),
    ("The price of the shoes are too high.", "are", "grammar:agreement", "is"),
    # comma splices
    (
        "We missed the bus, my father drove us to school.",
        ",",
        "grammar:comma-splice-parse",
        ", and",
    ),
    ("The film was long, I fell asleep after an hour.", ",", "grammar:comma-splice-parse", "."),
    # word forms
    ("The price rose sudden after the storm.", "sudden", "grammar:word-form-adverb", "suddenly"),
    (
        "The ending of the story was very violence.",
        "violence",
        "grammar:word-form-noun-adj",
        "violent",
    ),
    ("Walking is cheap and health.", "health", "grammar:word-form-noun-adj", "healthy"),
]

QUIET = [
    "The kitchen has two windows.",
    "The team are playing well tonight.",  # British English: a group may take a plural verb
    "The government have promised new trains.",
    "Two weeks is a long time to wait.",  # an amount
    "I saw him leave the room.",  # a bare infinitive
    "They suggested that he take the train.",  # a subjunctive
    "If I were you, I would ask.",
    "One of my friends lives in Rome.",
    "A number of students were late.",
    "The number of students is growing.",
    "Neither of the answers is right.",
    "The boys who play in the park are loud.",
    "She took off her boots, which was her answer to everything.",
    # not splices
    "When the bell rang, we ran outside.",
    "It will rain tomorrow, I think.",
    "I must say, it was a lovely evening.",
    "The more you read, the better you write.",
    "It is a lovely town, isn't it?",
    "My uncle, who is a pilot, lives in Oslo.",
    "We packed the car, we locked the door, and we drove away.",
    "I was tired, so I went to bed.",
    'She said, "We are late, the train has gone."',
    # not word-form slips
    "They arrived home safe.",
    "She works hard and plays fair.",
    "Health is more important than money.",
    "It was our slow, steady steps that kept us going.",
]


@pytest.mark.parametrize(("text", "marked", "rule", "suggestion"), HITS)
def test_rule_fires(text: str, marked: str, rule: str, suggestion: str) -> None:
    found = _notes(text)
    assert any(m == marked and r == rule and suggestion in s for m, r, s in found), found


@pytest.mark.parametrize("text", QUIET)
def test_rule_quiet(text: str) -> None:
    assert _notes(text) == []


def test_parse_skips_blanked_text() -> None:
    # bounds.py blanks what no checker may read with spaces: such text is in no sentence
    doc = build_document("Short text here.     " + " " * 300, _SPLITTER)
    parse.ensure(doc)
    assert [s.parse is not None for s in doc.sentences] == [True]
