"""Spelling: Harper finds the words; pyspellchecker's frequency list vets and ranks them."""

from __future__ import annotations

from . import morph
from .notes import Note
from .text import Document


class SpellingFilter:
    def __init__(self) -> None:
        from spellchecker import SpellChecker

        self._sc = SpellChecker(language="en", distance=1)
        self._freq: dict[str, int] = dict(self._sc.word_frequency.dictionary)
        ranked = sorted(self._freq.items(), key=lambda kv: (-kv[1], kv[0]))
        self.common_words: frozenset[str] = frozenset(w for w, _ in ranked[:4000])

    def is_known(self, word: str) -> bool:
        return _known(self, word.lower())

    def frequency(self, word: str) -> int:
        return self._freq.get(word.lower(), 0)

    def filter_harper(self, doc: Document, notes: list[Note]) -> list[Note]:
        out = []
        for n in notes:
            if n.rule == "harper:SpellCheck":
                word = doc.text[n.start : n.end]
                low = word.lower()
                # another dialect's spelling (color/colour) is not a mistake
                if self._freq.get(low, 0) >= 50 or (low.isalpha() and morph.is_known(low)):
                    continue
                sugg = sorted(n.suggestions, key=lambda s: -self._freq.get(s.lower(), 0))
                if word[:1].isupper():
                    sugg = [s[:1].upper() + s[1:] for s in sugg]
                n = Note(
                    n.start,
                    n.end,
                    "spelling",
                    "This word looks misspelled.",
                    tuple(sugg[:3]),
                    n.rule,
                    n.priority,
                )
            out.append(n)
        return out


def _known(sf: SpellingFilter, word: str) -> bool:
    return word in sf._freq or morph.is_known(word)
