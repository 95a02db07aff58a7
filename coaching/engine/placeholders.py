"""Placeholders that stand for a word: anonymisation tokens and template gaps.

Data releases and teachers replace names and numbers with tokens (``@PERSON1``,
``@CAPS2``, ``@NUM1``, ``@LOCATION1``), and templates leave gaps (``[name]``, ``<school>``,
``XXX``). They are not the student's spelling or vocabulary: no note on them, and they
do not count in the measures a score is calibrated on. Shared by the spelling vetting,
the rules and the features.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

PLACEHOLDER_RE = re.compile(
    r"@[A-Z]+[0-9]*\b"  # @PERSON1, @CAPS2, @NUM1, @LOCATION1, @ORGANIZATION3
    r"|\[[A-Za-z][A-Za-z .'-]{0,30}\]"  # [name], [school name], [NAME]
    r"|<[A-Za-z][A-Za-z .'-]{0,30}>"  # <name>
    r"|\b(?:XX+|xx+x)\b"  # XXX, XX
    r"|_{3,}"  # ____ (a gap to fill in)
)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every placeholder, in order."""
    return [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]


def is_placeholder(word: str) -> bool:
    """The whole string is one placeholder ('@PERSON1', '[name]', 'XXX')."""
    return PLACEHOLDER_RE.fullmatch(word) is not None


@dataclass(frozen=True)
class PlaceholderIndex:
    """Quick 'is this span inside a placeholder?' over one text."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> PlaceholderIndex:
        spans = placeholder_spans(text)
        return cls(tuple(s for s, _ in spans), tuple(e for _, e in spans))

    def __bool__(self) -> bool:
        return bool(self.starts)

    def covers(self, start: int, end: int) -> bool:
        """True if [start, end) overlaps a placeholder (a zero-width point inside one too)."""
        i = bisect.bisect_left(self.starts, max(end, start + 1)) - 1
        return i >= 0 and self.ends[i] > start

    def keep(self, spans: Iterable[tuple[int, int]]) -> list[bool]:
        return [not self.covers(s, e) for s, e in spans]


def strip_placeholders(text: str, replacement: str = "") -> str:
    """The text with each placeholder replaced (by nothing, or a neutral word)."""
    return PLACEHOLDER_RE.sub(replacement, text)
