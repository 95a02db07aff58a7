"""Subject-verb agreement with noun subjects: the head noun of the subject, not the nearest.

A subject is looked for only where a clause starts (the sentence's start, after a comma,
a semicolon or a joining word): a determiner, adjectives and nouns, then prepositional
phrases ("the price of the new tablets"), adverbs, and the verb. The head noun is the last
noun before the first preposition; 'a lot of' / 'one of' and their kind pass the number
on. Groups that British English lets take a plural verb ('the team are') are left alone.
"""

from __future__ import annotations

from .. import morph
from ..lexicon import MODALS
from ..ngrams import counts
from ..notes import Note
from ..text import Document, Sentence, Token
from .common import (
    ADVERBS_BEFORE_VERB,
    ALL_DETS,
    BE_HAVE_DO_PL,
    BE_HAVE_DO_SG,
    COLLECTIVES,
    COORDINATORS,
    FINITE_AUX,
    INDEFINITE_SG,
    OBJECT_PRONOUNS,
    PLURAL_DETS,
    PREPOSITIONS,
    SINGULAR_DETS,
    SUBORDINATORS,
    is_finite_verb,
    low,
    match_case,
    note,
    noun_number,
)

_CLAUSE_OPENERS = (SUBORDINATORS | COORDINATORS | {"that", "then", "where", "why", "how"}) - {
    "for",
    "than",
    "as",
}
SUBJECT_LIKE = frozenset({"i", "me", "you", "he", "him", "she", "her", "we", "us", "they", "them"})
# verbs whose base form after a singular noun is surely the verb ('my cousin live in ...'),
# used when the word can also be a noun or an adjective
_COMMON_VERBS = frozenset(
    {"need", "live", "work", "help", "want", "go", "wear", "know", "become", "think", "say"}
    | {"make", "get", "take", "come", "see", "use", "find", "give", "tell", "feel", "try"}
    | {"leave", "keep", "begin", "seem", "show", "play", "believe", "bring", "happen", "write"}
    | {"lose", "pay", "meet", "learn", "change", "understand", "watch", "stop", "speak", "read"}
    | {"spend", "grow", "walk", "win", "remember", "love", "buy", "wait", "send", "stay"}
    | {"decide", "enjoy", "prefer", "study", "teach", "travel", "visit", "cost", "eat", "sleep"}
    | {"look", "ask", "allow", "agree", "hate", "hope", "listen", "mean", "move", "run", "sell"}
    | {"start", "finish", "talk", "plan", "cause", "offer", "carry", "depend", "earn", "save"}
)
_TIME_NOUNS = frozenset(
    {"time", "year", "day", "week", "month", "morning", "evening", "night", "weekend"}
    | {"summer", "winter", "spring", "autumn", "afternoon", "moment", "hour", "minute"}
)
_PASS_ON = {  # "a lot of X": the number is X's
    ("a", "lot", "of"),
    ("lots", "of"),
    ("plenty", "of"),
    ("most", "of"),
    ("some", "of"),
    ("all", "of"),
    ("many", "of"),
    ("a", "number", "of"),
    ("the", "majority", "of"),
    ("half", "of"),
    ("the", "rest", "of"),
    ("a", "few", "of"),
    ("none", "of"),
    ("both", "of"),
    ("a", "third", "of"),
    ("the", "kind", "of"),
    ("this", "kind", "of"),
    ("the", "type", "of"),
    ("a", "couple", "of"),
    ("a", "group", "of"),
    ("a", "variety", "of"),
    ("a", "range", "of"),
}
_ONE_OF = {("one", "of"), ("each", "of"), ("every", "one", "of"), ("either", "of")}
_NOT_NP = (
    FINITE_AUX
    | MODALS
    | PREPOSITIONS
    | COORDINATORS
    | SUBORDINATORS
    | OBJECT_PRONOUNS
    | {"to", "not", "who", "which", "that", "there", "here", "what", "very", "too", "more"}
    | {"i", "you", "he", "she", "it", "we", "they", "than", "own", "much", "most"}
    | {"why", "how", "when", "where", "whose", "whom", "yes", "no", "please", "like"}
    | {"first", "second", "third", "last", "next", "following", "same", "rest", "bless"}
    | ALL_DETS
)
_NOUN_ED = frozenset({"need", "red", "bed", "seed", "speed", "feed", "shed", "bread"})
_TIGHT_COMPLEMENT = (
    (ALL_DETS - {"that", "this"})
    | OBJECT_PRONOUNS
    | (ADVERBS_BEFORE_VERB - {"all", "both"})
    | {"to", "in", "for", "at", "with", "about", "here", "there", "home", "well", "hard"}
)
_COMPLEMENT_START = (
    ALL_DETS
    | OBJECT_PRONOUNS
    | PREPOSITIONS
    | ADVERBS_BEFORE_VERB
    | {"to", "up", "out", "down", "here", "there", "home", "well", "hard", "together", "abroad"}
)


def _np(toks: list[Token], lows: list[str], k: int) -> tuple[int, int] | None:
    """(head index, index after the noun phrase) for a phrase starting at k, or None."""
    n = len(toks)
    if k < n and lows[k] in ALL_DETS:
        k += 1
    head = None
    words = 0
    while k < n and toks[k].is_word and lows[k] not in _NOT_NP and words < 4:
        w = lows[k]
        tg = morph.tags(w)
        if not tg or (toks[k].text[:1].isupper() and k > 0):
            return None  # unknown or a name: no guess
        if head is not None and tg & {"VBP", "VBZ", "VBD", "MD"}:
            # a verb after the noun, unless the pair is a compound noun ('school bus')
            if not tg & {"NN", "NNS", "JJ"}:
                break
            # a word that can be a noun too is the verb only after a noun-only head and
            # before a word that starts the verb's object ('my cousin live in ...'), and
            # when the pair is no compound the model knows ('school bus')
            nxt = lows[k + 1] if k + 1 < n else "."
            if (
                morph.tags(lows[head]) <= {"NN", "NNS"}
                and nxt in _TIGHT_COMPLEMENT
                and not counts().bigram(lows[head], w)
                and not tg & {"VBD", "VBN"}
            ):
                break
        if head is not None and tg & {"VBD", "VBN"} and lows[k] not in _NOUN_ED:
            return None  # 'the tickets left were': a participle after the noun
        if tg & {"NN", "NNS"}:
            if head is not None and noun_number(lows[head]) == "pl":
                return None  # 'people today', 'marks this year': no compound
            head = k
        elif not tg & {"JJ", "JJR", "JJS", "VBN", "VBG"}:
            return None
        words += 1
        k += 1
    if head is None or head != k - 1:
        return None  # the phrase must end in its noun
    return head, k


def _subject(toks: list[Token], lows: list[str], s: int) -> tuple[str, int, int] | None:
    """(number, head index, verb index) for a subject starting at s."""
    n = len(toks)
    for pat in _ONE_OF:
        if tuple(lows[s : s + len(pat)]) == pat:
            inner = _np(toks, lows, s + len(pat))
            if inner is None:
                return None
            return "sg", s, _after_pps(toks, lows, inner[1])
    for pat in _PASS_ON:
        if tuple(lows[s : s + len(pat)]) == pat:
            inner = _np(toks, lows, s + len(pat))
            if inner is None:
                return None
            num = noun_number(lows[inner[0]])
            if num is None:
                return None
            return num, inner[0], _after_pps(toks, lows, inner[1])
    if s < n and lows[s] in INDEFINITE_SG:
        return "sg", s, _after_pps(toks, lows, s + 1)
    det = lows[s] if s < n and lows[s] in ALL_DETS else None
    np = _np(toks, lows, s)
    if np is None:
        return None
    head, end = np
    hw = lows[head]
    num = noun_number(hw)
    if det in SINGULAR_DETS:
        if num == "pl":
            return None  # a determiner slip, not agreement
        num = "sg"
    elif det in PLURAL_DETS:
        if num == "sg":
            return None
        num = "pl"
    if num is None or (num == "sg" and hw in COLLECTIVES):
        return None
    if hw in _TIME_NOUNS and det in {None, "next", "last", "this", "every", "each", "that", "one"}:
        return None  # 'Next time write ...', 'This year were ...': time, not a subject
    if det is None and num == "sg" and s > 0:
        return None  # a bare singular noun mid-sentence is rarely a whole subject
    return num, head, _after_pps(toks, lows, end)


def _after_pps(toks: list[Token], lows: list[str], k: int) -> int:
    """Skip prepositional phrases and adverbs after the head noun; the verb's index."""
    n = len(toks)
    while k < n and lows[k] in PREPOSITIONS and lows[k] not in {"near", "by"}:
        inner = _np(toks, lows, k + 1)
        if inner is None:
            return n
        k = inner[1]
    while k < n and lows[k] in ADVERBS_BEFORE_VERB:
        k += 1
    return k


def _clause_starts(toks: list[Token], lows: list[str]) -> list[int]:
    starts = [0]
    for i, w in enumerate(lows[:-1]):
        if (
            w in {"and", "or"}
            and i > 0
            and (lows[i - 1] in SUBJECT_LIKE or morph.tags(lows[i - 1]) & {"NN", "NNS"})
        ):
            continue  # 'me and my friend were', 'clothes and shoes is': one subject
        if w in {",", ";", ":"} or w in _CLAUSE_OPENERS:
            starts.append(i + 1)
    return starts


def rule_noun_agreement(sent: Sentence, doc: Document) -> list[Note]:
    out: list[Note] = []
    toks = sent.tokens
    lows = [low(t) for t in toks]
    n = len(toks)
    seen: set[int] = set()
    for s in _clause_starts(toks, lows):
        if s >= n or not toks[s].is_word:
            continue
        found = _subject(toks, lows, s)
        if found is None:
            continue
        num, head, v = found
        if v >= n or v in seen or not toks[v].is_word:
            continue
        w = lows[v]
        vt = toks[v]
        head_text = toks[head].text
        if s > 0 and lows[s - 1] in {"if", "wish"} and w == "were":
            continue
        fix: str | None = None
        sure = True
        if num == "sg" and w in BE_HAVE_DO_PL:
            fix = BE_HAVE_DO_PL[w]
        elif num == "pl" and w in BE_HAVE_DO_SG:
            fix = BE_HAVE_DO_SG[w]
        elif vt.text.islower() and w not in FINITE_AUX and w not in MODALS:
            fix, sure = _lexical_fix(num, lows, head, v)
        if not fix:
            continue
        seen.add(v)
        if sure:
            msg = f"The verb should agree with '{head_text}' (its subject)."
            sugg = [match_case(vt.text, fix)]
        else:
            msg = (
                f"Check the verb: its subject seems to be '{head_text}', "
                f"so it may need to be '{fix}'."
            )
            sugg = []
        out.append(note(vt, "grammar", msg, sugg, "agreement-noun"))
    return out


def _lexical_fix(num: str, lows: list[str], head: int, v: int) -> tuple[str | None, bool]:
    w = lows[v]
    tg = morph.tags(w)
    nxt = lows[v + 1] if v + 1 < len(lows) else "."
    if is_finite_verb(nxt) or nxt in MODALS:
        return None, False
    if "VBD" in tg:
        return None, False  # 'hit', 'set', 'put': past forms too
    ambiguous = bool(tg & {"NN", "NNS", "JJ", "RB"})
    if ambiguous and nxt not in _COMPLEMENT_START and nxt.isalpha():
        return None, False
    if ambiguous and (morph.base_verb(w) or w) not in _COMMON_VERBS:
        return None, False  # 'the river trip to ...', 'a two week holiday at ...'
    base = morph.base_verb(w)
    if not base:
        return None, False
    if num == "sg" and tg & {"VBP"} and base == w and "VBZ" not in tg:
        fix = morph.inflect(base, "VBZ")
    elif num == "pl" and "VBZ" in tg and base != w and w.endswith("s"):
        fix = base
    else:
        return None, False
    if not fix or fix == w:
        return None, False
    if ambiguous:
        c = counts()
        if c.bigram(lows[head], w) > max(1, c.bigram(lows[head], fix)) // 3:
            return None, False
    return fix, not ambiguous


RULES = (rule_noun_agreement,)
