"""Word and word-pair counts from the frequency lists that ship inside symspellpy
(SymSpell's English lists, derived from Google Books n-grams). Loaded once, read-only."""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

_UNI = "frequency_dictionary_en_82_765.txt"
_BI = "frequency_bigramdictionary_en_243_342.txt"


class NgramCounts:
    def __init__(self) -> None:
        base = resources.files("symspellpy")
        self.uni: dict[str, int] = {}
        for line in base.joinpath(_UNI).read_text(encoding="utf-8").splitlines():
            word, _, count = line.partition(" ")
            if count:
                self.uni[word] = int(count)
        self.bi: dict[str, int] = {}
        for line in base.joinpath(_BI).read_text(encoding="utf-8").splitlines():
            pair, _, count = line.rpartition(" ")
            if pair:
                self.bi[pair] = int(count)
        self.left: dict[str, int] = {}
        for pair, c in self.bi.items():
            first = pair.split(" ", 1)[0]
            self.left[first] = self.left.get(first, 0) + c
        # pairs below the list's cut-off are not listed: treat them as half the smallest
        self.bi_floor = min(self.bi.values()) // 2 if self.bi else 1

    def bigram(self, a: str, b: str) -> int:
        return self.bi.get(a + " " + b, 0)

    def left_share(self, a: str, b: str) -> float:
        """How often ``a`` is followed by ``b``, among the listed pairs that start with ``a``."""
        total = self.left.get(a, 0)
        return self.bi.get(a + " " + b, 0) / total if total else 0.0

    def unigram(self, w: str) -> int:
        return self.uni.get(w, 0)

    def log_bigram(self, a: str, b: str) -> float:
        return math.log(self.bi.get(a + " " + b, self.bi_floor))


@lru_cache(maxsize=1)
def counts() -> NgramCounts:
    return NgramCounts()
