"""Grammar rules: agreement, comma splices and word forms read from the dependency parse
(parsed.py), run-ons, verb forms and tense, word forms after a nearby word, and
table-driven word choice, preposition and article slips.

``grammar_notes(doc)`` runs every rule in ``RULES``; the engine adds the notes to its notes
stage. Each rule was measured on our own planted-error essays (tests/engine/planted/, dev
half), on clean proofread text and on the FCE training split before it was kept; see
coaching/engine/README.md for the figures.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import parse
from ..notes import Note
from ..text import Document, Sentence
from . import clauses, forms, parsed, phrases

RuleFn = Callable[[Sentence, Document], list[Note]]

RULES: tuple[RuleFn, ...] = (
    *clauses.RULES,
    *phrases.RULES,
    *forms.RULES,
    *parsed.RULES,
)


def grammar_notes(doc: Document, rules: tuple[RuleFn, ...] | None = None) -> list[Note]:
    out: list[Note] = []
    with parse.parsed(doc):  # the dependency parse, once per sentence (parsed.py reads it)
        for sent in doc.sentences:
            for rule in RULES if rules is None else rules:
                out.extend(rule(sent, doc))
    return out
