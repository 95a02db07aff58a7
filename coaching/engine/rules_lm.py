"""Confusion-set checks with the trigram language model (``lm.py``).

For a word from a small set of easily confused words (prepositions, the forms of a verb, the
number of a noun, articles, then/than ...) the words around it are scored twice: as written,
and with each alternative in its place (the word and the two words after it, each given the
two words before it; punctuation ends a stretch). A note is made only when the best
alternative makes that stretch far more likely than the student's word, by a margin (in
natural-log units) set per kind of change. Each margin was chosen on the FCE training split:
the smallest one (at least 1.0) at which seven notes in ten or more were right and stayed so
at larger margins; kinds that never got there (tense changes, 'to', was/were ...) are not
noted. Names (capitalised mid-sentence), quoted words and words the model does not know are
never checked. The word lists are written by hand; the margins are the only numbers chosen
on the corpus (one per kind, by precision, as rules are kept or dropped by theirs).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import lemminflect

from . import morph
from .lexicon import DETERMINERS, NUMBER_WORDS, UNCOUNTABLES
from .lm import LanguageModel
from .notes import Note
from .text import Document, Sentence

_BREAK = "<break>"  # numbers and other signs: unknown to the model, which backs off
_END = frozenset('.,;:!?()"\u201c\u201d\u2026')  # punctuation ends a stretch of words
_OOV_COST = -12.0  # a following word the model does not know costs the same either way
_PRIORITY = 0  # hand-written rules win overlaps
_MISSING = 1.0  # not a log-probability: marks a look-up not made yet

# The margin (ln units) a change needs before the student sees a note: the smallest at which
# at least 8 notes in 10 were right on the FCE training split (kinds that never got there
# are not shown) ...
THRESHOLDS: dict[str, float] = {
    "prep:on": 3.5,
    "prep:of": 5.0,
    "prep:at": 6.5,
    "prep:for": 6.0,
    "prep:with": 6.0,
    "prep:by": 6.0,
    "prep:from": 7.5,
    "article:ins-a": 1.5,
    "article:ins-the": 2.5,
    "article:ins-the-adj": 4.0,
    "article:sub-a": 4.5,
    "article:del-a": 8.5,
    "article:del-the": 10.5,
    "verb:base>ing": 2.5,
    "verb:base>pp": 2.5,
    "verb:past>pp": 1.5,
    "verb:pp>past": 4.0,
    "verb:ing>pp": 2.0,
    "verb:base>ed": 3.0,
    "verb:pp>base": 3.0,
    "verb:base>base": 2.5,
    "verb:base>s": 5.5,
    "verb:ed>base": 5.5,
    "verb:ing>ed": 6.0,
    "verb:past>base": 5.0,
    "verb:s>ing": 5.0,
    "verb:ing>s": 6.0,
    "verb:ed>ing": 7.5,
    "noun:NN>NNS": 5.5,
    "noun:NNS>NN": 8.5,
    "conf:live-life": 1.0,
    "conf:of-off": 1.0,
    "conf:quite-quiet": 1.0,
    "conf:though-through": 2.5,
    "conf:travel-trip": 1.0,
    "conf:cloth-clothes": 2.0,
    "conf:its-it's": 2.5,
    "conf:other-another": 2.5,
    "conf:make-do": 2.5,
    "conf:much-many": 3.0,
    "conf:to-too": 3.0,
    "conf:there-their": 4.0,
    "conf:were-where": 3.5,
    "conf:know-now": 4.5,
}
# ... and the lower margins at which 7 in 10 were right: such words are counted, never shown,
# as a fluency feature for scoring (``lm_check``)
SUSPECT_MARGINS: dict[str, float] = {
    # prepositions, by the word the student wrote
    "prep:on": 2.5,
    "prep:of": 3.5,
    "prep:at": 5.0,
    "prep:for": 5.0,
    "prep:in": 5.0,
    "prep:about": 5.5,
    "prep:with": 5.5,
    "prep:by": 6.0,
    "prep:from": 7.5,
    # articles: a missing a/an or the (before a noun, or before a word that is only an
    # adjective), a/an replaced, a/an or the left out
    "article:ins-a": 1.0,
    "article:ins-a-adj": 2.5,
    "article:ins-the": 2.5,
    "article:ins-the-adj": 2.5,
    "article:sub-a": 4.0,
    "article:del-a": 7.5,
    "article:del-the": 9.0,
    # verb forms: the student's form > the suggested one (base: go, s: goes, past: went,
    # pp: gone, ed: walked as past and participle, ing: going)
    "verb:base>ing": 1.0,
    "verb:base>pp": 1.0,
    "verb:past>pp": 1.0,
    "verb:pp>past": 1.0,
    "verb:ing>pp": 1.5,
    "verb:base>ed": 2.0,
    "verb:pp>base": 2.0,
    "verb:base>base": 2.5,
    "verb:base>s": 3.5,
    "verb:ed>base": 4.5,
    "verb:ing>ed": 4.5,
    "verb:past>base": 4.5,
    "verb:s>ing": 5.0,
    "verb:ing>s": 5.5,
    "verb:s>base": 6.0,
    "verb:ed>ing": 6.5,
    # noun number
    "noun:NN>NNS": 3.0,
    "noun:NNS>NN": 6.0,
    # commonly confused words
    "conf:especially": 1.0,
    "conf:live-life": 1.0,
    "conf:of-off": 1.0,
    "conf:quite-quiet": 1.0,
    "conf:though-through": 1.0,
    "conf:travel-trip": 1.0,
    "conf:cloth-clothes": 1.5,
    "conf:its-it's": 1.5,
    "conf:other-another": 1.5,
    "conf:make-do": 2.0,
    "conf:much-many": 2.0,
    "conf:to-too": 2.0,
    "conf:then-than": 2.5,
    "conf:there-their": 3.0,
    "conf:were-where": 3.0,
    "conf:as-like": 3.5,
    "conf:know-now": 3.5,
    "conf:price-prize": 4.0,
}

PREPOSITIONS: tuple[str, ...] = (
    "in",
    "on",
    "at",
    "to",
    "for",
    "of",
    "with",
    "from",
    "about",
    "by",
    "into",
    "during",
)
_ARTICLES = frozenset({"a", "an", "the"})
# a noun's number is checked only where the word before settles it ('a books', 'many
# place', 'informations'): elsewhere the subject or the meaning decides, which three
# words of context cannot see ('phones can be valuable tools')
_VERB_BEFORE = frozenset(
    {
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "to",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "i",
        "you",
        "we",
        "they",
    }
)
# nouns that work as adverbs of time: 'to cinema yesterday' is no compound
_TIME_NOUNS = frozenset({"yesterday", "today", "tomorrow", "tonight"})


def _noun_follows(word: str) -> bool:
    """The next word is a noun, so the word before it may be modifying it ('summer evenings')."""
    return bool(
        word
        and word not in _ARTICLES
        and word not in _TIME_NOUNS
        and morph.tags(word) & {"NN", "NNS"}
    )


_SINGULAR_BEFORE = frozenset({"a", "an", "one", "this", "that", "every", "each", "another"})
_PLURAL_BEFORE = frozenset(
    {"many", "several", "few", "these", "those", "both", "various", "hundreds", "thousands"}
) | (NUMBER_WORDS - {"a", "one"})
_VERB_TAGS = ("VB", "VBP", "VBZ", "VBD", "VBN", "VBG")
_NOT_VERBS = frozenset({"can", "could", "will", "would", "shall", "should", "may", "might"})
_NOT_VERBS |= frozenset({"must", "ought", "need", "dare", "used"})
_BE_FINITE = {"am": "now", "is": "now", "are": "now", "was": "past", "were": "past"}
_NO_ARTICLE_AFTER = DETERMINERS - {"such", "what"}  # such a, what a

# groups of words learners mix up; "verb" groups are lemmas compared in the same form
# (made/did)
CONFUSIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "then-than": ("word", ("then", "than")),
    "there-their": ("word", ("there", "their", "they're")),
    "to-too": ("word", ("to", "too")),
    "quite-quiet": ("word", ("quite", "quiet")),
    "its-it's": ("word", ("its", "it's")),
    "much-many": ("word", ("much", "many")),
    "make-do": ("verb", ("make", "do")),
    "as-like": ("word", ("as", "like")),
    "especially": ("word", ("especially", "specially")),
    "live-life": ("word", ("live", "life")),
    "were-where": ("word", ("were", "where", "we're")),
    "of-off": ("word", ("of", "off")),
    "though-through": ("word", ("though", "through", "thought")),
    "price-prize": ("word", ("price", "prize")),
    "cloth-clothes": ("word", ("cloth", "clothes", "clothing")),
    "know-now": ("word", ("know", "now", "no")),
    "other-another": ("word", ("other", "another", "others")),
    "travel-trip": ("word", ("travel", "trip", "journey")),
}


@dataclass(frozen=True)
class Candidate:
    """A checked word, its best alternative and how much more likely that makes the text."""

    kind: str  # prep:on, article:ins-a, verb:base>s, noun:NNS>NN, conf:then-than ...
    start: int
    end: int
    original: str
    alternative: str  # "" to leave the word out; the word to add for an insertion
    margin: float  # ln P(text with the alternative) - ln P(text as written), locally
    left: str = ""  # the word before (for messages)
    right: str = ""  # the word after (for messages)
    left_gain: float = 0.0  # the part of the margin won at the changed word itself


def _lm_word(text: str) -> str:
    return text.lower().replace("\u2019", "'")


def _form_class(tags: set[str]) -> str:
    if "VBG" in tags:
        return "ing"
    if "VBZ" in tags:
        return "s"
    if tags & {"VB", "VBP"}:
        return "base"
    if tags == {"VBD", "VBN"}:
        return "ed"
    return "past" if tags == {"VBD"} else "pp"


@lru_cache(maxsize=50_000)
def _verb_table(lemma: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for upos in ("VERB", "AUX"):
        for tag, forms in lemminflect.getAllInflections(lemma, upos=upos).items():
            table[tag] = tuple(dict.fromkeys(table.get(tag, ()) + tuple(forms)))
    if "VBN" not in table and "VBD" in table:
        table["VBN"] = table["VBD"]
    return table


def _closest(forms: tuple[str, ...], original: str) -> str:
    """The spelling of a form nearest the student's (travelled -> travelling)."""

    def shared(form: str) -> int:  # length of the common beginning
        n = 0
        for x, y in zip(form, original, strict=False):
            if x != y:
                break
            n += 1
        return n

    return max(forms, key=lambda f: (shared(f), -forms.index(f)))


@lru_cache(maxsize=50_000)
def verb_alternatives(word: str) -> tuple[tuple[str, str], ...]:
    """(kind, form) for the other forms of the verb ``word`` ('verb:base>s', 'goes')."""
    if word in _NOT_VERBS or "'" in word:
        return ()
    out: dict[str, str] = {}
    for upos in ("VERB", "AUX"):
        for lemma in morph.lemmas(word, upos):
            table = _verb_table(lemma)
            own = {t for t in _VERB_TAGS if word in table.get(t, ())}
            if not own:
                continue
            mine = _form_class(own)
            for tag in _VERB_TAGS:
                forms = tuple(f for f in table.get(tag, ()) if f != word)
                if not forms:
                    continue
                if lemma == "be":  # was/were, am/are: the same tag, another person
                    picks = forms
                elif tag in own:
                    continue
                else:
                    picks = (_closest(forms, word),)
                for form in picks:
                    others = {t for t in _VERB_TAGS if form in table.get(t, ())}
                    if form in out or (own & others and lemma != "be"):
                        continue  # another spelling of the same form (learnt, learned)
                    if word in _BE_FINITE and form in _BE_FINITE:
                        if _BE_FINITE[word] != _BE_FINITE[form]:
                            continue  # was -> are changes the time, not the agreement
                        out[form] = "verb:be-agree"
                        continue
                    out[form] = f"verb:{mine}>{_form_class(others)}"
    return tuple((k, f) for f, k in out.items())


@lru_cache(maxsize=50_000)
def _noun_table(lemma: str) -> dict[str, tuple[str, ...]]:
    return lemminflect.getAllInflections(lemma, upos="NOUN")


@lru_cache(maxsize=50_000)
def noun_alternatives(word: str) -> tuple[tuple[str, str], ...]:
    """(kind, form) for the other number of the noun ``word`` ('noun:NNS>NN', 'advice')."""
    tags = morph.tags(word)
    out: list[tuple[str, str]] = []
    for lemma in morph.lemmas(word, "NOUN"):
        infl = _noun_table(lemma)
        sing = infl.get("NN", ())
        plur = infl.get("NNS", ())
        if word in plur and word not in sing and "NNS" in tags:
            out.extend(("noun:NNS>NN", f) for f in sing[:1])
        elif word in sing and word not in plur and "NN" in tags:
            out.extend(("noun:NN>NNS", f) for f in plur[:1] if f != word)
    return tuple(dict.fromkeys(out))


def _verb_group_alts(word: str, group: tuple[str, ...]) -> list[str]:
    """The same form of the other verbs of a group (made -> did)."""
    out: list[str] = []
    for lemma in morph.lemmas(word, "VERB"):
        if lemma not in group:
            continue
        table = _verb_table(lemma)
        mine = [t for t in _VERB_TAGS if word in table.get(t, ())]
        for other in group:
            if other == lemma:
                continue
            for tag in mine:
                forms = _verb_table(other).get(tag, ())
                if forms and forms[0] not in out:
                    out.append(forms[0])
    return out


@lru_cache(maxsize=1)
def _confusion_index() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    idx: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for name, (kind, group) in CONFUSIONS.items():
        if kind == "word":
            for w in group:
                idx.setdefault(w, []).append((name, tuple(g for g in group if g != w)))
        else:
            for lemma in group:
                for forms in _verb_table(lemma).values():
                    for f in forms:
                        alts = tuple(_verb_group_alts(f, group))
                        if alts:
                            idx.setdefault(f, []).append((name, alts))
    return {w: tuple(v) for w, v in idx.items()}


class _Scorer:
    """Scores short stretches of text, caching the model's look-ups."""

    def __init__(self, lm: LanguageModel) -> None:
        self.lm = lm
        self.cache: dict[tuple[str, str, str], float | None] = {}

    def window(
        self, h2: str, h1: str, new: list[str], tail: list[str]
    ) -> tuple[float, float] | None:
        """(ln P of ``new`` then ``tail`` after h2 h1, ln P of ``new`` alone); None when a
        word of ``new`` is unknown (an unknown word of ``tail`` costs _OOV_COST)."""
        cache = self.cache
        head = 0.0
        for w in new:
            key = (w, h2, h1)
            v = cache.get(key, _MISSING)
            if v is _MISSING:
                v = cache[key] = self.lm.logprob(w, (h2, h1))
            if v is None:
                return None
            head += v
            h2, h1 = h1, w
        total = head
        for w in tail:
            key = (w, h2, h1)
            v = cache.get(key, _MISSING)
            if v is _MISSING:
                v = cache[key] = self.lm.logprob(w, (h2, h1))
            total += _OOV_COST if v is None else v
            if w == "</s>":
                break  # what follows punctuation is scored the same either way
            h2, h1 = h1, w
        return total, head


def _quoted(sent: Sentence) -> set[int]:
    inside = False
    out: set[int] = set()
    for k, t in enumerate(sent.tokens):
        if t.text in {'"', "\u201c", "\u201d"}:
            inside = not inside
        elif inside:
            out.add(k)
    return out


def candidates(doc: Document, lm: LanguageModel) -> Iterator[Candidate]:
    """Every checked word's best alternative with its margin (no threshold applied)."""
    scorer = _Scorer(lm)
    for sent in doc.sentences:
        yield from _sentence_candidates(sent, scorer)


def _sentence_candidates(sent: Sentence, scorer: _Scorer) -> Iterator[Candidate]:
    quoted = _quoted(sent)
    checked: list[bool] = []
    words: list[str] = []
    for k, t in enumerate(sent.tokens):
        checked.append(
            t.is_word
            and k not in quoted
            and not (t.text[:1].isupper() and k > 0 and t.text != "I")  # names
            and not (len(t.text) > 1 and t.text.isupper())
        )
        words.append(_lm_word(t.text) if t.is_word else "</s>" if t.text in _END else _BREAK)
    seq = ["<s>", "<s>", *words, "</s>"]
    confusions = _confusion_index()

    window = scorer.window

    for i, tok in enumerate(sent.tokens):
        if not checked[i]:
            continue
        w = words[i]
        # seq[i], seq[i + 1]: the two words before; seq[i + 3 : i + 5]: the two after
        h2, h1, after = seq[i], seq[i + 1], seq[i + 3 : i + 5]
        if h1 == "</s>":
            h2 = h1 = "<s>"
        elif h2 == "</s>":
            h2 = "<s>"
        left = words[i - 1] if i and words[i - 1] not in (_BREAK, "</s>") else ""
        right = words[i + 1] if i + 1 < len(words) and words[i + 1] not in (_BREAK, "</s>") else ""
        groups: list[list[tuple[str, str]]] = []
        right2 = words[i + 2] if i + 2 < len(words) else ""
        compound = bool(right and "NN" in morph.tags(right) and _noun_follows(right2))
        if w in PREPOSITIONS and "prep:" + w in SUSPECT_MARGINS and not compound:
            # ('on summer evenings': the noun that decides is past the window)
            groups.append([("prep:" + w, p) for p in PREPOSITIONS if p != w])
        if w in _ARTICLES:
            art = "the" if w == "the" else "a"
            alts = [(f"article:sub-{art}", a) for a in ("a", "an", "the") if a != w]
            groups.append([*alts, (f"article:del-{art}", "")])
        verbs = verb_alternatives(w)
        if verbs and "NNS" in morph.tags(w) and left not in _VERB_BEFORE:
            # 'valuable tools': a plural noun, unless the word before wants a verb ('can swims')
            verbs = tuple(v for v in verbs if not v[0].startswith("verb:s>"))
        if verbs:
            groups.append(list(verbs))
        nouns = tuple(
            (kind, form)
            for kind, form in noun_alternatives(w)
            if (kind == "noun:NNS>NN" and (left in _SINGULAR_BEFORE or form in UNCOUNTABLES))
            or (kind == "noun:NN>NNS" and (left in _PLURAL_BEFORE or left.isdigit()))
        )
        if nouns:
            groups.append(list(nouns))
        for name, alts2 in confusions.get(w, ()):
            groups.append([("conf:" + name, a) for a in alts2])
        if groups:
            base = window(h2, h1, [w], after)
            if base is not None:
                for group in groups:
                    scored = []
                    for kind, alt in group:
                        v = window(h2, h1, alt.split(), after)
                        if v is not None:
                            scored.append((v[0] - base[0], v[1] - base[1], kind, alt))
                    if not scored:
                        continue
                    best = max(scored)
                    if best[3] == "" and best[2] in SUSPECT_MARGINS:
                        # leaving a word out scores one word fewer, which flatters it: take
                        # the change that clears its own margin by most ('an useful': 'a')
                        best = max(
                            (x for x in scored if x[2] in SUSPECT_MARGINS),
                            key=lambda x: x[0] - SUSPECT_MARGINS[x[2]],
                        )
                    yield Candidate(
                        best[2],
                        tok.start,
                        tok.end,
                        tok.text,
                        best[3],
                        best[0],
                        left,
                        right,
                        best[1],
                    )
        # an article missing before this word
        if w in _ARTICLES or left in _NO_ARTICLE_AFTER or not tok.text.islower():
            continue
        tags = morph.tags(w)
        if not tags & {"NN", "JJ", "JJS", "JJR"}:
            continue
        if "NN" in tags and _noun_follows(right):
            continue  # 'summer evenings', 'school trips': a noun before a noun
        plain = window(h2, h1, [], seq[i + 2 : i + 4])
        if plain is None:
            continue
        top: tuple[float, str] | None = None
        for a in ("a", "an", "the"):
            v = window(h2, h1, [a], seq[i + 2 : i + 4])
            if v is not None and (top is None or v[0] - plain[0] > top[0]):
                top = (v[0] - plain[0], a)
        if top is not None:
            kind = "article:ins-" + ("the" if top[1] == "the" else "a")
            if "NN" not in tags:
                kind += "-adj"  # before an adjective: 'was a very long' is likelier wrong
            yield Candidate(kind, tok.start, tok.start, tok.text, top[1], top[0], left, right)


def _message(c: Candidate) -> tuple[str, str, str]:
    """(category, message, suggestion) for a candidate."""
    kind, orig, alt = c.kind, c.original, c.alternative
    family, _, sub = kind.partition(":")
    if family == "prep":
        if c.left and c.left_gain >= c.margin / 2:
            msg = f"English usually says '{c.left} {alt}', not '{c.left} {orig.lower()}'."
        elif c.right:
            msg = f"English usually says '{alt} {c.right}', not '{orig.lower()} {c.right}'."
        else:
            msg = f"English usually uses '{alt}' here, not '{orig.lower()}'."
        return "grammar", msg, _case(orig, alt)
    if family == "article":
        if sub.startswith("ins"):
            return "grammar", f"A word may be missing: try '{alt} {orig}'.", f"{alt} {orig}"
        if sub.startswith("del"):
            return "grammar", f"Check whether '{orig.lower()}' is needed here.", ""
        if {orig.lower(), alt} == {"a", "an"}:
            msg = "Use 'an' before a vowel sound and 'a' before other sounds."
        else:
            msg = f"Check the article: '{alt}' may fit better than '{orig.lower()}'."
        return "grammar", msg, _case(orig, alt)
    if family == "verb":
        old, new = sub.split(">")
        if {old, new} == {"base", "s"}:
            msg = f"Check that the verb agrees with its subject: maybe '{alt}', not '{orig}'."
        elif new == "ing":
            msg = f"Check the verb form: the -ing form '{alt}' may fit better than '{orig}'."
        elif new == "base":
            msg = f"Check the verb form: the plain form '{alt}' may fit better than '{orig}'."
        else:
            msg = f"Check the verb form: '{alt}' may fit better than '{orig}'."
        return "grammar", msg, _case(orig, alt)
    if family == "noun":
        if sub == "NN>NNS":
            msg = f"Check the number: maybe the plural '{alt}'."
        else:
            msg = f"Check the number: maybe '{alt}', not '{orig}'."
        return "grammar", msg, _case(orig, alt)
    msg = f"Did you mean '{alt}'? '{orig.lower()}' and '{alt}' are easy to mix up."
    return "word choice", msg, _case(orig, alt)


def _case(original: str, repl: str) -> str:
    return repl[:1].upper() + repl[1:] if original[:1].isupper() else repl


def lm_notes(doc: Document, lm: LanguageModel) -> list[Note]:
    """Notes for words the language model finds far less likely than a confusable one."""
    return lm_check(doc, lm)[0]


def lm_check(doc: Document, lm: LanguageModel) -> tuple[list[Note], int]:
    """The notes to show, and how many words clear the lower ``SUSPECT_MARGINS`` (the
    shown ones included): a count for scoring that is too unsure to show."""
    best: dict[tuple[int, int], Candidate] = {}
    suspects: set[tuple[int, int]] = set()
    for c in candidates(doc, lm):
        key = (c.start, c.end)
        low = SUSPECT_MARGINS.get(c.kind)
        if low is not None and c.margin > low:
            suspects.add(key)
        limit = THRESHOLDS.get(c.kind)
        if limit is None or c.margin <= limit:
            continue
        if key not in best or best[key].margin < c.margin:
            best[key] = c
    notes = []
    for c in sorted(best.values(), key=lambda c: (c.start, c.end)):
        category, message, suggestion = _message(c)
        notes.append(
            Note(
                c.start,
                c.end,
                category,
                message,
                (suggestion,),
                "lm:" + c.kind,
                _PRIORITY,
                {"margin": round(c.margin, 2)},
            )
        )
    return notes, len(suspects)
