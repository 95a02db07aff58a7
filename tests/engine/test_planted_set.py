"""The planted-error essays parse, and each kind has enough errors in each half.

The fresh and blind halves (written blind) are checked for form only here; the engine's
recall on them is reported by scripts/bench/planted_errors.py, not gated.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.engine.planted import HALVES, KINDS, PlantedEssay, load, parse


def test_markup_gives_text_and_spans() -> None:
    essay = parse("t", "[Tablets is->Tablets are|agreement] dearer [then->than|confusable] books.")
    assert essay.text == "Tablets is dearer then books."
    spans = [(essay.text[e.start : e.end], e.kind, e.correction) for e in essay.errors]
    assert spans == [
        ("Tablets is", "agreement", "Tablets are"),
        ("then", "confusable", "than"),
    ]


def test_unknown_kind_and_empty_mark_are_refused() -> None:
    with pytest.raises(ValueError):
        parse("t", "a [b->c|spelling] d")
    with pytest.raises(ValueError):
        parse("t", "a [->c|article] d")


@pytest.mark.parametrize("half", HALVES)
def test_each_half_has_every_kind(half: str) -> None:
    essays = load(half)
    counts = Counter(e.kind for essay in essays for e in essay.errors)
    assert set(counts) == set(KINDS)
    assert min(counts.values()) >= (5 if half == "fresh" else 8)
    for essay in essays:
        assert "[" not in essay.text and "  " not in essay.text
        assert " ," not in essay.text and " ." not in essay.text


def test_the_fresh_half_is_ten_learner_essays_with_valid_spans() -> None:
    essays = load("fresh")
    assert len(essays) == 10
    _check_essays(essays, words=(250, 400))


# each blind half as its author was asked to write it: (half, least of each kind, errors per
# essay, words per essay); all eight essays long
BLIND_HALVES = [
    ("blind", 10, (10, 12), (300, 450)),
    ("blind2", 11, (12, 15), (280, 420)),
    ("blind3", 12, (13, 15), (350, 550)),
    ("blind4", 12, (13, 15), (350, 550)),
    ("blind5", 12, (13, 15), (350, 550)),
    ("blind6", 12, (13, 15), (350, 550)),
    ("blind7", 12, (13, 15), (350, 550)),
    ("blind8", 12, (13, 15), (350, 550)),
]


@pytest.mark.parametrize(("half", "least", "per_essay", "words"), BLIND_HALVES)
def test_each_blind_half_is_eight_learner_essays_with_enough_of_each_kind(
    half: str, least: int, per_essay: tuple[int, int], words: tuple[int, int]
) -> None:
    essays = load(half)
    assert len(essays) == 8
    counts = Counter(e.kind for essay in essays for e in essay.errors)
    assert min(counts[k] for k in KINDS) >= least, counts
    for essay in essays:
        assert per_essay[0] <= len(essay.errors) <= per_essay[1], (essay.name, len(essay.errors))
    _check_essays(essays, words=words)


def _check_essays(essays: list[PlantedEssay], words: tuple[int, int]) -> None:
    """Distinct names, a length in ``words``, paragraphs, and spans in order that hold
    exactly the wrong text."""
    assert len({e.name for e in essays}) == len(essays)
    for essay in essays:
        n = len(essay.text.split())
        assert words[0] <= n <= words[1], (essay.name, n)
        assert essay.text.count("\n\n") >= 3, essay.name
        last = 0
        for err in essay.errors:
            assert last <= err.start < err.end <= len(essay.text), (essay.name, err)
            assert essay.text[err.start : err.end] == err.wrong
            assert err.wrong.strip() == err.wrong and err.wrong != err.correction
            last = err.end


def test_at_least_sixteen_of_each_kind() -> None:
    counts = Counter(e.kind for h in ("dev", "held_out") for s in load(h) for e in s.errors)
    assert min(counts[k] for k in KINDS) >= 16
