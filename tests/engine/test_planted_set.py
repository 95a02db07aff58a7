"""The planted-error essays parse, and each kind has enough errors in each half."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.engine.planted import KINDS, load, parse


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


@pytest.mark.parametrize("half", ["dev", "held_out"])
def test_each_half_has_every_kind(half: str) -> None:
    essays = load(half)
    counts = Counter(e.kind for essay in essays for e in essay.errors)
    assert set(counts) == set(KINDS)
    assert min(counts.values()) >= 8
    for essay in essays:
        assert "[" not in essay.text and "  " not in essay.text
        assert " ," not in essay.text and " ." not in essay.text


def test_at_least_sixteen_of_each_kind() -> None:
    counts = Counter(e.kind for h in ("dev", "held_out") for s in load(h) for e in s.errors)
    assert min(counts[k] for k in KINDS) >= 16
