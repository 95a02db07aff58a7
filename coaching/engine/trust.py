"""Trust on good writing: what no checker may mark, and guards against known false alarms.

Every checker (Harper, the hand-written rules, the language model) proposes notes; this
module takes away those a proofread essay would get wrongly (``review``), before the
per-kind gate (``gate.py``) and the overlap merge. Measured on the clean essays of our own
(``tests/engine/clean_essays``) and on FCE (``scripts/bench/false_alarms.py``,
``scripts/bench/gate_stats.py``).

Left alone by grammar notes: text inside quotation marks (quotations and dialogue),
numbers, units, abbreviations and acronyms, anonymisation placeholders (@PERSON1, @CAPS2,
@NUM1, @LOCATION1) and the parts of hyphenated words. Names are worked out here for the
spelling filter: a capitalised word the essay uses again, words in short quotations
(titles, quoted terms), placeholders.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from . import morph
from .lexicon import DETERMINERS, UNCOUNTABLES
from .notes import Note
from .text import Document, Token

# --------------------------------------------------------------------------- spans

_DOUBLE_OPEN = "\u201c"
_DOUBLE_CLOSE = "\u201d"
_SINGLE_OPEN = "\u2018"
_SINGLE_CLOSE = "\u2019"
_PLACEHOLDER = re.compile(r"@[A-Za-z]+\d*")
_NUMBER = re.compile(r"\d")
# units and abbreviations that follow a number or stand for words (checked lower-case)
UNITS = frozenset(
    {
        "km", "m", "cm", "mm", "nm", "kg", "g", "mg", "l", "ml", "cl", "dl", "s", "ms", "min",
        "h", "hr", "hrs", "mph", "kph", "kmh", "ft", "in", "yd", "mi", "lb", "lbs", "oz", "mol",
        "dm", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "w", "kw", "v", "mv", "a",
        "ma", "j", "kj", "cal", "kcal", "c", "f", "k", "pa", "kpa", "am", "pm", "bc", "ad",
        "bce", "ce", "st", "nd", "rd", "th", "p", "pp", "n",
    }
)  # fmt: skip
ABBREVIATIONS = frozenset(
    {"e", "g", "i", "eg", "ie", "etc", "vs", "cf", "mr", "mrs", "ms", "dr", "prof", "st", "no"}
)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside quotation marks, the marks included: curly and
    straight double quotes, and single quotes that open after a space and close before one
    (an apostrophe inside a word is no quotation mark). A quote never runs past a blank
    line."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c in ('"', _DOUBLE_OPEN):
            close = _find_close(text, i + 1, ('"', _DOUBLE_CLOSE))
        elif c in ("'", _SINGLE_OPEN) and (i == 0 or not text[i - 1].isalnum()):
            ok = i + 1 < n and text[i + 1].isalpha()
            close = _find_single_close(text, i + 1) if ok else -1
        else:
            i += 1
            continue
        if close == -1:
            i += 1
            continue
        spans.append((i, close + 1))
        i = close + 1
    return spans


def _find_close(text: str, start: int, marks: tuple[str, ...]) -> int:
    j = start
    while j < len(text):
        c = text[j]
        if c in marks:
            return j
        if (c == "\n" and text[j + 1 : j + 2] in ("\n", "")) or c == _DOUBLE_OPEN:
            return -1
        j += 1
    return -1


def _find_single_close(text: str, start: int) -> int:
    j = start
    limit = min(len(text), start + 400)
    while j < limit:
        c = text[j]
        if c == "\n":
            return -1
        if c in ("'", _SINGLE_CLOSE) and not text[j + 1 : j + 2].isalpha():
            # "the students' books": a plural possessive, not a closing quote
            if j > 0 and text[j - 1] == "s" and text[j + 1 : j + 2] == " ":
                nxt = text[j + 2 : j + 3]
                if nxt.isalpha() and nxt.islower():
                    j += 1
                    continue
            return j
        j += 1
    return -1


@dataclass
class Context:
    """What ``review`` and the spelling filter need to know about one essay."""

    doc: Document
    quotes: list[tuple[int, int]]
    names: frozenset[str]  # lower-case words used as names or titles in this essay
    index: dict[int, tuple[int, int]] = field(default_factory=dict)  # char -> (sent, tok)

    def in_quote(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.quotes)

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        for a, b in self.quotes:
            if a <= pos < b:
                return a, b
        return None

    def token(self, pos: int) -> tuple[list[Token], int] | None:
        """The sentence's tokens and the index of the token starting at or covering pos."""
        hit = self.index.get(pos)
        if hit is None:
            for sent in self.doc.sentences:
                if sent.start <= pos <= sent.end:
                    for t_i, t in enumerate(sent.tokens):
                        if t.start <= pos < t.end or t.start >= pos:
                            return sent.tokens, t_i
            return None
        s_i, t_i = hit
        return self.doc.sentences[s_i].tokens, t_i


def context(doc: Document) -> Context:
    quotes = quotation_spans(doc.text)
    index = {}
    for s_i, sent in enumerate(doc.sentences):
        for t_i, t in enumerate(sent.tokens):
            index[t.start] = (s_i, t_i)
    return Context(doc, quotes, names_in(doc, quotes), index)


def names_in(doc: Document, quotes: list[tuple[int, int]]) -> frozenset[str]:
    """Words the essay uses as names: capitalised more than once, capitalised inside a
    sentence, or inside a short quotation (a title or a quoted term: at most five words)."""
    text = doc.text
    caps: Counter[str] = Counter()
    out: set[str] = set()
    for sent in doc.sentences:
        first = True
        for t in sent.tokens:
            if not t.is_word:
                if t.text not in ('"', _DOUBLE_OPEN, "'", _SINGLE_OPEN, "(", "["):
                    first = False
                continue
            if t.text[:1].isupper() and not (len(t.text) == 1 and t.text == "I"):
                caps[t.lower] += 1
                if not first and text[t.start - 1 : t.start] != "@":
                    out.add(t.lower)
            first = False
    out.update(w for w, k in caps.items() if k >= 2)
    for a, b in quotes:
        inner = text[a + 1 : b - 1]
        words = inner.split()
        if 0 < len(words) <= 5:
            out.update(w.strip(".,;:!?'\u2019\u2018\"").lower() for w in words)
    for m in _PLACEHOLDER.finditer(text):
        out.add(m.group()[1:].lower())
    return frozenset(out)


# --------------------------------------------------------------------------- guards


def _is_number(tok: Token) -> bool:
    return bool(_NUMBER.search(tok.text))


def protected(tokens: list[Token], i: int, text: str) -> bool:
    """A number, a unit after one, an acronym, an abbreviation, a placeholder."""
    t = tokens[i]
    low = t.lower
    if _is_number(t):
        return True
    if text[t.start - 1 : t.start] == "@":
        return True
    if len(t.text) > 1 and t.text.isupper():
        return True
    prev = tokens[i - 1] if i > 0 else None
    if low in UNITS and prev is not None and _is_number(prev):
        return True
    nxt = text[t.end : t.end + 1]
    if low in ABBREVIATIONS and nxt == ".":
        return True
    return bool(low in {"e", "i", "g"} and nxt == "." and len(t.text) == 1)


def _hyphenated(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] in ("-", "\u2011") or text[end : end + 1] in ("-", "\u2011")


_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "who"})
_ORDINALS = frozenset(
    {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "next", "last", "final", "same", "only", "whole",
    }
)  # fmt: skip
_AUX = frozenset(
    {
        "have", "has", "had", "having", "'ve", "be", "is", "are", "am", "was", "were", "been",
        "being", "'s", "'re", "'m", "get", "got", "gets", "getting",
    }
)  # fmt: skip
_BE_FORMS = frozenset({"am", "is", "are", "was", "were", "be", "been", "being"})
# idioms with a bare singular noun after a preposition
_BARE_NOUN_IDIOMS = frozenset(
    {
        ("on", "roll"), ("on", "foot"), ("on", "board"), ("on", "stage"), ("on", "screen"),
        ("on", "record"), ("on", "duty"), ("on", "time"), ("on", "average"), ("on", "purpose"),
        ("in", "charge"), ("in", "person"), ("in", "practice"), ("in", "office"),
        ("at", "sea"), ("at", "dawn"), ("at", "dusk"), ("at", "night"), ("at", "noon"),
        ("at", "heart"), ("at", "risk"), ("at", "stake"), ("at", "length"), ("by", "hand"),
        ("by", "car"), ("by", "bus"), ("by", "train"), ("by", "name"), ("by", "heart"),
        ("as", "well"), ("in", "turn"), ("in", "theory"), ("under", "pressure"),
    }
)  # fmt: skip


def _tags(tok: Token | None) -> frozenset[str]:
    return morph.tags(tok.lower) if tok is not None and tok.is_word else frozenset()


def _noun(tok: Token | None) -> bool:
    """A noun, or a lower-case word the lexicon lacks (mostly newer nouns: 'app')."""
    if tok is None or not tok.is_word:
        return False
    tags = _tags(tok)
    return bool(tags & {"NN", "NNS"}) or (not tags and tok.text.islower() and len(tok.text) > 2)


def _word_at(tokens: list[Token], i: int) -> Token | None:
    return tokens[i] if 0 <= i < len(tokens) and tokens[i].is_word else None


Guard = Callable[[Note, list[Token], int, Context], bool]


def _guard_missing_determiner(note: Note, toks: list[Token], i: int, ctx: Context) -> bool:
    """'on roll', 'a row of bean seeds', 'the third lesson', 'role as narrator'."""
    prev = _word_at(toks, i - 1)
    if prev is None:
        return False
    if (prev.lower, toks[i].lower) in _BARE_NOUN_IDIOMS:
        return True
    if prev.lower in _ORDINALS or prev.lower == "as":
        return True
    before = _word_at(toks, i - 2)
    if before is not None and before.lower in DETERMINERS and _tags(prev) & {"VBN", "VBD", "VBG"}:
        return True  # 'a timed mile': the participle describes the noun
    if prev.lower == "of" and before is not None and _noun(before):
        return True  # 'a kind of bargain', 'a squirt of dish soap'
    nxt = _word_at(toks, i + 1)
    return bool(nxt is not None and _tags(nxt) & {"NN", "NNS"} and not _tags(nxt) & {"IN", "MD"})


def _guard_intro_however(note: Note, toks: list[Token], i: int, ctx: Context) -> bool:
    """'However sophisticated it sounds': 'however' + adjective or adverb needs no comma."""
    j = i + 1 if toks[i].lower == "however" else i
    while j < len(toks) and not toks[j].is_word:
        j += 1
    nxt = _word_at(toks, j)
    if nxt is None:
        return False
    return bool(_tags(nxt) & {"JJ", "RB", "JJR", "RBR"}) or nxt.lower in {"much", "many"}


def _guard_possessive(note: Note, toks: list[Token], i: int, ctx: Context) -> bool:
    """'a sports bag', 'the results support', 'the People Act', 'the people schools serve'."""
    word = toks[i]
    nxt = _word_at(toks, i + 1)
    if nxt is None:
        return False
    if word.text[:1].isupper() or nxt.text[:1].isupper():
        return True  # a name or a title
    if word.lower in {"people", "children", "men", "women"}:
        return True  # 'the people schools serve': a relative clause without 'that'
    tags = _tags(nxt)
    if tags & {"VBP", "VBD", "MD"}:
        return True  # 'the results support': a verb follows
    return word.lower.endswith("s") and nxt.lower not in _POSSESSED_OFTEN


# nouns that learners' possessives most often lead to ('my parents house', 'the students
# opinion'); before other nouns a plural in -s is more likely a compound ('sports bag')
_POSSESSED_OFTEN = frozenset(
    {
        "house", "home", "life", "lives", "opinion", "opinions", "family", "friend", "friends",
        "name", "names", "room", "car", "job", "work", "health", "future", "problem",
        "problems", "money", "time", "education", "behaviour", "behavior", "attention",
        "feelings", "rights", "needs", "point", "view", "idea", "ideas", "party", "birthday",
        "parents", "mother", "father", "wife", "husband", "school", "books", "book",
    }
)  # fmt: skip


def _guard_its(note: Note, toks: list[Token], i: int, ctx: Context) -> bool:
    """'its transportation schedule': 'its' before a noun is the possessive."""
    if toks[i].lower != "its":
        return False
    nxt = _word_at(toks, i + 1)
    tags = _tags(nxt)
    if nxt is None:
        return False
    if nxt.lower in {"own", "very"}:
        return True
    return bool(tags & {"NN", "NNS"}) and not tags & {"JJ", "RB", "VBG", "VBN", "DT"}


def _guard_lm_verb(note: Note, toks: list[Token], i: int, ctx: Context) -> bool:
    """Verb forms the trigram model doubts on fluent text: a past tense after its subject
    ('He watered'), a participle used as an adjective ('the timed performance'), 'and gave',
    a word after a determiner, 'are' -> 'being'."""
    kind = note.rule.removeprefix("lm:verb:")
    old, _, new = kind.partition(">")
    word = toks[i]
    prev = _word_at(toks, i - 1)
    nxt = _word_at(toks, i + 1)
    p = prev.lower if prev is not None else ""
    if p in DETERMINERS or (prev is not None and p.endswith(("'s", "\u2019s"))):
        return True  # after 'the', 'a', 'his', 'Tom's' the word describes or names
    if word.lower in _BE_FORMS and kind != "verb:be-agree":
        return True
    if old in {"past", "ed"} and (p in _SUBJECT_PRONOUNS or p in {"and", "then", "but"}):
        return True  # 'We measured', 'and gave': a finite past after its subject
    if new == "pp" and not any(
        w is not None and w.lower in _AUX for w in (_word_at(toks, i - k) for k in (1, 2, 3))
    ):
        return True  # a participle for a past needs 'have' or 'be' before it
    if old in {"ing", "ed", "pp"} and nxt is not None and _noun(nxt):
        return True  # 'a free mapping app', 'the timed performance': an adjective
    return bool(
        old == "base" and new == "ing" and (p in _SUBJECT_PRONOUNS or _tags(prev) & {"NNS"})
    )


def _guard_lm_article(note: Note, toks: list[Token], i: int, ctx: Context) -> bool:
    """'through air', 'in water': no article before a mass noun used in general."""
    if not note.rule.startswith("lm:article:ins"):
        return False
    word = toks[i]
    prev = _word_at(toks, i - 1)
    if prev is not None and prev.lower == "as":
        return True  # 'her role as narrator'
    return word.lower in UNCOUNTABLES or word.lower in _MASS_NOUNS


_MASS_NOUNS = frozenset(
    {
        "air", "water", "oxygen", "carbon", "light", "sound", "heat", "energy", "gas", "soil",
        "sugar", "salt", "glucose", "alcohol", "ice", "time", "space", "mathematics", "physics",
        "chemistry", "biology", "history", "geography", "science", "literature", "music",
        "art", "sport", "society", "nature", "school", "college", "university", "church",
        "bed", "home", "work", "class", "lunch", "breakfast", "dinner",
    }
)  # fmt: skip


# how many times the word-pair floor a 'word + preposition' pair must be counted for the
# language model's preposition note to be left out
PREP_PAIR_SEEN = 10


def _guard_lm_prep(note: Note, toks: list[Token], i: int, ctx: Context) -> bool:
    """A preposition the words before it commonly take ('a course on', 'too little on')."""
    from .ngrams import counts

    prev = _word_at(toks, i - 1)
    if prev is None:
        return False
    ng = counts()
    return ng.bigram(prev.lower, toks[i].lower) > PREP_PAIR_SEEN * ng.bi_floor


def _guard_prep_gerund(note: Note, toks: list[Token], i: int, ctx: Context) -> bool:
    """'by resolve alone': a word that is also a noun, with no object after it."""
    if "NN" not in _tags(toks[i]):
        return False
    nxt = _word_at(toks, i + 1)
    return nxt is None or not (nxt.lower in DETERMINERS or _noun(nxt))


# rule id (or its prefix ending in ':') -> guard; the note goes when the guard says so
GUARDS: dict[str, Guard] = {
    "rule:missing-determiner": _guard_missing_determiner,
    "rule:intro-comma:however": _guard_intro_however,
    "harper:PossessiveNoun": _guard_possessive,
    "lm:conf:its-it's": _guard_its,
    "lm:verb:": _guard_lm_verb,
    "lm:article:": _guard_lm_article,
    "lm:prep:": _guard_lm_prep,
    "rule:prep-gerund": _guard_prep_gerund,
}


def _guard_for(rule: str) -> Guard | None:
    if rule in GUARDS:
        return GUARDS[rule]
    for key, guard in GUARDS.items():
        if key.endswith(":") and rule.startswith(key):
            return guard
    return None


def _idiom(toks: list[Token], i: int) -> bool:
    a = toks[i].lower
    before = toks[i - 1].lower if i > 0 else ""
    after = toks[i + 1].lower if i + 1 < len(toks) else ""
    return (before, a) in _BARE_NOUN_IDIOMS or (a, after) in _BARE_NOUN_IDIOMS


def review(
    ctx: Context, notes: list[Note], dropped: list[tuple[Note, str]] | None = None
) -> list[Note]:
    """The notes that survive: none inside a quotation (spelling aside), on a number, unit,
    abbreviation, placeholder or part of a hyphenated word, nor any a guard rules out.
    ``dropped`` collects the others with the reason (for measurement)."""
    out = []
    for n in notes:
        reason = _drop_reason(ctx, n)
        if reason is None:
            out.append(n)
        elif dropped is not None:
            dropped.append((n, reason))
    return out


def _drop_reason(ctx: Context, n: Note) -> str | None:
    text = ctx.doc.text
    if n.category == "spelling" and n.rule.startswith(("harper:", "variety:")):
        return None  # the spelling filter has vetted these
    if ctx.in_quote(n.start, n.end) or (n.start == n.end and ctx.quote_at(n.start)):
        return "quotation"
    found = ctx.token(n.start)
    if found is None:
        return None
    toks, i = found
    i = min(i, len(toks) - 1)
    span = [k for k in range(i, len(toks)) if toks[k].start < max(n.end, n.start + 1)]
    if any(protected(toks, k, text) for k in span or [i]):
        return "number/abbreviation"
    if n.rule.startswith("lm:") and any(
        0 <= k < len(toks) and protected(toks, k, text) for k in (i - 1, i + 1)
    ):
        return "number/abbreviation"  # the model's window held one
    if n.end > n.start and _hyphenated(text, n.start, n.end):
        return "hyphenated"
    if n.category != "spelling" and any(_idiom(toks, k) for k in span or [i]):
        return "idiom"
    guard = _guard_for(n.rule)
    if guard is not None and guard(n, toks, i, ctx):
        return "guard"
    return None
