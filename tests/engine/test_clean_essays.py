"""The gate on good writing: proofread essays of our own get (almost) no notes.

Every note on tests/engine/clean_essays is a false alarm. The budget is issue 7's: at most
1.0 per 1,000 words for each spelling variety, with the variety the essay declares and in
auto mode, on the tuning half; the held-out half may not rise above its ceiling
(clean_set.HELDOUT_CEILING_PER_1000, see there), nor may the fresh half, gated since its
notes were read (clean_set.GATED). A half not in GATED (now "blind8" and "blind9", read but
over the budget, and "blind10", not read) is checked for form only, its false alarms reported by
scripts/bench/false_alarms.py.
"""

from __future__ import annotations

import pytest

from coaching.engine import Engine

from .clean_set import GATED, HALVES, ceiling, load, measure


@pytest.fixture(scope="module")
def essays():  # type: ignore[no-untyped-def]
    return load()


def test_the_clean_set_is_what_its_readme_says(essays) -> None:  # type: ignore[no-untyped-def]
    assert len(essays) >= 36
    for half in HALVES:
        mine = [e for e in essays if e.half == half]
        assert {e.variety for e in mine} == {"british", "american"}
        assert len({e.genre for e in mine}) >= 6
        assert abs(sum(e.variety == "british" for e in mine) * 2 - len(mine)) <= 1
    for e in essays:
        assert 400 <= e.words <= 750, e.name
        assert e.variety in e.name
        assert e.genre.split()[0] in e.name


def test_the_fresh_half_is_twelve_numbered_essays(essays) -> None:  # type: ignore[no-untyped-def]
    fresh = [e for e in essays if e.half == "fresh"]
    assert [int(e.name[:2]) for e in fresh] == list(range(25, 37))
    pairs = {(e.variety, e.genre) for e in fresh}
    assert len(pairs) == 12
    for e in fresh:
        assert 450 <= e.words <= 600, (e.name, e.words)
        assert e.text.count("\n\n") >= 3, e.name


# each blind half as its author was asked to write it: (half, first number, words per
# essay, the halves none of its genres may repeat: "*" for every other half)
BLIND_HALVES = [
    ("blind", 39, (450, 700), ()),
    ("blind2", 51, (480, 680), ("blind",)),
    ("blind3", 63, (450, 750), ()),
    ("blind4", 75, (550, 700), ("*",)),
    ("blind5", 87, (550, 700), ("*",)),
    ("blind6", 99, (550, 700), ("*",)),
    ("blind7", 111, (550, 750), ("*",)),
    ("blind8", 123, (550, 750), ("*",)),
    ("blind9", 135, (550, 750), ("*",)),
    ("blind10", 147, (550, 750), ("*",)),
]


@pytest.mark.parametrize(("half", "first", "words", "new_against"), BLIND_HALVES)
def test_each_blind_half_is_twelve_numbered_essays(  # type: ignore[no-untyped-def]
    essays, half: str, first: int, words: tuple[int, int], new_against: tuple[str, ...]
) -> None:
    mine = [e for e in essays if e.half == half]
    # the number is what comes before the first underscore ('100_...' is not '10'), and
    # the files sort as text, so sort by it
    assert sorted(int(e.name.split("_")[0]) for e in mine) == list(range(first, first + 12))
    assert sorted(e.variety for e in mine) == ["american"] * 6 + ["british"] * 6
    assert len({e.genre for e in mine}) == 12
    others = {
        e.genre for e in essays if e.half != half and ("*" in new_against or e.half in new_against)
    }
    assert not {e.genre for e in mine} & others
    for e in mine:
        assert words[0] <= e.words <= words[1], (e.name, e.words)
        assert e.text.count("\n\n") >= 3, e.name


@pytest.mark.parametrize("spelling", ["declared", "auto"])
def test_false_alarms_stay_within_budget(engine: Engine, essays, spelling: str) -> None:  # type: ignore[no-untyped-def]
    tallies = measure(engine, [e for e in essays if e.half in GATED], spelling)
    over = {
        key: (t.notes, t.words, round(t.per_1000, 2), t.examples if key == "all" else None)
        for key, t in tallies.items()
        if "/" in key and t.per_1000 > ceiling(key.split("/")[0])
    }
    assert not over, "\n".join(tallies["all"].examples)
