"""The one matcher for word and phrase tables (``tables.py``)."""

from __future__ import annotations

from collections import defaultdict

from ..notes import Note
from ..text import Document, Sentence
from .base import _insert, _match_case, _note
from .tables import PHRASES, PhraseFix


def _by_first_word(rows: tuple[PhraseFix, ...]) -> dict[str, tuple[PhraseFix, ...]]:
    index: dict[str, list[PhraseFix]] = defaultdict(list)
    for row in rows:
        index[row.words[0]].append(row)
    return {word: tuple(found) for word, found in index.items()}


_INDEX = _by_first_word(PHRASES)


def match_phrases(
    sent: Sentence, index: dict[str, tuple[PhraseFix, ...]] | None = None
) -> list[Note]:
    """A note for every table row whose words stand in the sentence (lower case)."""
    out: list[Note] = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    for i, low in enumerate(lows):
        for row in (index or _INDEX).get(low, ()):
            end = i + len(row.words)
            if tuple(lows[i:end]) != row.words:
                continue
            if row.context is not None and not row.context(toks, i, end):
                continue
            first, last = toks[i], toks[end - 1]
            if row.mark is None:
                if row.one_word and last.start != first.end + 1:
                    continue
                sugg = _match_case(first.text, row.replacement)
                out.append(
                    _note((first.start, last.end), row.category, row.message, [sugg], row.rule)
                )
                continue
            tok = toks[i + row.mark]
            if row.replacement.startswith("+"):
                out.append(_insert(tok, row.replacement[1:], row.message, row.rule, row.category))
                continue
            sugg = _match_case(tok.text, row.replacement)
            out.append(_note(tok, row.category, row.message, [sugg], row.rule))
    return out


def rule_phrase_tables(sent: Sentence, doc: Document) -> list[Note]:
    """Fixed phrases, learners' phrase slips, prepositions in set phrases, wrong words."""
    return match_phrases(sent)


RULES = (rule_phrase_tables,)
