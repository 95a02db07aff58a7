"""Shared pieces of the hand-written rules: how a note is built, word-form tests."""

from __future__ import annotations

from collections.abc import Callable

from .. import morph
from ..lexicon import STOPWORDS, UNCOUNTABLES
from ..notes import Note
from ..text import Document, Sentence, Token

RuleFn = Callable[[Sentence, Document], list[Note]]
_PLURAL_EXCEPTIONS = frozenset(
    {
        "sports",
        "clothes",
        "goods",
        "arms",
        "savings",
        "thanks",
        "means",
        "species",
        "series",
        "news",
        "physics",
        "mathematics",
        "maths",
        "economics",
        "politics",
        "glasses",
        "headquarters",
        "jeans",
        "trousers",
        "outskirts",
        "premises",
        "surroundings",
        "belongings",
        "lots",
        "ones",
        "others",
        "works",
        "times",
        "sales",
        "crossroads",
        "kids",
        "hours",
        "years",
        "days",
        "weeks",
        "months",
        "minutes",
        "seconds",
        "miles",
        "pounds",
        "dollars",
        "euros",
        "people",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "olympics",
        "games",
        "arts",
        "customs",
        "looks",
        "manners",
        "regards",
        "wishes",
        "congratulations",
        "stairs",
        "scissors",
        "pants",
        "shorts",
        "riches",
        "ages",
        "lyrics",
        "tropics",
        "sciences",
        "studies",
        "letters",
        "humanities",
        "relations",
        "communications",
        "electronics",
    }
)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _next_word(tokens: list[Token], i: int, skip: frozenset[str]) -> int | None:
    j = i + 1
    while j < len(tokens) and tokens[j].lower in skip:
        j += 1
    if j < len(tokens) and tokens[j].is_word:
        return j
    return None


def _note(
    tok: Token | tuple[int, int],
    category: str,
    message: str,
    sugg: list[str],
    rule: str,
    priority: int = 2,
) -> Note:
    if isinstance(tok, Token):
        start, end = tok.start, tok.end
    else:
        start, end = tok
    return Note(start, end, category, message, tuple(sugg), "rule:" + rule, priority)


def _is_regular_plural(word: str) -> bool:
    w = word.lower()
    if w in _PLURAL_EXCEPTIONS or not w.endswith("s"):
        return False
    return any(lemma != w and morph.inflect(lemma, "NNS") == w for lemma in morph.lemmas(w, "NOUN"))


def _is_singular_count_noun(word: str) -> bool:
    w = word.lower()
    if w in UNCOUNTABLES or w.endswith("s") or w in STOPWORDS:
        return False
    t = morph.tags(w)
    return "NN" in t and "NNS" not in t and not (t & {"VB", "VBP", "VBG", "JJ", "RB", "VBD"})


def _verb_base_only(word: str) -> bool:
    """Looks like a bare verb (go, like) and not a past form spelt the same (read, put)."""
    t = morph.tags(word)
    return "VB" in t and not (t & {"VBD", "VBN", "JJ", "RB", "IN"})


def _inflected_not_base(word: str, forms: set[str]) -> str | None:
    """If the word is one of the verb forms in ``forms`` and never a base form, the base."""
    t = morph.tags(word)
    if not (t & forms) or t & {"VB", "VBP"}:
        return None
    return morph.base_verb(word)


def _plural_of(noun: str) -> str | None:
    form = morph.inflect(noun, "NNS")
    return form if form and form != noun else None


def _compound_follows(toks: list[Token], j: int) -> bool:
    """True when the word after toks[j] may continue a noun compound (two bus stops)."""
    if j + 1 >= len(toks) or not toks[j + 1].is_word:
        return False
    nxt = toks[j + 1].lower
    t = morph.tags(nxt)
    return "NN" in t or "NNS" in t


def _lows(sent: Sentence) -> list[str]:
    return [t.lower.replace("’", "'") for t in sent.tokens]


def _match_case(original: str, repl: str) -> str:
    return _cap(repl) if original[:1].isupper() else repl


def _insert(tok: Token, word: str, message: str, rule: str, category: str = "grammar") -> Note:
    """A note that a word is missing before ``tok`` (shown as an insertion mark)."""
    return Note(
        tok.start,
        tok.start,
        category,
        message,
        (f"{word} {tok.text}",),
        "rule:" + rule,
        2,
    )
