"""The compare page's word diff is computed once per pair of revisions (issue 9: two
5,000-word revisions took 22 s a request, recomputed every time)."""

from __future__ import annotations

import random

import pytest
from django.urls import reverse

from coaching import selectors
from tests.conftest import client_for


def _essay_text(seed: int, words: int = 5000) -> str:
    rng = random.Random(seed)
    vocab = ["school", "uniform", "students", "cost", "fair", "cheap", "time", "learn", "the"]
    paragraphs = []
    for _ in range(words // 250):
        paragraphs.append(" ".join(rng.choice(vocab) for _ in range(250)) + ".")
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def long_pair(school, submit, settings):
    settings.ESSAY_MAX_WORDS = 5000
    school.assignment.max_words = 5000
    school.assignment.save(update_fields=["max_words"])
    first = submit(_essay_text(1))
    second = submit(_essay_text(2))  # every paragraph rewritten: the slowest kind of diff
    return first, second


@pytest.fixture
def diff_calls(monkeypatch) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []
    real = selectors.word_diff

    def counting(old: str, new: str):
        calls.append((old[:20], new[:20]))
        return real(old, new)

    monkeypatch.setattr(selectors, "word_diff", counting)
    return calls


def test_a_pair_is_diffed_once_then_served_from_the_cache(school, long_pair, diff_calls):
    first, _second = long_pair
    client = client_for(school.student)
    url = reverse("coaching:essay_compare", args=[first.essay.pk])
    pages = [client.get(url, {"a": 1, "b": 2}) for _ in range(3)]
    assert [p.status_code for p in pages] == [200, 200, 200]
    assert len(diff_calls) == 1
    assert pages[0].content.count(b"<ins") == pages[2].content.count(b"<ins") > 0
    # the other direction is another pair (its own entry), computed once as well
    client.get(url, {"a": 2, "b": 1})
    client.get(url, {"a": 2, "b": 1})
    assert len(diff_calls) == 2
    # a teacher of the class shares the pair's entry
    client_for(school.teacher).get(url, {"a": 1, "b": 2})
    assert len(diff_calls) == 2


def test_pairs_of_other_essays_do_not_share_an_entry(school, long_pair, submit, diff_calls):
    first, second = long_pair
    theirs = [submit(_essay_text(n), school.classmate) for n in (3, 4)]
    mine = selectors.revision_diff(first, second)
    other = selectors.revision_diff(*theirs)
    assert len(diff_calls) == 2
    assert mine != other
    assert selectors.revision_diff(first, second) == mine
    assert len(diff_calls) == 2


def test_a_cache_outage_costs_a_recomputation_not_the_page(
    school, long_pair, diff_calls, monkeypatch
):
    first, _second = long_pair

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(selectors.cache, "get", down)
    monkeypatch.setattr(selectors.cache, "set", down)
    url = reverse("coaching:essay_compare", args=[first.essay.pk])
    assert client_for(school.student).get(url, {"a": 1, "b": 2}).status_code == 200
    assert len(diff_calls) == 1
