"""Run-on sentences: two clauses, each with its own subject and finite verb, joined by
nothing ('It rained all morning we stayed in').

The clause before must start like a main clause (a subject, not a preposition, a joining
word or a participle) and hold a finite verb. Quotations are left alone. (Comma splices are
read from the dependency parse since 0.6.0: parsed.py.)
"""

from __future__ import annotations

from .. import morph
from ..lexicon import MODALS
from ..notes import Note
from ..text import Document, Sentence, Token
from .common import (
    ADVERBS_BEFORE_VERB,
    ALL_DETS,
    COORDINATORS,
    FINITE_AUX,
    QUOTES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    is_finite_verb,
    is_past_only,
    low,
    note,
)

_LINKING_ADVERBS = frozenset(
    {"however", "therefore", "moreover", "furthermore", "otherwise", "nevertheless"}
    | {"consequently", "besides", "instead", "thus", "hence"}
)
_NOT_LEFT_START = (
    SUBORDINATORS
    | COORDINATORS
    | _LINKING_ADVERBS
    | {"in", "on", "at", "for", "to", "with", "by", "from", "of", "after", "during", "like"}
    | {"yes", "no", "well", "oh", "however", "first", "firstly", "secondly", "finally"}
    | {"also", "then", "now", "today", "here", "what", "how", "why", "where", "who"}
    | {"not", "only", "even", "just", "please", "thank", "thanks", "dear", "hello", "hi"}
)
_NOT_IN_LEFT = SUBORDINATORS - {"so", "than", "for"} | {"who", "which", "whose", "where", "whom"}
_REPORTING = frozenset(
    {"think", "believe", "guess", "suppose", "know", "say", "said", "hope", "mean", "see"}
    | {"agree", "thought", "feel", "fear", "admit", "imagine", "reckon", "understand"}
)
_RUN_ON = (
    "A new sentence seems to start at '{word}' with nothing to mark it: check whether a "
    "full stop or a joining word such as 'and' or 'so' is missing."
)


def _verb_after(lows: list[str], toks: list[Token], k: int, pronoun: bool) -> int | None:
    """Index of a finite verb at k (after adverbs), or None."""
    n = len(lows)
    while k < n and lows[k] in ADVERBS_BEFORE_VERB:
        k += 1
    if k >= n or not toks[k].is_word:
        return None
    w = lows[k]
    if w in FINITE_AUX or w in MODALS or is_finite_verb(w) or is_past_only(w):
        return k
    if pronoun and toks[k].text.islower():
        tg = morph.tags(w)
        if tg & {"VBP", "VBD", "VBZ"}:
            return k
    return None


def _left_is_clause(lows: list[str], toks: list[Token], a: int, c: int) -> bool:
    """Whether tokens a..c-1 look like a main clause of its own."""
    if c - a < 3 or lows[a] in _NOT_LEFT_START:
        return False
    first = lows[a]
    tg = morph.tags(first)
    if first not in SUBJECT_PRONOUNS | ALL_DETS | {"there", "many", "most", "people"} and (
        not tg or tg <= {"VBG", "VBN", "VBD", "RB", "IN"} or first.endswith(("ing", "ly"))
    ):
        return False
    if any(w in _NOT_IN_LEFT for w in lows[a:c]):
        return False
    if any(w == "," for w in lows[a:c]):
        return False
    for k in range(a, c):
        w = lows[k]
        if w in FINITE_AUX or w in MODALS or is_past_only(w) or is_finite_verb(w):
            return True
        if w in SUBJECT_PRONOUNS and _verb_after(lows, toks, k + 1, pronoun=True) is not None:
            return True
    return False


_RUN_ON_SUBJECTS = frozenset({"we", "they", "he", "she", "i"})
_DEGREE_OR_BE = frozenset(
    {"very", "so", "too", "really", "quite", "extremely", "is", "was", "are", "were", "be"}
)
# adjectives that take a clause without 'that' ('I am glad I won', 'sorry I did not write')
_THAT_ADJECTIVES = frozenset(
    {"glad", "sorry", "sure", "afraid", "happy", "pleased", "certain", "aware", "proud"}
    | {"sad", "surprised", "disappointed", "lucky", "confident", "convinced", "worried"}
    | {"angry", "delighted", "thankful", "grateful", "relieved", "amazed", "shocked", "ok"}
    | {"hopeful", "positive", "upset", "unhappy", "fortunate", "excited", "thrilled", "true"}
    | {"clear", "obvious", "possible", "likely", "important", "good", "strange", "funny"}
)
_TIME_NOUNS = frozenset({"morning", "evening", "night", "day", "week", "afternoon", "year"})


def rule_run_on(sent: Sentence, doc: Document) -> list[Note]:
    toks = sent.tokens
    lows = [low(t) for t in toks]
    if any(t.text in QUOTES for t in toks):
        return []
    out: list[Note] = []
    for r in range(3, len(toks) - 1):
        if lows[r] not in _RUN_ON_SUBJECTS or not toks[r - 1].is_word:
            continue
        prev = lows[r - 1]
        ptg = morph.tags(prev)
        # only after 'is very easy' / 'were strict' (an adjective ending a clause) or 'all
        # morning': after adverbs ('Therefore I', 'instead I') a clause goes on
        ends_clause = (
            ptg
            and ptg <= {"JJ", "JJR"}
            and lows[r - 2] in _DEGREE_OR_BE
            and lows[r - 3 : r - 1] != ["to", "be"]
            and prev not in _THAT_ADJECTIVES
        ) or (prev in _TIME_NOUNS and lows[r - 2] == "all")
        if not ends_clause or prev in {"so", "then", "now", "that", "than", "as", "too"}:
            continue
        v = _verb_after(lows, toks, r + 1, pronoun=True)
        if v is None or v + 1 >= len(toks) or not toks[v + 1].is_word:
            continue
        if lows[v] in _REPORTING:
            continue
        a = max((k + 1 for k in range(r) if lows[k] in {",", ";", ":"}), default=0)
        if not _left_is_clause(lows, toks, a, r):
            continue
        out.append(note(toks[r], "punctuation", _RUN_ON.format(word=toks[r].text), [], "run-on"))
    return out


RULES = (rule_run_on,)
