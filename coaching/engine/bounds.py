"""Keep what no checker can digest away from the checkers, offsets unchanged.

One 2,000-letter "word" grew harper.js from 366 MB to 1.8 GB, 5,000 letters crashed it and
thousands of emoji made it time out (issue 9). ``bound`` gives the text the checkers see:
the same length as the essay, with such spans blanked out (spaces, newlines kept), so every
offset a checker reports is still an offset into the student's text. It also lists what
was blanked, for the one note the student gets instead.

Blanked: a run of letters longer than ``LONG_WORD`` (no English word comes close), any run
without a space longer than ``LONG_RUN`` (a pasted blob; a long web address is shorter),
a run of ``EMOJI_RUN`` or more emoji (spaces between them allowed), and everything past
``max_words`` words or ``max_chars`` characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .notes import Note

LONG_WORD = 45  # "pneumonoultramicroscopicsilicovolcanoconiosis"
LONG_RUN = 200
EMOJI_RUN = 5
MAX_WORDS = 5000
# max_chars defaults to this many per allowed word (as essays/services.py's character cap)
MAX_CHARS_PER_WORD = 30

_LETTERS_RE = re.compile(rf"[^\W\d_]{{{LONG_WORD + 1},}}")
_RUN_RE = re.compile(rf"\S{{{LONG_RUN + 1},}}")
_WORD_RE = re.compile(r"\S+")  # a word as the limits count it (essays/text.py)
# what emoji are made of: pictographs and symbols, skin tones, joiners, variation selectors,
# keycaps, tags and regional indicators
_EMOJI_PART = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u200d\ufe0e\ufe0f"
    "\u20e3\U000e0020-\U000e007f"
)
_EMOJI_RUN_RE = re.compile(rf"(?:[{_EMOJI_PART}]\s*){{{EMOJI_RUN},}}")


@dataclass(frozen=True)
class Blanked:
    start: int
    end: int
    kind: str  # "long_word", "long_run", "emoji", "past_limit"


@dataclass
class Bounded:
    """``text``: what the checkers see (same length as the original)."""

    text: str
    blanked: list[Blanked] = field(default_factory=list)
    max_words: int = MAX_WORDS

    def covers(self, start: int, end: int) -> bool:
        """True when [start, end) touches a blanked span (a finding there is not real)."""
        end = max(end, start + 1)
        return any(b.start <= end and start <= b.end for b in self.blanked)

    def notes(self, original: str) -> list[Note]:
        """One plain note per reason, on the first span blanked for it."""
        out: list[Note] = []
        seen: set[str] = set()
        for b in self.blanked:
            if b.kind in seen or b.kind == "emoji":
                continue  # emoji are not the student's mistake: nothing to say
            seen.add(b.kind)
            more = sum(1 for o in self.blanked if o.kind == b.kind) - 1
            end = b.end
            if b.kind == "past_limit":  # marked on the first word not read, not the whole rest
                first = re.match(r"\s*\S+", original[b.start : b.end])
                end = b.start + (first.end() if first else 0)
            out.append(
                Note(
                    b.start,
                    end,
                    "clarity",
                    _message(b, original, more, self.max_words),
                    rule=f"bounds:{b.kind}",
                    priority=100,
                )
            )
        return out


def _message(b: Blanked, original: str, more: int, max_words: int) -> str:
    size = b.end - b.start
    if b.kind == "long_word":
        size = sum(1 for ch in original[b.start : b.end] if ch.isalpha())
    also = f" ({more} more like it were skipped too.)" if more else ""
    if b.kind == "long_word":
        return (
            f"This 'word' is {size:,} letters long, so the checkers skipped it. "
            f"Is a space missing, or was something pasted by mistake?{also}"
        )
    if b.kind == "long_run":
        return (
            f"This is {size:,} characters without a space, so the checkers skipped it. "
            f"Was something pasted by mistake?{also}"
        )
    return f"The checkers read the first {max_words:,} words; what follows was not checked."


def bound(text: str, *, max_words: int = MAX_WORDS, max_chars: int | None = None) -> Bounded:
    """The text the checkers may see; see the module's docstring."""
    if max_chars is None:
        max_chars = max_words * MAX_CHARS_PER_WORD
    spans: list[Blanked] = []
    cut = len(text)
    if len(text) > max_chars:
        cut = max_chars
    if max_words > 0:
        for i, m in enumerate(_WORD_RE.finditer(text, 0, cut)):
            if i == max_words:
                cut = m.start()
                break
    runs = [(m.start(), m.end()) for m in _RUN_RE.finditer(text, 0, cut)]
    in_run = {start for start, _ in runs}
    long_words = [(m.start(), m.end()) for m in _LETTERS_RE.finditer(text, 0, cut)]
    word_runs = set()
    for start, _end in long_words:
        word_runs.add(_run_start(text, start))
    for start, end in runs:
        spans.append(Blanked(start, end, "long_word" if start in word_runs else "long_run"))
    for start, end in long_words:
        if _run_start(text, start) not in in_run:
            spans.append(Blanked(start, end, "long_word"))
    for m in _EMOJI_RUN_RE.finditer(text, 0, cut):
        spans.append(Blanked(m.start(), m.start() + len(m.group().rstrip()), "emoji"))
    if cut < len(text) and text[cut:].strip():
        spans.append(Blanked(cut, len(text), "past_limit"))
    if not spans:
        return Bounded(text, [], max_words)
    spans.sort(key=lambda b: (b.start, -b.end))
    chars = list(text)
    for b in spans:
        for i in range(b.start, b.end):
            if not chars[i].isspace():
                chars[i] = " "
    return Bounded("".join(chars), spans, max_words)


def _run_start(text: str, pos: int) -> int:
    """Where the run of non-space characters holding ``pos`` starts."""
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos
