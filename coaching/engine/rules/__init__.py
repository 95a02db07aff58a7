"""Hand-written grammar and mechanics rules, one package.

Each rule looks at a sentence's tokens (see ``text.Token``) and the word-form lexicon
(``morph``) and fires only in contexts where the pattern is almost always an error. The
modules group them by kind; ``RULES`` lists every sentence rule once, in the order they
run, and ``run_rules`` runs them (or an explicit subset).
"""

from __future__ import annotations

from ..notes import Note
from ..text import Document
from . import core, grammar, learner, mechanics, ngram, phrases, usage
from .base import RuleFn

RULES: tuple[RuleFn, ...] = (
    *learner.RULES,
    *phrases.RULES,
    *core.RULES,
    *grammar.RULES,
    *mechanics.RULES,
    *usage.RULES,
    *ngram.RULES,
)
# rules that read the whole document rather than one sentence
DOCUMENT_RULES = (learner.letter_closing,)


def run_rules(doc: Document, rules: tuple[RuleFn, ...] | None = None) -> list[Note]:
    """Every hand-written rule's notes, or only those of ``rules`` when given."""
    notes: list[Note] = []
    for sent in doc.sentences:
        for rule in RULES if rules is None else rules:
            notes.extend(rule(sent, doc))
    if rules is None:
        for doc_rule in DOCUMENT_RULES:
            notes.extend(doc_rule(doc))
    return notes


__all__ = ["DOCUMENT_RULES", "RULES", "RuleFn", "run_rules"]
