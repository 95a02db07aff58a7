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
from typing import Any

from . import morph
from .grammar.common import OBJECT_PRONOUNS
from .lexicon import CARDINALS, DETERMINERS, MODALS, NATIONALITIES, TIME_NOUNS
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
        "km", "m", "cm", "mm", "nm", "kg", "g", "mg", "l", "ml", "cl", "dl", "ms", "min",
        "h", "hr", "hrs", "mph", "kph", "kmh", "ft", "yd", "mi", "lb", "lbs", "oz", "mol",
        "dm", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "kw", "mv", "ma", "kj",
        "cal", "kcal", "kpa", "pm", "bc", "bce", "ce", "st", "nd", "rd", "th", "pp", "mmol",
    }
)  # fmt: skip
ABBREVIATIONS = frozenset({"eg", "ie", "etc", "vs", "cf", "mr", "mrs", "ms", "dr", "prof", "st"})


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
    names: frozenset[str]  # lower-case words used as names in this essay (names_in)
    strong_names: frozenset[str]  # capitalised inside a sentence somewhere (names_in)
    terms: frozenset[str]  # quoted words, titles, placeholders (terms_in)
    index: dict[int, tuple[int, int]] = field(default_factory=dict)  # char -> (sent, tok)
    defined: frozenset[str] = frozenset()  # words the essay defines (defined_in)

    def in_quote(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.quotes)

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        for a, b in self.quotes:
            if a <= pos < b:
                return a, b
        return None

    def parsed_token(self, pos: int) -> Any | None:
        """The dependency parse's token at ``pos`` (a spaCy token), while the engine holds
        the parse (parse.parsed); None outside it or where the sentence was not parsed."""
        for sent in self.doc.sentences:
            if sent.start <= pos < sent.end:
                if sent.parse is None:
                    return None
                for tok in sent.parse:
                    if sent.start + tok.idx <= pos < sent.start + tok.idx + len(tok.text):
                        return tok
                return None
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
    return Context(
        doc,
        quotes,
        names_in(doc),
        names_in(doc, strong=True),
        terms_in(doc.text, quotes) | foreign_words(doc),
        index,
        defined_in(doc),
    )


def names_in(doc: Document, *, strong: bool = False) -> frozenset[str]:
    """Words the essay uses as names: capitalised more than once, or capitalised inside a
    sentence (nothing from capitals in an essay written all in capitals). ``strong``: only
    those capitalised inside a sentence at least once ('... Joseph Bazalgette ...'), which
    are names wherever they stand; the others can still be a slip ('Howeve' twice at the
    start of sentences): the spelling filter decides. A possessive counts as its name."""
    text = doc.text
    if _shouting(text):
        return frozenset()
    caps: Counter[str] = Counter()
    out: set[str] = set()
    for sent in doc.sentences:
        first = True
        tokens = sent.tokens
        for j, t in enumerate(tokens):
            if not t.is_word:
                if t.text not in ('"', _DOUBLE_OPEN, "'", _SINGLE_OPEN, "(", "["):
                    first = False
                continue
            if t.text[:1].isupper() and not t.text.isupper():
                low = re.sub(r"['\u2019]s$", "", t.lower)
                caps[low] += 1
                if (not first and text[t.start - 1 : t.start] != "@") or (
                    first and _named_by_context(tokens, j)
                ):
                    out.add(low)
            first = False
    if not strong:
        out.update(w for w, k in caps.items() if k >= 2)
    return frozenset(out)


def _named_by_context(tokens: list[Token], j: int) -> bool:
    """A sentence's first word that its neighbours show to be a name: the first half of a
    full name ('Chinua Achebe's novel': the next word is capitalised and no word the lexicon
    knows) or a person a relative clause describes ('Mehmet, who has asthma, ...'), when
    the lexicon does not know the word itself. A learner's slip at the start of a sentence
    ('Becuase the ...') has neither."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is None or morph.is_known(tokens[j].lower):
        return False  # 'Later Aoife sat ...': a word the lexicon knows is that word
    if nxt.is_word:
        word = re.sub(r"['\u2019]s$", "", nxt.text)
        return (
            word[:1].isupper()
            and not word.isupper()
            and word.isalpha()
            and not morph.is_known(word.lower())
        )
    after = tokens[j + 2] if j + 2 < len(tokens) else None
    return nxt.text == "," and after is not None and after.lower in ("who", "whose")


# languages a word may be given in ('In Japanese, kasasagi'): the nationalities that name a
# language, and other languages students write about
LANGUAGES = NATIONALITIES | frozenset(
    {
        "latin", "hindi", "urdu", "bengali", "punjabi", "tamil", "gujarati", "swahili",
        "mandarin", "cantonese", "yoruba", "igbo", "hausa", "zulu", "xhosa", "amharic",
        "somali", "gaelic", "welsh", "cornish", "hebrew", "yiddish", "persian", "farsi",
        "tagalog", "maori", "hawaiian", "malay", "indonesian", "finnish", "hungarian",
        "czech", "slovak", "romanian", "ukrainian", "icelandic", "sanskrit", "quechua",
    }
)  # fmt: skip
_GIVES_A_WORD = frozenset({",", ":", "word", "words", "term", "for", "called", "call"})


def foreign_words(doc: Document) -> frozenset[str]:
    """Words given as another language's ('In Japanese, kasasagi', 'the Polish word
    dziadek', 'Latin for ...'): up to three words after a language name followed by a
    comma, a colon, 'word', 'for' or 'call'. Not words after a nationality describing a
    thing ('the Spanish goverment' keeps its note)."""
    out: set[str] = set()
    for sent in doc.sentences:
        toks = sent.tokens
        for j, t in enumerate(toks[:-1]):
            if t.lower in LANGUAGES and toks[j + 1].lower in _GIVES_A_WORD:
                words = [w for w in toks[j + 2 : j + 6] if w.is_word][:3]
                out.update(w.lower for w in words)
    return frozenset(out)


_NAMING_VERBS = frozenset({"called", "named", "termed", "dubbed", "nicknamed"})
_DEFINING_NOUNS = frozenset(
    {"type", "kind", "form", "sort", "variety", "species", "dish", "term", "word", "method"}
    | {"process", "technique", "tool", "breed", "genre", "style", "unit", "measure"}
)
_BE_FORMS = frozenset({"is", "are", "was", "were", "means"})


def _defines(nxt: str, after: str, third: str) -> bool:
    """The three words after a word define it: ', which is', ', a', '(a', 'is a kind'."""
    if nxt == ",":
        return after in {"a", "an"} or (after == "which" and third in _BE_FORMS)
    if nxt == "(":
        return after in {"a", "an", "the", "or", "which", "meaning", "i.e."}
    return nxt in _BE_FORMS and after in {"a", "an", "the"} and third in _DEFINING_NOUNS


def defined_in(doc: Document) -> frozenset[str]:
    """Words the essay itself defines, so probably real ones it knows better than our
    lists: 'bibimbap, which is a bowl of rice', 'a tree called the baobab', 'known as
    monopsony', 'etiolation is a process', 'faller (a man who fells trees)'. The spelling
    filter keeps a note on one only when it is one slip from a common word ('freind, which
    is ...' stays a misspelling)."""
    out: set[str] = set()
    for sent in doc.sentences:
        toks = sent.tokens
        n = len(toks)
        for j, t in enumerate(toks):
            low = t.lower
            nxt = toks[j + 1].lower if j + 1 < n else ""
            after = toks[j + 2].lower if j + 2 < n else ""
            third = toks[j + 3].lower if j + 3 < n else ""
            if not t.is_word:
                continue
            if _defines(nxt, after, third):
                out.add(low)
            if low == "in" and nxt in LANGUAGES and j + 2 < n and not toks[j + 2].is_word:
                # '- privatio boni in Latin -': the words set off before 'in Latin'
                k = j - 1
                while k >= 0 and toks[k].is_word and j - k <= 3:
                    k -= 1
                if k < 0 or not toks[k].is_word:
                    out.update(w.lower for w in toks[k + 1 : j])
            if low in _NAMING_VERBS or (low in {"known", "referred"} and nxt in {"as", "to"}):
                k = j + 1
                while k < n and toks[k].lower in {"as", "to", "the", "a", "an"}:
                    k += 1
                for w in toks[k : k + 2]:
                    if not w.is_word:
                        break
                    out.add(w.lower)
    return frozenset(out)


def terms_in(text: str, quotes: list[tuple[int, int]]) -> frozenset[str]:
    """Words that are never misspellings here: a quoted word ('to "unsex" her'), the
    capitalised words of a short quotation (a title), anonymisation placeholders."""
    out: set[str] = {m.group()[1:].lower() for m in _PLACEHOLDER.finditer(text)}
    for a, b in quotes:
        words = [w.strip(".,;:!?'\u2019\u2018\"") for w in text[a + 1 : b - 1].split()]
        if len(words) == 1:
            out.add(words[0].lower())
        elif len(words) <= 8 and 2 * sum(not morph.is_known(w.lower()) for w in words) >= len(
            words
        ):
            out.update(w.lower() for w in words)  # "'Dw i ddim yn deall'": another language
        elif len(words) <= 5:
            out.update(w.lower() for w in words if w[:1].isupper())
    return frozenset(out)


# --------------------------------------------------------------------------- guards


def _is_number(tok: Token) -> bool:
    return bool(_NUMBER.search(tok.text))


def protected(tokens: list[Token], i: int, text: str) -> bool:
    """A number, a unit after one, an acronym, an abbreviation, a placeholder."""
    t = tokens[i]
    low = t.lower
    if _is_number(t) or text[t.start - 1 : t.start] == "@":
        return True
    if len(t.text) > 1 and t.text.isupper() and not _shouting(text):
        return True
    prev = tokens[i - 1] if i > 0 else None
    if low in UNITS and prev is not None and _is_number(prev):
        return True
    after = text[t.end : t.end + 3]
    if low in ABBREVIATIONS and after[:1] == "." and t.text[:1].isupper() == (low in _TITLES):
        return True
    return bool(len(low) == 1 and after[:1] == "." and after[1:2].isalpha())  # e.g. i.e.


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "st"})


def _shouting(text: str) -> bool:
    letters = [c for c in text[:2000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


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
        ("at", "hand"), ("in", "hand"),
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


Guard = Callable[[Note, list[Token], int, Context], "str | None"]


def _guard_missing_determiner(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'on roll', 'a row of bean seeds', 'the third lesson', 'role as narrator'."""
    prev = _word_at(toks, i - 1)
    if prev is None:
        return None
    if prev.lower in _ORDINALS:
        return "ordinal"
    if prev.lower == "as":
        return "as-role"
    parsed_noun = ctx.parsed_token(toks[i].start)
    if prev.lower == "to" and parsed_noun is not None and parsed_noun.tag_ == "VB":
        return "to-verb"  # 'asked us to sketch the unconformity'
    if parsed_noun is not None and parsed_noun.tag_ in ("JJ", "JJR", "JJS"):
        return "adjective"  # 'I became responsible for dinner'
    if parsed_noun is not None and any(c.dep_ in ("det", "poss") for c in parsed_noun.children):
        return "has-determiner"  # 'a complete beginner': the parse finds its 'a'
    after = _word_at(toks, i + 1)
    if after is not None and (after.text.isdigit() or after.lower in CARDINALS):
        return "label"  # 'at platform four', 'in room 12': a name with its number
    if prev.lower == "with" and toks[i].lower == "hand":
        return "by-hand"  # 'scrub it with hand' is 'by hand' (the phrase table says so)
    before = _word_at(toks, i - 2)
    if before is not None and before.lower in DETERMINERS and _tags(prev) & {"VBN", "VBD", "VBG"}:
        return "participle"  # 'a timed mile': the participle describes the noun
    if prev.lower == "of" and before is not None and _noun(before):
        return "noun-of"  # 'a kind of bargain', 'a squirt of dish soap'
    if prev.lower == "for" and before is not None and before.lower in _WORD_NOUNS:
        return "word-for"  # 'the Polish word for grandfather': the word, not a person
    if prev.lower == "from" and any(t.lower == "to" for t in toks[i + 1 : i + 6]):
        return "from-to"  # 'from jury summonses to Medicare forms', 'from door to door'
    tok = ctx.parsed_token(toks[i].start)
    if tok is not None and tok.dep_ == "compound" and tok.head.i > tok.i:
        return "compound"  # 'in phone cameras': the first noun of a compound
    from .ngrams import counts

    ng = counts()
    noun = toks[i].lower
    if ng.bigram("a", noun) + ng.bigram("an", noun) == 0 and ng.bigram("the", noun) > 0:
        return "never-a"  # 'argued about pasta', 'homework': the model never lists 'a pasta'
    return None


# nouns that name a word: after them 'for' introduces the thing named, with no article
_WORD_NOUNS = frozenset({"word", "words", "term", "terms", "name", "names", "slang", "synonym"})


def _guard_every_one(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'every one of its twelve computers': each single one, not 'everyone'."""
    after = _word_at(toks, i + 2)
    if toks[i].lower == "every" and after is not None and after.lower == "of":
        return "every-one-of"
    return None


def _guard_mass_nouns(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'I was the one learning the most': 'one' after a determiner is a pronoun, and an
    -ing word after it is a verb, not a mass noun counted with 'one'."""
    prev = _word_at(toks, i - 1)
    nxt = _word_at(toks, i + 1)
    if toks[i].lower == "one" and prev is not None and prev.lower in DETERMINERS:
        return "pronoun-one"
    if nxt is not None and nxt.lower.endswith("ing"):
        return "ing-verb"
    return None


def _guard_intro_however(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'However sophisticated it sounds': 'however' + adjective or adverb needs no comma."""
    j = i + 1 if toks[i].lower == "however" else i
    while j < len(toks) and not toks[j].is_word:
        j += 1
    nxt = _word_at(toks, j)
    if nxt is None:
        return None
    if _tags(nxt) & {"JJ", "RB", "JJR", "RBR"} or nxt.lower in {"much", "many"}:
        return "however-adj"
    return None


def _guard_possessive(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'a sports bag', 'the results support', 'the People Act', 'the people schools serve'."""
    word = toks[i]
    nxt = _word_at(toks, i + 1)
    if nxt is None:
        return None
    if word.text[:1].isupper() or nxt.text[:1].isupper():
        return "name"
    if word.lower in {"people", "children", "men", "women"}:
        return "relative"  # 'the people schools serve': a relative clause without 'that'
    before = _word_at(toks, i - 2)
    if before is not None and before.lower in _GIVING_VERBS:
        return "indirect-object"  # 'give the volunteers certificates'
    if _tags(nxt) & {"VBP", "VBD", "MD"} and not _tags(nxt) & {"NN"}:
        return "verb-follows"  # 'the results support'
    tok = ctx.parsed_token(word.start)
    if tok is not None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == tok.i + 1:
        return "verb-follows"  # 'the rules change every year': the parse reads a verb
    if word.lower in _COMPOUND_FIRST:
        return "compound"  # 'a sports bag'
    if (
        word.lower.endswith("ics")
        and tok is not None
        and tok.dep_ == "compound"
        and tok.head.i == tok.i + 1
    ):
        return "compound"  # 'the statistics page': a field's name before a noun
    return None


# plural nouns that stand first in compounds ('a sports bag', 'the arts centre')
_COMPOUND_FIRST = frozenset(
    {
        "sports", "arts", "savings", "sales", "goods", "clothes", "jeans", "glasses",
        "news", "games", "customs", "arms", "communications", "operations", "parks",
        "systems", "results", "rights", "races", "drinks", "sweets", "shorts",
        # a department's or a subject's name ('the textiles group')
        "textiles", "materials", "resources", "services", "humanities", "sciences",
    }
)  # fmt: skip


def _guard_interested_in(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'more interested than the old ones': 'than' after a comparison is not 'in'."""
    return "comparative-than" if toks[i].lower == "than" else None


# verbs that take 'in' as a particle ('jumped in anyway', 'joined in anyway')
_IN_PARTICLE_VERBS = frozenset(
    {"jump", "join", "come", "go", "move", "give", "break", "walk", "run", "step", "dive"}
    | {"fill", "sign", "log", "check", "drop", "settle", "fit", "plug", "pitch", "chip"}
    | {"cave", "sink", "let", "fall", "get", "hand", "turn", "put", "call", "stay", "rush"}
    | {"climb", "swim", "wade", "barge", "burst", "pop", "butt", "lock", "tuck"}
)


def _guard_in_any_way(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'Marta's father jumped in anyway': 'in' belongs to the verb, 'anyway' is an adverb."""
    prev = _word_at(toks, i - 1)
    if prev is None or toks[i].lower != "in":
        return None
    base = morph.base_verb(prev.lower) or prev.lower
    return "particle-in" if base in _IN_PARTICLE_VERBS else None


# verbs after which a lone 'to' stands for an infinitive left out ('my mother told me to.')
_ELLIPSIS_TO_VERBS = frozenset(
    {"want", "need", "have", "go", "use", "ought", "try", "like", "love", "hate", "allow"}
    | {"suppose", "mean", "ask", "tell", "expect", "plan", "hope", "decide", "refuse"}
    | {"promise", "agree", "choose", "forget", "remember", "intend", "able", "say"}
)
_OBJECT_PRONOUNS = OBJECT_PRONOUNS | {"you"}


def _guard_to_too(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'because my mother said me to.', 'I didn't want to.': a 'to' that ends its clause
    after such a verb (and its object) stands for the infinitive left out."""
    if toks[i].lower != "to" or _word_at(toks, i + 1) is not None:
        return None
    j = i - 1
    prev = _word_at(toks, j)
    if prev is not None and prev.lower in _OBJECT_PRONOUNS:
        before = _word_at(toks, j - 1)
        if before is None or before.lower in {"and", "or"}:
            return None  # 'and me to.' is 'me too'
        prev = before
    if prev is None:
        return None
    base = morph.base_verb(prev.lower) or prev.lower
    return "elliptical-to" if base in _ELLIPSIS_TO_VERBS else None


def _guard_other_another(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'and others study all night': 'others' is a plural pronoun, never 'another'."""
    if toks[i].lower == "others" and "another" in note.suggestions:
        return "plural-others"
    return None


def _guard_its(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'its transportation schedule': 'its' before a noun is the possessive."""
    if toks[i].lower != "its":
        return None
    nxt = _word_at(toks, i + 1)
    if nxt is None:
        return None
    tags = _tags(nxt)
    if nxt.lower in {"own", "very"}:
        return "its-own"
    if tags & {"NN", "NNS"} and not tags & {"JJ", "RB", "VBG", "VBN", "DT"}:
        return "its-noun"
    return _its_gerund_subject(note, toks, i, ctx)


def _its_gerund_subject(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'the frame around its fixing had split': an '-ing' word and a finite verb after
    'its' (not 'its something new', where 'its' is 'it is')."""
    nxt, verb = _word_at(toks, i + 1), _word_at(toks, i + 2)
    if toks[i].lower != "its" or nxt is None or verb is None:
        return None
    gerund = nxt.lower.endswith("ing") and not nxt.lower.endswith("thing")
    return "its-gerund-subject" if gerund and verb.lower in _FINITE_AFTER_SUBJECT else None


# a finite verb straight after a noun phrase ('its fixing had split'): '-ing' before it heads
# the subject, so 'its' is the possessive
_FINITE_AFTER_SUBJECT = MODALS | {
    "had", "has", "was", "is", "were", "are", "seemed", "seems", "became", "becomes",
}  # fmt: skip


def _guard_list_item(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'by Friday: 1. return the form; 2. pay the fee': a list inside a sentence, whose items
    begin after a number, not a full stop."""
    if _INLINE_LIST_ITEM.search(ctx.doc.text[max(0, note.start - 40) : note.start].rstrip()):
        return "list-item"
    return None


# a list item's number inside a sentence, after a colon, semicolon, comma, 'and' or 'or'
_INLINE_LIST_ITEM = re.compile(r"(?:[:;,]|\band|\bor)\s+\(?\d{1,2}[.)]$")


def _guard_that_than(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'earlier that morning', 'later that year': 'that' before a time noun points at it."""
    nxt = _word_at(toks, i + 1)
    if toks[i].lower == "that" and nxt is not None and nxt.lower in TIME_NOUNS:
        return "that-time"
    return None


# finite forms: which of them a clause takes is the writer's choice of time, which three
# words of context cannot judge
_TENSES = frozenset({"base", "past", "ed", "s"})


def _guard_lm_verb(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """Verb forms the trigram model doubts on fluent text: a past tense after its subject
    ('He watered'), a participle used as an adjective ('the timed performance'), 'and gave',
    a word after a determiner, 'are' -> 'being'."""
    kind = note.rule.removeprefix("lm:")
    old, _, new = kind.removeprefix("verb:").partition(">")
    prev = _word_at(toks, i - 1)
    nxt = _word_at(toks, i + 1)
    p = prev.lower if prev is not None else ""
    if (
        old in {"past", "ed"}
        and new == "base"
        and p in _SUBJECT_PRONOUNS - {"i", "you", "we", "they"}
    ):
        return "past-after-subject"  # 'He watered', 'She wore'
    if old in _TENSES and new in _TENSES and p in _SUBJECT_PRONOUNS:
        return "tense-after-subject"  # 'they arrive two days later', 'I ate my lunch alone'
    if old in {"ing", "ed", "pp"} and nxt is not None and _noun(nxt) and _tags(prev) & {"JJ"}:
        return "participle-adjective"  # 'a free mapping app'
    if new in {"ing", "pp"} and old in {"base", "s", "past", "ed"}:
        tok = ctx.parsed_token(toks[i].start)
        if (
            tok is not None
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        ):
            return "finite-with-subject"  # 'people cut down forests', 'A job teaches'
        if tok is not None and tok.dep_ == "conj" and tok.head.tag_ in ("VBD", "VBZ", "VBP"):
            return "coordinated-finite"  # 'I ate my lunch alone and counted the days'
    if old in {"past", "ed"} and new == "base" and _singular_subject(ctx, toks[i]):
        return "base-would-not-agree"  # 'her hair stood on end', 'The café ... smelled of'
    if old == "past" and new == "base":
        back = {t.lower.replace("\u2019", "'") for t in toks[max(0, i - 3) : i]}
        if not back & _BASE_BEFORE and not any(w.endswith(("'ll", "n't")) for w in back):
            return "past-without-modal"  # 'Several students wrote comments'
    if old == "base" and p in {"and", "or"}:
        tok = ctx.parsed_token(toks[i].start)
        if tok is not None and tok.dep_ == "conj" and tok.head.tag_ == "VB":
            return "coordinated-base"  # 'who will play in orchestras and write new songs'
    return None


# what a plain verb follows ('couldn't saw', 'to saw', 'will fell'): a past form after none of
# them is the writer's tense (FCE train: every right 'past>base' note followed one)
_BASE_BEFORE = MODALS | {"to", "do", "does", "did", "not", "cannot", "let", "make", "help"}


def _singular_subject(ctx: Context, word: Token) -> bool:
    """The verb's subject (its own, or the one of the verb it is joined to by 'and') is a
    singular noun or he/she/it: a plain form there would break agreement."""
    tok = ctx.parsed_token(word.start)
    while tok is not None and tok.dep_ == "conj" and tok.head.i != tok.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break
        tok = tok.head
    if tok is None:
        return False
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subj) and (
        subj[0].tag_ in ("NN", "NNP") or subj[0].text.lower() in {"he", "she", "it"}
    )


def _guard_lm_article(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'through air', 'her role as narrator'."""
    if not note.rule.startswith("lm:article:ins"):
        return None
    prev = _word_at(toks, i - 1)
    if prev is not None and prev.lower == "as":
        return "as-role"
    if toks[i].lower in _MASS_NOUNS:
        return "mass-noun"
    return None


_MASS_NOUNS = frozenset({"air", "water", "oxygen", "light", "sound", "heat", "energy", "gas"})


def _guard_prep_gerund(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'by resolve alone': a word that is also a noun, with no object after it."""
    nxt = _word_at(toks, i + 1)
    if nxt is not None and nxt.lower in {"alone", "only"}:
        return "noun-alone"
    parsed = ctx.parsed_token(toks[i].start)
    if nxt is not None and _noun(nxt) and parsed is not None and parsed.dep_ == "amod":
        return "adjective"  # 'a group of complete beginners'
    return None


def _guard_lm_prep(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'on the evening of 14 November', 'due on the same day': 'on' before a day."""
    if toks[i].lower != "on":
        return None
    words = [w.lower for w in (_word_at(toks, i + k) for k in (1, 2, 3)) if w is not None]
    if len(words) == 3 and words[0] == "the" and words[1] in TIME_NOUNS and words[2] == "of":
        return "on-the-day"  # 'on the evening of 14 November' ('on the afternoon' keeps it)
    if words[:2] == ["the", "same"] and len(words) == 3 and words[2] in TIME_NOUNS:
        return "on-the-day"  # 'on the same day'
    return None


# a closed compound is asked for only when it is a common word in its own right and more
# common than the two words apart ('home work' -> 'homework', not 'twelve months' ->
# 'twelvemonths', 'tail lights' -> 'taillights')
COMPOUND_MIN_COUNT = 1_000_000


def _guard_compound(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    from .ngrams import counts

    ng = counts()
    written = ctx.doc.text[note.start : note.end].lower().split()
    if len(written) != 2:
        return None
    joined = "".join(written)
    count = ng.unigram(joined)
    if count < COMPOUND_MIN_COUNT or count <= ng.bigram(written[0], written[1]):
        return "open-compound"
    return None


def _guard_their_there(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'lost their right to vote': 'their' before a noun is right."""
    nxt = _word_at(toks, i + 1)
    if toks[i].lower == "their" and nxt is not None and _tags(nxt) & {"NN", "NNS"}:
        return "their-noun"
    return None


def _guard_pronoun_verb(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'He woke his sister', 'She smelt it': a past tense agrees with every subject."""
    if "VBD" in _tags(toks[i]):
        return "past-tense"
    return None


def _guard_noun_verb(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'does seem to affect': Harper's noun/verb swap ('affect' -> 'effect') is doubtful
    when the word before goes with the written word at least as often as with the swap
    (word-pair counts), as a verb after 'to' or a modal does."""
    from .ngrams import counts

    prev = _word_at(toks, i - 1)
    if prev is None or len(note.suggestions) != 1:
        return None
    ng = counts()
    written = toks[i].lower
    swap = note.suggestions[0].lower()
    if " " in swap or swap == written:
        return None
    seen = ng.bigram(prev.lower, written)
    if seen > ng.bi_floor and seen >= ng.bigram(prev.lower, swap):
        return "pair-prefers-written"
    return None


# what may follow 'off' where it ends a phrasal verb ('took the watch off because'): 'of'
# always has a noun phrase after it, so 'of' cannot be meant there
_AFTER_PARTICLE = frozenset({"because", "when", "while", "before", "after", "if", "and"})
_AFTER_PARTICLE |= {"but", "so", "or", "again", "too", "now", "then", "first", "quickly"}


_GIVING_VERBS = frozenset(
    {"give", "gave", "given", "giving", "send", "sent", "show", "showed", "offer", "offered"}
    | {"lend", "lent", "teach", "taught", "tell", "told", "buy", "bought", "bring", "brought"}
)


def _guard_make_do(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'makes cycling safer', 'made me happy': 'make' with an object and a describing word
    is never 'do'; nor is 'recipes that you can make with them' (the object went before)."""
    if not toks[i].lower.startswith("ma"):
        return None
    nxt = _word_at(toks, i + 1)
    if nxt is None or nxt.lower in {"with", "for", "at", "in", "from", "on", "using"}:
        return "object-before"
    for j in (i + 2, i + 3):
        w = _word_at(toks, j)
        if w is not None and _tags(w) & {"JJ", "JJR"} and not _tags(w) & {"NN", "NNS"}:
            return "make-object-adjective"
    return None


def _guard_way_too(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'a great way to loose weight': 'to loose' is 'to lose' (the look-alike's note), not
    'too loose'."""
    nxt = _word_at(toks, i + 1)
    return "to-lose" if nxt is not None and nxt.lower == "loose" else None


def _guard_of_off(note: Note, toks: list[Token], i: int, ctx: Context) -> str | None:
    """'I took the watch off because ...': 'off' with no noun phrase after it."""
    if toks[i].lower != "off":
        return None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or not nxt.is_word or nxt.lower in _AFTER_PARTICLE:
        return "particle"
    return None


# rule id (or its prefix ending in ':') -> guard; the note goes when the guard says so
GUARDS: dict[str, Guard] = {
    "rule:missing-determiner": _guard_missing_determiner,
    "rule:intro-comma:however": _guard_intro_however,
    "harper:PossessiveNoun": _guard_possessive,
    "harper:InterestedIn": _guard_interested_in,
    "harper:InAnyWay": _guard_in_any_way,
    "lm:conf:to-too": _guard_to_too,
    "lm:conf:other-another": _guard_other_another,
    "lm:conf:its-it's": _guard_its,
    "harper:ItsContraction": _its_gerund_subject,
    "harper:ThatThan": _guard_that_than,
    "rule:sentence-capital": _guard_list_item,
    "harper:SentenceCapitalization": _guard_list_item,
    "lm:conf:of-off": _guard_of_off,
    "lm:conf:make-do": _guard_make_do,
    "harper:WayTooAdjective": _guard_way_too,
    "lm:verb:": _guard_lm_verb,
    "lm:article:": _guard_lm_article,
    "rule:prep-gerund": _guard_prep_gerund,
    "lm:prep:on": _guard_lm_prep,
    "harper:CompoundNouns": _guard_compound,
    "harper:DisjointPrefixes": _guard_compound,
    "harper:TheirToThere": _guard_their_there,
    "harper:PronounVerbAgreement": _guard_pronoun_verb,
    "harper:NounVerbConfusion": _guard_noun_verb,
    "harper:MassNouns": _guard_mass_nouns,
    "harper:Everyone": _guard_every_one,
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


def _heading(text: str, pos: int) -> bool:
    """``pos`` is on a letter's subject line ('Re: Order number 2047 – damaged sofa and missed
    delivery'), a heading of noun phrases, not a sentence. Not any line without a stop:
    learners often leave the stop off a sentence ('I hope to hearing from you soon'), and
    their titles and sign-offs keep their notes on FCE)."""
    start = text.rfind("\n", 0, pos) + 1
    return text[start : start + 8].lower().lstrip().startswith(("re:", "subject:"))


def _drop_reason(ctx: Context, n: Note) -> str | None:
    text = ctx.doc.text
    if n.rule.startswith(("harper:SpellCheck", "harper:SplitWords", "variety:", "spelling:")):
        return None  # the spelling filter has vetted these
    if ctx.in_quote(n.start, n.end) or (n.start == n.end and ctx.quote_at(n.start)):
        return "quotation"
    found = ctx.token(n.start)
    if found is None:
        return None
    toks, i = found
    i = min(i, len(toks) - 1)
    span = [k for k in range(i, len(toks)) if toks[k].start < max(n.end, n.start + 1)]
    if protected(toks, i, text):
        return "number/abbreviation"
    if n.rule.startswith("lm:") and any(
        0 <= k < len(toks) and protected(toks, k, text) for k in (i - 1, i + 1)
    ):
        return "number/abbreviation"  # the model's window held one
    if n.end > n.start and _hyphenated(text, n.start, n.end):
        return "hyphenated"
    if n.category != "spelling" and any(_idiom(toks, k) for k in span or [i]):
        return "idiom"
    if n.category != "spelling" and _heading(text, n.start):
        return "heading"
    guard = _guard_for(n.rule)
    if guard is not None:
        why = guard(n, toks, i, ctx)
        if why:
            return "guard:" + why
    return None
