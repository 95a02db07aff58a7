"""Word and word-pair counts read from CMU Sphinx's trigram model (``ngrams.py``)."""

from __future__ import annotations

import math

import pytest

from coaching.engine.ngrams import NgramCounts, counts


@pytest.fixture(scope="module")
def ng() -> NgramCounts:
    return counts()


def test_offers_the_interface_of_ngram_counts(ng: NgramCounts) -> None:
    for name in ("unigram", "bigram", "left_share", "log_bigram", "bi_floor", "uni", "bi"):
        assert hasattr(ng, name)
    assert hasattr(ng, "left")
    assert {n for n in vars(NgramCounts) if not n.startswith("_")} <= set(dir(ng))


def test_unigram_scale_matches_the_google_books_counts(ng: NgramCounts) -> None:
    assert 1e10 < ng.unigram("the") < 1e11
    assert ng.unigram("the") > ng.unigram("of") > ng.unigram("house") > ng.unigram("essay")
    # the rules' "common word" thresholds (1 and 2 million) still separate common from rare
    assert ng.unigram("holiday") > 2_000_000
    assert ng.unigram("restaurant") > 2_000_000
    assert 0 < ng.unigram("sincerely") < 100_000_000
    assert ng.unigram("xqzvw") == 0


def test_words_the_model_lacks_take_pyspellcheckers_count(ng: NgramCounts) -> None:
    assert ng._logp1("practising") is None
    assert 0 < ng.unigram("practising") < ng.unigram("practice")


def test_common_pairs_are_listed(ng: NgramCounts) -> None:
    for a, b in (("of", "the"), ("interested", "in"), ("their", "children"), ("i", "think")):
        assert ng.bigram(a, b) >= 2 * ng.bi_floor, (a, b)
        assert 0.0 < ng.left_share(a, b) <= 1.0
        assert f"{a} {b}" in ng.bi
    assert ng.left_share("interested", "in") > 0.5
    assert ng.bigram("of", "the") > ng.bigram("the", "house") > 0


def test_pairs_english_does_not_use_are_not(ng: NgramCounts) -> None:
    # never listed by the model: reached only by back-off
    assert not ng.is_listed("there", "children")
    assert ng.bigram("there", "children") == 0
    # listed, but far below the smallest count of the list the rules were written for
    assert ng.is_listed("depend", "of")
    assert ng.bigram("depend", "of") == 0
    assert ng.bigram("listen", "music") == 0
    assert ng.left_share("listen", "music") == 0.0
    assert ng.bigram("xqzvw", "the") == ng.bigram("the", "xqzvw") == 0
    assert ng.bi.get("there children", 0) == 0
    assert "there children" not in ng.bi
    assert ng.log_bigram("there", "children") == math.log(ng.bi_floor)


def test_backoff_trick_tells_listed_from_unlisted_pairs(ng: NgramCounts) -> None:
    lm = ng._lm
    start = lm.prob(["<s>"])
    bo = lm.prob(["<s>", "there"]) - start
    assert abs(lm.prob(["children", "there"]) - (bo + lm.prob(["children"]))) <= 1
    bo = lm.prob(["<s>", "their"]) - start
    assert abs(lm.prob(["children", "their"]) - (bo + lm.prob(["children"]))) > 1


def test_curly_apostrophes_and_case(ng: NgramCounts) -> None:
    assert ng.unigram("don\u2019t") == ng.unigram("don't") > 0
    assert ng.bigram("I", "Think") == ng.bigram("i", "think")


def test_left_is_the_denominator_of_left_share(ng: NgramCounts) -> None:
    share = ng.bigram("interested", "in") / ng.left["interested"]
    assert share == pytest.approx(ng.left_share("interested", "in"), rel=1e-3)
