"""Word and word-pair counts read from CMU Sphinx's trigram model of general English
(``lm.py``; the ``en-us.lm.bin`` inside the ``pocketsphinx`` wheel). Until engine 0.4 they came
from SymSpell's Google Books lists as carried by the third-party symspellpy port; the counts
here are on the same scale as those lists, so the thresholds the rules were written with keep
their meaning. Nothing is downloaded or stored.

- A word's count is its unigram probability times ``_N_UNI``. ``_N_UNI`` makes the two lists
  agree on how many words are common: as many words pass 1 and 2 million here as in SymSpell's
  list (about 22,000 and 15,500). The model is closer to spoken English, so its function words
  are relatively more frequent ('the' becomes 2.3 times SymSpell's count, 'I' 10 times) and
  its book words less ('accommodation' a fifteenth). Words the model does not know take
  pyspellchecker's count (its author's own list), scaled to the model's counts.
- A word pair is counted only when the model lists it (a pair reached by back-off is not
  English the model has seen). A pair (a, b) is taken as listed when P(b | a) differs from
  the back-off estimate bo(a) * P(b); bo(a) is read as P(<s> | a) / P(<s>), because no pair
  ever ends in the sentence start '<s>'. (Checked against the model's own ARPA listing:
  each of 290,000 sampled unlisted pairs agrees to within one unit of the model's log scale,
  and 98% of the listed pairs differ by more; the other 2% are pairs whose listed
  probability is its back-off estimate, which carry no information.)
- A listed pair counts P(a) * P(b | a) * ``_N_BI``. SymSpell's pair list is on a scale of its
  own (its 'of the' is 13 times its 'of'), so ``_N_BI`` matches ranks again: the pair at
  rank 242,000 here has SymSpell's smallest listed count, and pairs below that count are not
  listed, as in SymSpell's list (so ``bi_floor`` is the same 3.2 million).
- ``left_share(a, b)`` is P(b | a) for a listed pair.

Lookups are cached; the model itself is the one ``lm.language_model()`` already holds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Any, Protocol

from .lm import language_model

# one unit of the model's log scale (log base 1.0001), in nats
_UNIT = math.log(1.0001)
# unknown words come back as about -5.4e8 units
_OOV = -10_000_000
# listed and back-off probabilities that differ by at most this are the same (rounding)
_SAME = 1
# counts per unit of probability (see the module docstring for how they were matched)
_N_UNI = 1.3e12
_N_BI = 2.34e13
# SymSpell's smallest listed pair count: pairs counted below it are reported as unlisted
_MIN_PAIR = 6_400_000
# pyspellchecker's counts times this are on the scale of ``_N_UNI`` (median ratio over the
# 20,000 most frequent words both lists know)
_SPELL_SCALE = 866.0

# cache sizes (a cached pair takes about 100 bytes; 300 essays use about 30,000 pairs)
_WORD_CACHE = 1 << 16
_PAIR_CACHE = 1 << 17


class _Lookup(Protocol):
    def prob(self, words: list[str]) -> int: ...


class CountView(Mapping[str, int]):
    """Read-only, dict-like view of a count function (``uni``, ``bi`` with "a b" keys,
    ``left``): ``get``, ``[]`` and ``in`` work; a model cannot list its entries."""

    def __init__(self, fn: Callable[[str], int]) -> None:
        self._fn = fn

    def __getitem__(self, key: str) -> int:
        c = self._fn(key) if isinstance(key, str) else 0
        if not c:
            raise KeyError(key)
        return c

    def get(self, key: str, default: Any = None) -> Any:
        c = self._fn(key) if isinstance(key, str) else 0
        return c if c else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self._fn(key))

    def __iter__(self) -> Iterator[str]:
        raise TypeError("counts from a language model cannot be listed")

    def __len__(self) -> int:
        raise TypeError("counts from a language model cannot be listed")


def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'")


class NgramCounts:
    """Word and word-pair counts read from the CMU trigram model (see the module docstring)."""

    def __init__(
        self, lm: _Lookup | None = None, spell_counts: Mapping[str, int] | None = None
    ) -> None:
        self._lm: _Lookup = lm if lm is not None else language_model().raw
        self._spell = spell_counts
        self._start = self._lm.prob(["<s>"])
        self.bi_floor = _MIN_PAIR // 2
        self._logp1 = lru_cache(maxsize=_WORD_CACHE)(self._logp1_raw)
        self._pair = lru_cache(maxsize=_PAIR_CACHE)(self._pair_raw)
        self._backoff = lru_cache(maxsize=_WORD_CACHE)(self._backoff_raw)
        self._uni = lru_cache(maxsize=_WORD_CACHE)(self._unigram_raw)
        self.uni = CountView(self.unigram)
        self.bi = CountView(self._bigram_key)
        self.left = CountView(self._left_total)

    # -- the model, in its own units ------------------------------------------------------
    def _logp1_raw(self, w: str) -> int | None:
        """log P(w) in model units; None for a word the model lacks."""
        if not w or "<" in w:
            return None
        lp = self._lm.prob([w])
        return None if lp < _OOV else lp

    def _backoff_raw(self, a: str) -> int:
        return self._lm.prob(["<s>", a]) - self._start

    def _pair_raw(self, a: str, b: str) -> tuple[int, float]:
        """(count, P(b | a)) for a pair the model lists with at least the minimum count;
        (0, 0.0) otherwise."""
        la, lb = self._logp1(a), self._logp1(b)
        if la is None or lb is None:
            return 0, 0.0
        lab = self._lm.prob([b, a])
        if abs(lab - (self._backoff(a) + lb)) <= _SAME:
            return 0, 0.0  # reached by back-off: the model never saw the pair
        c = math.exp((la + lab) * _UNIT) * _N_BI
        if c < _MIN_PAIR:
            return 0, 0.0
        return int(c), math.exp(lab * _UNIT)

    def _unigram_raw(self, w: str) -> int:
        lp = self._logp1(w)
        if lp is not None:
            return int(math.exp(lp * _UNIT) * _N_UNI)
        if self._spell is None:
            self._spell = spell_counts()
        return int(self._spell.get(w, 0) * _SPELL_SCALE)

    def _bigram_key(self, pair: str) -> int:
        a, _, b = pair.partition(" ")
        return self.bigram(a, b) if b else 0

    def _left_total(self, a: str) -> int:
        """Stands for the total of the listed pairs that start with ``a`` (so that a pair's
        count over it is P(b | a)): P(a) on the pair scale."""
        la = self._logp1(_norm(a))
        return 0 if la is None else int(math.exp(la * _UNIT) * _N_BI)

    # -- the interface of ngrams.NgramCounts ---------------------------------------------
    def bigram(self, a: str, b: str) -> int:
        return self._pair(_norm(a), _norm(b))[0]

    def left_share(self, a: str, b: str) -> float:
        """How often ``a`` is followed by ``b``: P(b | a) for a listed pair, else 0."""
        return self._pair(_norm(a), _norm(b))[1]

    def unigram(self, w: str) -> int:
        return self._uni(_norm(w))

    def log_bigram(self, a: str, b: str) -> float:
        return math.log(self.bigram(a, b) or self.bi_floor)

    def is_listed(self, a: str, b: str) -> bool:
        """Whether the model lists the pair at all (any count)."""
        a, b = _norm(a), _norm(b)
        la, lb = self._logp1(a), self._logp1(b)
        if la is None or lb is None:
            return False
        return abs(self._lm.prob([b, a]) - (self._backoff(a) + lb)) > _SAME


@lru_cache(maxsize=1)
def spell_checker() -> Any:
    """pyspellchecker's English list, loaded once per process: the spelling filter ranks
    and vets with it, and the counts here fall back on it."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


@lru_cache(maxsize=1)
def spell_counts() -> dict[str, int]:
    """Word -> count in pyspellchecker's list (one copy per process: read it, never write)."""
    return dict(spell_checker().word_frequency.dictionary)


@lru_cache(maxsize=1)
def counts() -> NgramCounts:
    return NgramCounts()
