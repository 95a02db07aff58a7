"""Hand-written, high-precision grammar and mechanics rules over tokens.

Each rule looks at a sentence's tokens (see ``text.Token``) and the word-form lexicon
(``morph``); it fires only in contexts where the pattern is almost always an error.
"""

from __future__ import annotations

from collections.abc import Callable

from . import morph
from .lexicon import (
    COMPARATIVES,
    DAYS,
    DURATION_NOUNS,
    MODALS,
    MONTHS,
    NATIONALITIES,
    NON_SUBJECT_CONTEXT,
    NUMBER_WORDS,
    PHRASE_FIXES,
    PLACES,
    STOPWORDS,
    SUBJECT_3SG,
    UNCOUNTABLE_PLURALS,
    UNCOUNTABLES,
)
from .notes import Note
from .text import Document, Sentence, Token

RuleFn = Callable[[Sentence, Document], list[Note]]

_ADVERBS_AFTER_AUX = frozenset(
    {
        "not",
        "also",
        "never",
        "always",
        "really",
        "still",
        "only",
        "even",
        "just",
        "often",
        "probably",
        "certainly",
        "definitely",
        "surely",
        "easily",
        "already",
        "ever",
        "usually",
        "sometimes",
        "all",
        "both",
    }
)
_DET_BEFORE_NOUN_MODAL = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "his",
        "her",
        "my",
        "your",
        "their",
        "our",
        "its",
        "free",
        "good",
        "own",
        "last",
        "in",
        "of",
        "on",
        "since",
        "until",
        "by",
        "from",
        "to",
    }
)
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
_LOOK_FORWARD_VERBS = frozenset(
    {
        "hear",
        "see",
        "meet",
        "receive",
        "get",
        "go",
        "visit",
        "have",
        "work",
        "come",
        "start",
        "be",
        "read",
        "know",
        "spend",
        "stay",
        "take",
        "make",
        "welcome",
        "talk",
        "speak",
        "join",
        "travel",
        "attend",
        "play",
        "learn",
        "study",
        "watch",
        "enjoy",
        "give",
        "show",
        "help",
        "do",
        "find",
        "answer",
        "reply",
        "discuss",
        "write",
        "seeing",
    }
)
_NOT_3SG_TARGETS = frozenset(
    {
        "to",
        "be",
        "ought",
        "used",
        "better",
        "rather",
        "himself",
        "herself",
        "itself",
        "alone",
        "too",
        "also",
        "only",
        "just",
        "even",
        "still",
        "please",
        "thank",
        "thanks",
    }
)
_COORD_OR_CLAUSE_START = frozenset(
    {
        ",",
        "and",
        "but",
        "because",
        "so",
        "when",
        "while",
        "although",
        "though",
        "since",
        "after",
        "before",
        "until",
        "whereas",
        ";",
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


# --------------------------------------------------------------------------- rules


def rule_sentence_capital(sent: Sentence, doc: Document) -> list[Note]:
    toks = sent.tokens
    first = next((t for t in toks[:3] if t.is_word), None)
    if first is None or not first.text[:1].islower() or first.text == "i":
        return []
    if any(c.isupper() for c in first.text[1:]) or first.lower in {"e", "i.e", "e.g", "etc"}:
        return []
    # only when the previous sentence really ended (., !, ?) or this opens a paragraph
    before = doc.text[: sent.start].rstrip()
    if before and before[-1] not in ".!?" and not doc.text[: sent.start].endswith("\n"):
        return []
    return [
        _note(
            first,
            "punctuation",
            "Start a sentence with a capital letter.",
            [_cap(first.text)],
            "sentence-capital",
        )
    ]


def rule_proper_lowercase(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    for t in sent.tokens:
        if not t.text.islower():
            continue
        if t.text in DAYS or t.text in MONTHS:
            msg = "Days and months start with a capital letter."
        elif t.text in NATIONALITIES:
            msg = "Languages and nationalities start with a capital letter."
        elif t.text in PLACES:
            msg = "Names of places and holidays start with a capital letter."
        else:
            continue
        out.append(_note(t, "punctuation", msg, [_cap(t.text)], "proper-lowercase"))
    return out


def rule_then_than(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i in range(1, len(toks)):
        if toks[i].lower == "then" and toks[i - 1].lower in COMPARATIVES:
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    "Use 'than' to compare things; 'then' is about time.",
                    ["than"],
                    "then-than",
                )
            )
    return out


def rule_phrases(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    lows = [t.lower for t in sent.tokens]
    for pattern, mark, repl, msg, cat in PHRASE_FIXES:
        n = len(pattern)
        for i in range(len(lows) - n + 1):
            if tuple(lows[i : i + n]) != pattern:
                continue
            toks = sent.tokens[i : i + n]
            span = (
                (toks[0].start, toks[-1].end)
                if mark is None
                else (toks[mark].start, toks[mark].end)
            )
            original = doc.text[span[0] : span[1]]
            sugg = _cap(repl) if original[:1].isupper() else repl
            out.append(_note(span, cat, msg, [sugg], "phrase:" + "-".join(pattern)))
    return out


def rule_modal_verb_form(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.lower not in MODALS or i == 0:
            continue
        prev = toks[i - 1].lower
        if prev in _DET_BEFORE_NOUN_MODAL or not toks[i - 1].is_word:
            continue
        j = _next_word(toks, i, _ADVERBS_AFTER_AUX)
        if j is None:
            continue
        nxt = toks[j]
        if nxt.lower == "to" and t.lower != "will":
            k = j + 1
            if k < len(toks) and "VB" in morph.tags(toks[k].lower):
                out.append(
                    _note(
                        nxt,
                        "grammar",
                        f"After '{t.text}' use the verb without 'to'.",
                        [""],
                        "modal-to",
                    )
                )
            continue
        if nxt.lower in {"been", "being", "had", "has", "was", "were", "is", "are", "did", "does"}:
            base_of = {
                "been": "be",
                "being": "be",
                "was": "be",
                "were": "be",
                "is": "be",
                "are": "be",
                "had": "have",
                "has": "have",
                "did": "do",
                "does": "do",
            }
            if nxt.lower == "been" or nxt.lower == "had":
                continue  # "could been" is rare; "would had" is often "would have had"
            out.append(
                _note(
                    nxt,
                    "grammar",
                    f"After '{t.text}' use the plain verb form.",
                    [base_of[nxt.lower]],
                    "modal-form",
                )
            )
            continue
        tg = morph.tags(nxt.lower)
        if not tg or tg & {"VB", "VBP"} or nxt.text[:1].isupper():
            continue
        if (
            tg & {"VBZ", "VBD", "VBG", "VBN"}
            and not tg & {"JJ", "RB"}
            and (tg & {"VBG", "VBZ"} or "NN" not in tg)
        ):
            base = morph.base_verb(nxt.lower)
            if base and base != nxt.lower:
                out.append(
                    _note(
                        nxt,
                        "grammar",
                        f"After '{t.text}' use the plain verb form.",
                        [base],
                        "modal-form",
                    )
                )
    return out


_BE_HAVE_DO_3SG = {
    "have": "has",
    "do": "does",
    "are": "is",
    "don't": "doesn't",
    "were": "was",
    "haven't": "hasn't",
    "aren't": "isn't",
}
_BE_HAVE_DO_NON3SG = {
    "i": {
        "has": "have",
        "is": "am",
        "does": "do",
        "doesn't": "don't",
        "hasn't": "haven't",
        "isn't": "am not",
        "are": "am",
    },
    "we": {
        "has": "have",
        "is": "are",
        "was": "were",
        "does": "do",
        "doesn't": "don't",
        "hasn't": "haven't",
        "isn't": "aren't",
        "wasn't": "weren't",
        "am": "are",
    },
    "they": {
        "has": "have",
        "is": "are",
        "was": "were",
        "does": "do",
        "doesn't": "don't",
        "hasn't": "haven't",
        "isn't": "aren't",
        "wasn't": "weren't",
        "am": "are",
    },
}


def _subject_position(toks: list[Token], i: int) -> bool:
    if i == 0:
        return True
    prev = toks[i - 1].lower
    return prev not in NON_SUBJECT_CONTEXT and not prev.endswith("ing")


def rule_pronoun_agreement(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i, t in enumerate(toks[:-1]):
        low = t.lower
        nxt = toks[i + 1]
        nl = nxt.lower.replace("’", "'")
        if low in SUBJECT_3SG or (
            low == "it" and (i == 0 or toks[i - 1].lower in _COORD_OR_CLAUSE_START)
        ):
            if not _subject_position(toks, i):
                continue
            if i + 2 < len(toks) and toks[i + 2].lower in {"and", "or"} and nl == "and":
                continue
            if nl in _BE_HAVE_DO_3SG and not (nl == "were" and low == "it"):
                if nl == "were":
                    continue  # "if he were" (subjunctive) is fine
                out.append(
                    _note(
                        nxt,
                        "grammar",
                        f"With '{t.text}', the verb needs its he/she/it form.",
                        [_BE_HAVE_DO_3SG[nl]],
                        "agreement-pronoun",
                    )
                )
            elif (
                nxt.text.islower()
                and _verb_base_only(nl)
                and nl not in MODALS
                and nl not in _NOT_3SG_TARGETS
            ):
                form = morph.inflect(nl, "VBZ")
                if form and form != nl:
                    # the next word must not make it a question or other construction
                    out.append(
                        _note(
                            nxt,
                            "grammar",
                            f"With '{t.text}', add -s to the verb (he goes, she likes).",
                            [form],
                            "agreement-3sg",
                        )
                    )
        elif low in _BE_HAVE_DO_NON3SG and _subject_position(toks, i):
            table = _BE_HAVE_DO_NON3SG[low]
            if nl in table:
                out.append(
                    _note(
                        nxt,
                        "grammar",
                        f"With '{t.text}', use '{table[nl]}'.",
                        [table[nl]],
                        "agreement-pronoun",
                    )
                )
            elif low != "i" and nxt.text.islower():
                tg = morph.tags(nl)
                if "VBZ" in tg and not tg & {"NN", "NNS", "VB", "VBP", "VBD", "JJ", "RB"}:
                    base = morph.base_verb(nl)
                    if base:
                        out.append(
                            _note(
                                nxt,
                                "grammar",
                                f"With '{t.text}', the verb has no -s.",
                                [base],
                                "agreement-non3sg",
                            )
                        )
    return out


def rule_do_support(sent: Sentence, doc: Document) -> list[Note]:
    """didn't went, doesn't likes, to went."""
    out = []
    toks = sent.tokens
    aux = {"did", "didn't", "does", "doesn't", "don't", "didn’t", "doesn’t", "don’t"}
    for i, t in enumerate(toks):
        low = t.lower
        j: int | None
        if low in aux:
            if low in {"did", "does"}:
                j = i + 1
                if not (j < len(toks) and toks[j].lower == "not"):
                    continue
                j = _next_word(toks, j, _ADVERBS_AFTER_AUX)
            else:
                j = _next_word(toks, i, _ADVERBS_AFTER_AUX)
            if j is None or not toks[j].text.islower():
                continue
            base = _inflected_not_base(toks[j].lower, {"VBD", "VBZ"})
            tg = morph.tags(toks[j].lower)
            if base and not tg & {"NN", "NNS", "JJ", "RB"}:
                out.append(
                    _note(
                        toks[j],
                        "grammar",
                        "After 'do', 'does' or 'did', use the plain verb form.",
                        [base],
                        "do-support",
                    )
                )
        elif low == "to" and i + 1 < len(toks) and toks[i + 1].text.islower():
            w = toks[i + 1].lower
            tg = morph.tags(w)
            if tg and tg <= {"VBD"}:
                base = morph.base_verb(w)
                if base:
                    out.append(
                        _note(
                            toks[i + 1],
                            "grammar",
                            "After 'to', use the plain verb form.",
                            [base],
                            "to-verb",
                        )
                    )
    return out


def rule_look_forward(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    lows = [t.lower for t in sent.tokens]
    for i in range(len(lows) - 2):
        if (
            lows[i] == "forward"
            and lows[i + 1] == "to"
            and i > 0
            and lows[i - 1].startswith("look")
        ):
            w = lows[i + 2]
            if w in _LOOK_FORWARD_VERBS and w != "seeing":
                ing = morph.inflect(w, "VBG")
                if ing:
                    out.append(
                        _note(
                            sent.tokens[i + 2],
                            "grammar",
                            "After 'look forward to', use the -ing form of the verb.",
                            [ing],
                            "look-forward",
                        )
                    )
    return out


def rule_uncountables(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i, t in enumerate(toks):
        low = t.lower
        if low in UNCOUNTABLE_PLURALS:
            out.append(
                _note(
                    t,
                    "grammar",
                    f"'{UNCOUNTABLE_PLURALS[low]}' has no plural form: you can't count it.",
                    [UNCOUNTABLE_PLURALS[low]],
                    "uncountable-plural",
                )
            )
        elif low in {"a", "an"} and i + 1 < len(toks):
            nl = toks[i + 1].lower
            if (
                nl in UNCOUNTABLES
                and nl not in {"time", "water", "research", "traffic"}
                and (
                    i + 2 >= len(toks)
                    or not toks[i + 2].is_word
                    or toks[i + 2].lower
                    in {"about", "on", "for", "from", "and", "to", "that", "is", "was"}
                )
            ):
                out.append(
                    _note(
                        t,
                        "grammar",
                        f"You can't count '{nl}', so don't use '{t.text}'.",
                        ["some", ""],
                        "uncountable-article",
                    )
                )
        elif low == "many" and i + 1 < len(toks):
            nl = toks[i + 1].lower
            if nl in UNCOUNTABLES and nl not in {"time"}:
                out.append(
                    _note(
                        t,
                        "grammar",
                        f"Use 'much' with '{nl}', which you can't count.",
                        ["much"],
                        "many-much",
                    )
                )
        elif (
            low == "much"
            and i + 1 < len(toks)
            and (i == 0 or toks[i - 1].lower not in {"very", "as", "how"})
        ):
            nl = toks[i + 1].lower
            if nl in {"people", "children", "men", "women"} or (
                _is_regular_plural(nl) and not morph.tags(nl) & {"VBZ", "JJ", "RB"}
            ):
                out.append(
                    _note(
                        t,
                        "grammar",
                        f"Use 'many' with things you can count, like '{nl}'.",
                        ["many"],
                        "much-many",
                    )
                )
    return out


def rule_determiner_number(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i, t in enumerate(toks[:-1]):
        low = t.lower
        nxt = toks[i + 1]
        nl = nxt.lower
        after = toks[i + 2] if i + 2 < len(toks) else None
        after_ok = (
            after is None
            or not after.is_word
            or after.lower
            in {
                "in",
                "and",
                "to",
                "is",
                "are",
                "was",
                "were",
                "of",
                "for",
                "with",
                "that",
                "who",
                "which",
                "at",
                "on",
                "from",
                "i",
                "we",
                "you",
                "they",
                "he",
                "she",
                "it",
                "but",
            }
        )
        if low in {"a", "an", "every", "each", "another"} and nxt.text.islower():
            if _is_regular_plural(nl) and "VBZ" not in morph.tags(nl) and after_ok:
                if after is not None and after.lower == "of" and low in {"each", "every"}:
                    continue
                msg = f"'{t.text}' goes with one thing, but '{nxt.text}' means more than one."
                sing = (morph.lemmas(nl, "NOUN") or ("",))[0]
                out.append(_note(nxt, "grammar", msg, [sing] if sing else [], "det-number"))
        elif low in {"this"} and _is_regular_plural(nl) and nxt.text.islower():
            if "VB" in morph.tags(nl) or not after_ok:
                continue
            out.append(
                _note(
                    t,
                    "grammar",
                    f"Use 'these' with a plural word like '{nxt.text}'.",
                    ["These" if t.text[0].isupper() else "these"],
                    "det-number",
                )
            )
        elif low in {"these", "those"} and nxt.text.islower() and _is_singular_count_noun(nl):
            if nl in {"kind", "type", "sort"} and after is not None and after.lower == "of":
                pass
            elif not after_ok:
                continue
            repl = {"these": "this", "those": "that"}[low]
            out.append(
                _note(
                    t,
                    "grammar",
                    f"Use '{repl}' with one thing, or make '{nxt.text}' plural.",
                    [_cap(repl) if t.text[0].isupper() else repl],
                    "det-number",
                )
            )
    return out


def rule_since_for(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i in range(len(toks) - 2):
        if toks[i].lower != "since":
            continue
        n = toks[i + 1].lower
        if (n in NUMBER_WORDS or n.isdigit()) and toks[i + 2].lower in DURATION_NOUNS:
            if i + 3 < len(toks) and toks[i + 3].lower == "ago":
                continue
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    "Use 'for' with a length of time (for two years); 'since' needs a "
                    "starting point (since 2019).",
                    ["for"],
                    "since-for",
                )
            )
    return out


def rule_there_is_plural(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i in range(len(toks) - 2):
        if toks[i].lower != "there" or toks[i + 1].lower not in {"is", "was", "'s"}:
            continue
        n = toks[i + 2].lower
        quant = n in {"many", "several", "two", "three", "four", "five", "lots"}
        plural = n in {"people", "children"} or (
            _is_regular_plural(n) and not morph.tags(n) & {"VBZ", "JJ", "RB", "VBG"}
        )
        if quant or plural:
            repl = "are" if toks[i + 1].lower in {"is", "'s"} else "were"
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"Use 'there {repl}' when you talk about more than one thing.",
                    [repl],
                    "there-is-plural",
                )
            )
    return out


def rule_people_verb(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    fixes = {
        "is": "are",
        "was": "were",
        "has": "have",
        "does": "do",
        "doesn't": "don't",
        "isn't": "aren't",
        "wasn't": "weren't",
    }
    for i in range(len(toks) - 1):
        if toks[i].lower == "people" and toks[i + 1].lower in fixes:
            if i > 0 and toks[i - 1].lower in {"a", "the"} and toks[i + 1].lower == "is":
                pass
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    "'People' means more than one person, so the verb is plural.",
                    [fixes[toks[i + 1].lower]],
                    "people-plural",
                )
            )
    return out


def rule_age_have(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    lows = [t.lower for t in sent.tokens]
    for i in range(len(lows) - 3):
        if (
            lows[i] in {"have", "has", "had"}
            and (lows[i + 1].isdigit() or lows[i + 1] in NUMBER_WORDS)
            and lows[i + 2] == "years"
            and lows[i + 3] == "old"
        ):
            be = {"have": "am", "has": "is", "had": "was"}[lows[i]]
            out.append(
                _note(
                    sent.tokens[i],
                    "grammar",
                    f"In English you 'are' an age: say '{be} ... years old'.",
                    [be],
                    "age-have",
                )
            )
    return out


# Only the openers after which a missing comma was reliably an error in learner essays.
_INTRO_COMMA = (
    ("however",),
    ("first", "of", "all"),
    ("for", "example"),
    ("for", "instance"),
    ("secondly",),
    ("thirdly",),
    ("by", "the", "way"),
    ("what", "is", "more"),
    ("to", "sum", "up"),
)


def rule_intro_comma(sent: Sentence, doc: Document) -> list[Note]:
    toks = sent.tokens
    first = 0
    while first < len(toks) and not toks[first].is_word:
        first += 1
    lows = [t.lower for t in toks[first:]]
    for phrase in _INTRO_COMMA:
        n = len(phrase)
        if tuple(lows[:n]) == phrase and len(lows) > n + 1 and toks[first + n].is_word:
            nxt = toks[first + n].lower
            if phrase == ("for", "example") or phrase == ("for", "instance"):
                pass
            if nxt in {"to", "of", "is", "was", "that", "than", "the"} and n == 1:
                continue
            end = toks[first + n - 1].end
            words = " ".join(t.text for t in toks[first : first + n])
            return [
                Note(
                    end,
                    end,
                    "punctuation",
                    f"Put a comma after '{words}' at the start of a sentence.",
                    (",",),
                    "rule:intro-comma:" + "-".join(phrase),
                    2,
                )
            ]
    return []


RULES: tuple[RuleFn, ...] = (
    rule_sentence_capital,
    rule_proper_lowercase,
    rule_then_than,
    rule_phrases,
    rule_modal_verb_form,
    rule_pronoun_agreement,
    rule_do_support,
    rule_look_forward,
    rule_uncountables,
    rule_determiner_number,
    rule_since_for,
    rule_there_is_plural,
    rule_people_verb,
    rule_age_have,
    rule_intro_comma,
)


def run_rules(doc: Document, rules: tuple[RuleFn, ...] | None = None) -> list[Note]:
    """Every hand-written rule's notes, or only those of ``rules`` when given."""
    notes: list[Note] = []
    if rules is None:
        # imported here: both modules build on this one's helpers
        from .rules_extra import run_extra_rules
        from .rules_ngram import NGRAM_RULES

        rules = (*RULES, *NGRAM_RULES)
        notes.extend(run_extra_rules(doc))
    for sent in doc.sentences:
        for rule in rules:
            notes.extend(rule(sent, doc))
    return notes


# --------------------------------------------------------------------------- more rules

_PLURAL_QUANT = frozenset(
    {
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "many",
        "several",
        "few",
        "both",
        "various",
        "numerous",
        "these",
        "those",
    }
)
_NOT_PLURALISED = frozenset(
    {
        "hundred",
        "thousand",
        "million",
        "dozen",
        "percent",
        "per",
        "cent",
        "pound",
        "dollar",
        "euro",
        "year",
        "kind",
        "type",
        "sort",
        "times",
        "other",
        "more",
        "people",
        "much",
        "of",
        "each",
        "every",
        "half",
        "day",
    }
)
_PRONOUN_OBJECTS = frozenset({"me", "him", "her", "us", "them", "you", "it"})
_GERUND_VERBS = frozenset(
    {
        "enjoy",
        "enjoys",
        "enjoyed",
        "enjoying",
        "avoid",
        "avoids",
        "avoided",
        "finish",
        "finished",
        "finishes",
        "mind",
        "suggest",
        "suggests",
        "suggested",
        "miss",
        "missed",
        "practise",
        "practice",
        "imagine",
        "recommend",
        "recommended",
        "risk",
        "admit",
        "admitted",
        "deny",
        "denied",
        "fancy",
        "quit",
        "postpone",
        "postponed",
    }
)
_TO_INFINITIVE_VERBS = frozenset(
    {
        "want",
        "wants",
        "wanted",
        "need",
        "needs",
        "needed",
        "decide",
        "decided",
        "decides",
        "hope",
        "hoped",
        "hopes",
        "plan",
        "planned",
        "plans",
        "try",
        "tried",
        "tries",
        "manage",
        "managed",
        "promise",
        "promised",
        "refuse",
        "refused",
        "expect",
        "expected",
        "wish",
        "wished",
        "forget",
        "forgot",
        "learn",
        "learned",
        "learnt",
        "seem",
        "seems",
        "seemed",
        "agree",
        "agreed",
        "afford",
        "offer",
        "offered",
        "would",
        "'d",
    }
)
_INDEF_PRONOUNS = frozenset(
    {
        "everybody",
        "everyone",
        "nobody",
        "somebody",
        "someone",
        "anyone",
        "anybody",
        "everything",
        "nothing",
        "something",
    }
)
_INDEF_FIX = {
    "are": "is",
    "were": "was",
    "have": "has",
    "do": "does",
    "don't": "doesn't",
    "aren't": "isn't",
    "weren't": "wasn't",
    "haven't": "hasn't",
}
_PAST_MARKERS_START = (
    ("yesterday",),
    ("last", "week"),
    ("last", "month"),
    ("last", "year"),
    ("last", "night"),
    ("last", "summer"),
    ("last", "weekend"),
    ("last", "sunday"),
    ("last", "saturday"),
    ("last", "monday"),
    ("last", "friday"),
    ("last", "time"),
)
_SUBJ_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "you", "it"})
_PRESENT_BE = {"am": "was", "is": "was", "are": "were", "'m": "was"}
_FREQ_ADVERBS = frozenset({"always", "never", "usually", "often", "sometimes"})
_AUX_LIKE = frozenset(
    {
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "'m",
        "'re",
        "'s",
        "'ve",
        "'d",
        "'ll",
    }
    | MODALS
)
_COLLECTIVE = frozenset(
    {
        "family",
        "team",
        "staff",
        "police",
        "government",
        "class",
        "group",
        "band",
        "audience",
        "public",
        "crew",
        "couple",
        "committee",
        "majority",
        "company",
        "people",
        "number",
        "rest",
        "jury",
        "club",
        "orchestra",
        "media",
        "news",
        "data",
        "series",
        "means",
        "choir",
    }
)
_DETS_SING = frozenset(
    {"my", "the", "his", "her", "our", "their", "your", "this", "a", "an", "its"}
)
_SUBJECT_DETS = _DETS_SING | {"these", "those", "some", "many", "most"}
_PRONOUNS = frozenset(
    {
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "me",
        "him",
        "her",
        "us",
        "them",
        "one",
        "ones",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
    }
)
_PREPOSITIONS = frozenset(
    {
        "for",
        "of",
        "in",
        "on",
        "at",
        "with",
        "to",
        "from",
        "about",
        "by",
        "like",
        "between",
        "during",
        "after",
        "before",
        "without",
        "than",
    }
)


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


def rule_number_noun(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    for i in range(len(toks) - 1):
        j = None
        if lows[i] in _PLURAL_QUANT and (i == 0 or lows[i - 1] not in {"the", "a", "every"}):
            j = i + 1
        elif (
            lows[i] == "one"
            and i + 3 < len(toks)
            and lows[i + 1] == "of"
            and lows[i + 2] in {"the", "my", "your", "his", "her", "our", "their", "these", "those"}
        ):
            j = i + 3
            while (
                j < len(toks) - 1
                and morph.tags(lows[j]) & {"JJ", "JJS", "RBS"}
                and not (morph.tags(lows[j]) & {"NN"})
            ):
                j += 1
            if lows[j - 1] == "most":
                j += 0
        if j is None or j >= len(toks) or not toks[j].text.islower():
            continue
        noun = lows[j]
        if noun in _NOT_PLURALISED or noun in UNCOUNTABLES or not _is_singular_count_noun(noun):
            continue
        if _compound_follows(toks, j) or (j + 1 < len(toks) and toks[j + 1].text in {"-", "'s"}):
            continue
        plural = _plural_of(noun)
        if plural:
            out.append(
                _note(
                    toks[j],
                    "grammar",
                    f"After '{toks[i].text}' the noun should be plural.",
                    [plural],
                    "number-noun",
                )
            )
    return out


def rule_verb_patterns(sent: Sentence, doc: Document) -> list[Note]:
    """enjoy to go, let him to go, want go, be used to get, would like going."""
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    n = len(toks)
    for i in range(n - 2):
        w = lows[i]
        if (
            w in _GERUND_VERBS
            and lows[i + 1] == "to"
            and (i == 0 or lows[i - 1] not in {"is", "was", "be", "been", "are", "were"})
        ):
            v = lows[i + 2]
            if _verb_base_only(v) and v not in {"the", "a", "an"}:
                ing = morph.inflect(v, "VBG")
                if ing:
                    out.append(
                        _note(
                            (toks[i + 1].start, toks[i + 2].end),
                            "grammar",
                            f"After '{toks[i].text}', use the -ing form: '{ing}'.",
                            [ing],
                            "gerund-after",
                        )
                    )
        if (
            w in {"let", "lets", "make", "makes", "made"}
            and lows[i + 1] in _PRONOUN_OBJECTS
            and i + 3 < n
            and lows[i + 2] == "to"
            and _verb_base_only(lows[i + 3])
        ):
            out.append(
                _note(
                    toks[i + 2],
                    "grammar",
                    f"After '{toks[i].text} {toks[i + 1].text}', leave out 'to'.",
                    [""],
                    "let-make-to",
                )
            )
        if w in _TO_INFINITIVE_VERBS and w not in {"would", "'d"}:
            v = lows[i + 1]
            if (
                toks[i + 1].text.islower()
                and "VB" in morph.tags(v)
                and "VBD" not in morph.tags(v)
                and not morph.tags(v) & {"NN", "NNS", "JJ"}
                and v not in MODALS
                and (
                    i == 0
                    or lows[i - 1]
                    not in {"a", "the", "my", "your", "his", "her", "our", "their", "no", "any"}
                )
            ):
                out.append(
                    _note(
                        toks[i + 1],
                        "grammar",
                        f"Put 'to' before the verb after '{toks[i].text}'.",
                        ["to " + toks[i + 1].text],
                        "missing-to",
                    )
                )
        if w in {"would", "'d"} and lows[i + 1] in {"like", "love"}:
            v = lows[i + 2]
            tg = morph.tags(v)
            if v.endswith("ing") and "VBG" in tg and not tg & {"NN", "JJ"}:
                base = morph.base_verb(v)
                if base:
                    out.append(
                        _note(
                            toks[i + 2],
                            "grammar",
                            f"After 'would {lows[i + 1]}', use 'to' + verb.",
                            ["to " + base],
                            "would-like-ing",
                        )
                    )
        if (
            w in {"am", "is", "are", "was", "were", "get", "got", "'m", "be"}
            and lows[i + 1] == "used"
            and i + 3 < n
            and lows[i + 2] == "to"
        ):
            v = lows[i + 3]
            if _verb_base_only(v) and "NN" not in morph.tags(v):
                ing = morph.inflect(v, "VBG")
                if ing:
                    out.append(
                        _note(
                            toks[i + 3],
                            "grammar",
                            "After 'be used to', use the -ing form.",
                            [ing],
                            "used-to-ing",
                        )
                    )
        if w in {"how", "what"} and lows[i + 1] == "about":
            v = lows[i + 2]
            if _verb_base_only(v) and not morph.tags(v) & {"NN", "NNS"}:
                ing = morph.inflect(v, "VBG")
                if ing:
                    out.append(
                        _note(
                            toks[i + 2],
                            "grammar",
                            f"After '{toks[i].text} about', use the -ing form.",
                            [ing],
                            "about-ing",
                        )
                    )
    return out


def rule_indefinite_agreement(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i in range(len(toks) - 1):
        nl = toks[i + 1].lower.replace("’", "'")
        if toks[i].lower in _INDEF_PRONOUNS and nl in _INDEF_FIX:
            if i > 0 and toks[i - 1].lower in {
                "do",
                "does",
                "did",
                "will",
                "can",
                "would",
                "should",
                "could",
                "make",
                "let",
                "help",
            }:
                continue
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"'{toks[i].text}' takes a singular verb: '{_INDEF_FIX[nl]}'.",
                    [_INDEF_FIX[nl]],
                    "indefinite-agreement",
                )
            )
    return out


def rule_confusions(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    for i in range(len(toks) - 1):
        a, b = lows[i], lows[i + 1]
        if a in {"we", "they", "you"} and b == "where":
            out.append(
                _note(
                    toks[i + 1],
                    "spelling",
                    "'Where' is about places; the verb is 'were'.",
                    ["were"],
                    "where-were",
                )
            )
        elif b == "loose" and a in {
            "to",
            "will",
            "would",
            "can",
            "could",
            "might",
            "don't",
            "didn't",
            "not",
            "never",
        }:
            out.append(
                _note(
                    toks[i + 1],
                    "spelling",
                    "'Lose' is the verb (to lose a game); 'loose' means not tight.",
                    ["lose"],
                    "loose-lose",
                )
            )
        elif b == "advice" and a in {
            "i",
            "we",
            "you",
            "they",
            "to",
            "would",
            "can",
            "could",
            "should",
            "will",
            "strongly",
        }:
            out.append(
                _note(
                    toks[i + 1],
                    "spelling",
                    "The verb is 'advise'; 'advice' is the noun.",
                    ["advise"],
                    "advice-advise",
                )
            )
        elif (
            a in {"is", "was", "are", "were", "be", "it's", "it’s", "'s"}
            and b == "to"
            and i + 2 < len(toks)
        ):
            c = lows[i + 2]
            after = toks[i + 3] if i + 3 < len(toks) else None
            tg = morph.tags(c)
            if (
                c
                in {
                    "much",
                    "many",
                    "late",
                    "early",
                    "expensive",
                    "difficult",
                    "big",
                    "small",
                    "hot",
                    "cold",
                    "busy",
                    "tired",
                    "young",
                    "old",
                    "long",
                    "short",
                    "far",
                    "high",
                    "low",
                    "loud",
                    "crowded",
                    "boring",
                    "dangerous",
                }
                or (tg and tg <= {"JJ", "JJR", "JJS"})
            ) and (
                after is None
                or not after.is_word
                or after.lower in {"for", "and", "to"}
                or c in {"much", "many"}
            ):
                out.append(
                    _note(
                        toks[i + 1],
                        "spelling",
                        "Use 'too' (more than enough); 'to' is for direction or before a verb.",
                        ["too"],
                        "to-too",
                    )
                )
    return out


def rule_do_question(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    for i in range(len(toks) - 2):
        if (
            lows[i] in {"do", "does", "did", "didn't", "doesn't", "don't"}
            and lows[i + 1] in _SUBJ_PRONOUNS
        ):
            v = lows[i + 2]
            if not toks[i + 2].text.islower():
                continue
            base = _inflected_not_base(v, {"VBD", "VBZ"})
            if base and not morph.tags(v) & {"NN", "NNS", "JJ", "RB", "VBN"}:
                out.append(
                    _note(
                        toks[i + 2],
                        "grammar",
                        "In a question with 'do', 'does' or 'did', use the plain verb.",
                        [base],
                        "do-question",
                    )
                )
    return out


def rule_past_marker(sent: Sentence, doc: Document) -> list[Note]:
    toks = sent.tokens
    lows = [t.lower for t in toks]
    for marker in _PAST_MARKERS_START:
        n = len(marker)
        if tuple(lows[:n]) != marker:
            continue
        j = n
        if j < len(toks) and toks[j].text == ",":
            j += 1
        if j + 1 >= len(toks) or lows[j] not in _SUBJ_PRONOUNS:
            return []
        v = lows[j + 1]
        tok = toks[j + 1]
        fix: str | None
        if v in _PRESENT_BE:
            fix = "were" if lows[j] in {"we", "they", "you"} else _PRESENT_BE[v]
        else:
            tg = morph.tags(v)
            if (
                not tg
                or not tg & {"VB", "VBP", "VBZ"}
                or tg & {"VBD", "VBN", "NN", "JJ"}
                or v in MODALS
                or v in {"have", "has", "do", "does"}
            ):
                return []
            base = morph.base_verb(v)
            fix = morph.inflect(base, "VBD") if base else None
            if not fix:
                return []
        return [
            _note(
                tok,
                "grammar",
                f"'{' '.join(toks[k].text for k in range(n))}' is in the past, so use the "
                "past tense.",
                [fix],
                "past-marker",
            )
        ]
    return []


def rule_word_order(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    for i in range(1, len(toks) - 3):
        if (
            lows[i]
            in {"like", "liked", "love", "loved", "enjoy", "enjoyed", "likes", "loves", "enjoys"}
            and lows[i + 1] == "very"
            and lows[i + 2] == "much"
            and toks[i + 3].is_word
            and lows[i + 3] not in {"and", "but", "because", "when", "if", "so"}
        ):
            out.append(
                _note(
                    (toks[i + 1].start, toks[i + 2].end),
                    "grammar",
                    "Put 'very much' after the thing you like: 'I like football very much'.",
                    [],
                    "word-order-very-much",
                )
            )
    for i in range(len(toks) - 2):
        if lows[i] in _SUBJ_PRONOUNS and lows[i + 2] in _FREQ_ADVERBS:
            v = lows[i + 1]
            tg = morph.tags(v)
            if v in _AUX_LIKE or not tg & {"VB", "VBP", "VBZ", "VBD"} or tg & {"NN", "JJ", "RB"}:
                continue
            if i > 0 and lows[i - 1] in NON_SUBJECT_CONTEXT:
                continue
            out.append(
                _note(
                    (toks[i + 1].start, toks[i + 2].end),
                    "grammar",
                    f"Put '{toks[i + 2].text}' before the verb: "
                    f"'{toks[i].text} {toks[i + 2].text} {toks[i + 1].text}'.",
                    [f"{toks[i + 2].text} {toks[i + 1].text}"],
                    "word-order-adverb",
                )
            )
    return out


def rule_noun_agreement(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    sing_fix = {
        "is": "are",
        "was": "were",
        "has": "have",
        "doesn't": "don't",
        "isn't": "aren't",
        "wasn't": "weren't",
    }
    plur_fix = {
        "are": "is",
        "were": "was",
        "have": "has",
        "don't": "doesn't",
        "aren't": "isn't",
        "weren't": "wasn't",
    }
    for i in range(1, len(toks) - 1):
        noun, verb = lows[i], lows[i + 1].replace("’", "'")
        det = lows[i - 1]
        if not toks[i].text.islower() or noun in _PRONOUNS or det not in _SUBJECT_DETS:
            continue
        if i >= 2 and lows[i - 2] in _PREPOSITIONS:
            continue  # "the ticket for all events is": the noun is not the subject
        if i + 2 < len(toks) and lows[i + 2] in {"to", "been"} and verb in {"has", "have"}:
            continue
        if (
            verb in sing_fix
            and _is_regular_plural(noun)
            and noun not in _COLLECTIVE
            and det
            not in {"a", "an", "this", "my", "his", "her", "its", "your", "our", "their", "the"}
            | {"a"}
        ):
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"'{toks[i].text}' is plural, so the verb should be '{sing_fix[verb]}'.",
                    [sing_fix[verb]],
                    "noun-agreement",
                )
            )
        elif verb in sing_fix and _is_regular_plural(noun) and noun not in _COLLECTIVE:
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"'{toks[i].text}' is plural, so the verb should be '{sing_fix[verb]}'.",
                    [sing_fix[verb]],
                    "noun-agreement-det",
                )
            )
        elif (
            verb in plur_fix
            and det in _DETS_SING
            and _is_singular_count_noun(noun)
            and noun not in _COLLECTIVE
        ):
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"'{toks[i].text}' is singular, so the verb should be '{plur_fix[verb]}'.",
                    [plur_fix[verb]],
                    "noun-agreement-sing",
                )
            )
    return out


def rule_missing_it(sent: Sentence, doc: Document) -> list[Note]:
    toks = sent.tokens
    if len(toks) < 3 or toks[0].text not in {"Is", "Was"} or sent.text.rstrip().endswith("?"):
        return []
    nxt = toks[1].lower
    if nxt in {
        "very",
        "so",
        "really",
        "too",
        "quite",
        "not",
        "a",
        "an",
        "important",
        "nice",
        "difficult",
        "easy",
        "possible",
        "impossible",
        "better",
        "necessary",
        "true",
        "good",
        "great",
        "interesting",
        "wonderful",
        "amazing",
        "terrible",
    }:
        return [
            _note(
                toks[0],
                "grammar",
                "A sentence needs a subject: start with 'It'.",
                ["It " + toks[0].text.lower()],
                "missing-it",
            )
        ]
    return []


def rule_there_are_a(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    lows = [t.lower for t in sent.tokens]
    for i in range(len(lows) - 3):
        if (
            lows[i] == "there"
            and lows[i + 1] in {"are", "were"}
            and lows[i + 2] in {"a", "an"}
            and lows[i + 3]
            not in {
                "lot",
                "number",
                "few",
                "couple",
                "great",
                "variety",
                "range",
                "lots",
                "host",
                "series",
                "pair",
                "dozen",
                "good",
                "large",
                "huge",
            }
        ):
            fix = "is" if lows[i + 1] == "are" else "was"
            out.append(
                _note(
                    sent.tokens[i + 1],
                    "grammar",
                    f"With one thing ('{sent.tokens[i + 2].text} ...'), use 'there {fix}'.",
                    [fix],
                    "there-are-a",
                )
            )
    return out


RULES = (
    *RULES,
    rule_number_noun,
    rule_verb_patterns,
    rule_indefinite_agreement,
    rule_confusions,
    rule_past_marker,
    rule_word_order,
    rule_noun_agreement,
    rule_missing_it,
    rule_there_are_a,
)


_DAY_NAMES = frozenset(d.capitalize() for d in DAYS) | DAYS
_MONTH_NAMES = frozenset(m.capitalize() for m in MONTHS) | MONTHS | {"March", "May", "August"}
_NO_TO_PLACES = frozenset(
    {"home", "abroad", "there", "here", "downtown", "upstairs", "downstairs", "overseas"}
)
_MOTION_VERBS = frozenset(
    {
        "go",
        "goes",
        "went",
        "going",
        "gone",
        "come",
        "comes",
        "came",
        "coming",
        "get",
        "gets",
        "got",
        "getting",
        "arrive",
        "arrived",
        "arriving",
        "return",
        "returned",
        "returning",
        "travel",
        "travelled",
        "traveled",
        "back",
    }
)


def rule_fixed_mechanics(sent: Sentence, doc: Document) -> list[Note]:
    """Letter closings, 'can not', 'go to home', prepositions of time, 'because is'."""
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    n = len(toks)
    for i in range(n - 1):
        a, b = lows[i], lows[i + 1]
        if a == "your" and b in {"sincerely", "faithfully", "truly"}:
            out.append(
                _note(
                    toks[i],
                    "spelling",
                    f"Close a letter with 'Yours {b}'.",
                    [_cap("yours") if toks[i].text[0].isupper() else "yours"],
                    "yours-closing",
                )
            )
        elif a == "can" and b == "not" and not (i + 2 < n and lows[i + 2] == "only"):
            out.append(
                _note(
                    (toks[i].start, toks[i + 1].end),
                    "spelling",
                    "'Cannot' is written as one word.",
                    ["Cannot" if toks[i].text[0].isupper() else "cannot"],
                    "cannot",
                )
            )
        elif a in _MOTION_VERBS and b == "to" and i + 2 < n and lows[i + 2] in _NO_TO_PLACES:
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"Say '{toks[i].text} {toks[i + 2].text}' without 'to'.",
                    [""],
                    "no-to-home",
                )
            )
        elif a == "in" and toks[i + 1].text in _DAY_NAMES:
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    "Use 'on' with days: 'on Monday'.",
                    ["on"],
                    "time-preposition",
                )
            )
        elif a in {"on", "at"} and (
            toks[i + 1].text in _MONTH_NAMES - {"may", "march", "august"}
            or (b.isdigit() and len(b) == 4 and b[:2] in {"19", "20"})
        ):
            if i + 2 < n and lows[i + 2].isdigit():
                continue  # "on May 5" is right
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    "Use 'in' with months and years: 'in May', 'in 2010'.",
                    ["in"],
                    "time-preposition",
                )
            )
        elif (
            a == "at"
            and b in {"morning", "afternoon", "evening"}
            and i > 0
            and lows[i - 1] != "the"
        ):
            out.append(
                _note(toks[i], "grammar", f"Say 'in the {b}'.", [f"in the {b}"], "time-preposition")
            )
        elif (
            a == "at"
            and b == "the"
            and i + 2 < n
            and lows[i + 2] in {"morning", "afternoon", "evening"}
        ):
            out.append(
                _note(
                    toks[i], "grammar", f"Say 'in the {lows[i + 2]}'.", ["in"], "time-preposition"
                )
            )
        elif (
            a in {"because", "if"}
            and b in {"is", "was"}
            and i + 2 < n
            and lows[i + 2] not in {"it", "there", "this", "that", "he", "she"}
        ):
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"This part needs a subject: '{toks[i].text} it {toks[i + 1].text}'.",
                    [f"it {toks[i + 1].text}"],
                    "missing-it",
                )
            )
    return out


RULES = (*RULES, rule_fixed_mechanics)


_SAY_THINK = frozenset(
    {
        "think",
        "thought",
        "know",
        "knew",
        "hope",
        "hoped",
        "believe",
        "believed",
        "said",
        "say",
        "says",
        "feel",
        "felt",
        "sure",
        "glad",
        "happy",
        "found",
        "noticed",
        "realised",
        "realized",
        "inform",
        "informed",
        "tell",
        "told",
        "agree",
        "mean",
        "means",
        "seems",
        "seemed",
        "suppose",
        "expect",
        "expected",
        "understand",
        "understood",
        "remember",
        "see",
        "saw",
        "heard",
        "hear",
        "claimed",
        "claim",
        "promised",
        "wrote",
        "write",
        "show",
        "shows",
        "showed",
        "learned",
        "learnt",
        "forget",
        "forgot",
        "discovered",
        "afraid",
        "surprised",
        "pleased",
        "you",
        "me",
        "us",
        "him",
        "her",
        "them",
    }
)
_PREP_FIXES: dict[tuple[str, ...], tuple[int, str, str]] = {
    # words -> (index of the wrong preposition, right one, the right phrase)
    ("on", "the", "future"): (0, "in", "in the future"),
    ("on", "future"): (0, "in", "in future"),
    ("on", "the", "past"): (0, "in", "in the past"),
    ("on", "the", "world"): (0, "in", "in the world"),
    ("on", "the", "newspaper"): (0, "in", "in the newspaper"),
    ("on", "the", "newspapers"): (0, "in", "in the newspapers"),
    ("on", "the", "countryside"): (0, "in", "in the countryside"),
    ("on", "summer"): (0, "in", "in summer"),
    ("on", "winter"): (0, "in", "in winter"),
    ("on", "spring"): (0, "in", "in spring"),
    ("on", "autumn"): (0, "in", "in autumn"),
    ("at", "summer"): (0, "in", "in summer"),
    ("at", "winter"): (0, "in", "in winter"),
    ("in", "tv"): (0, "on", "on TV"),
    ("in", "the", "tv"): (0, "on", "on TV"),
    ("in", "television"): (0, "on", "on television"),
    ("in", "the", "radio"): (0, "on", "on the radio"),
    ("in", "the", "internet"): (0, "on", "on the internet"),
    ("in", "internet"): (0, "on", "on the internet"),
    ("in", "the", "phone"): (0, "on", "on the phone"),
    ("in", "the", "website"): (0, "on", "on the website"),
    ("in", "night"): (0, "at", "at night"),
    ("in", "the", "weekend"): (0, "at", "at the weekend"),
    ("in", "weekend"): (0, "at", "at the weekend"),
    ("in", "weekends"): (0, "at", "at weekends"),
    ("on", "the", "picture"): (0, "in", "in the picture"),
}


def rule_comma_that(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i in range(1, len(toks) - 2):
        if (
            toks[i].text == ","
            and toks[i + 1].lower == "that"
            and toks[i - 1].lower in _SAY_THINK
            and toks[i + 2].lower
            in _SUBJ_PRONOUNS
            | {"the", "my", "there", "this", "your", "our", "people", "everything"}
        ):
            out.append(
                _note(
                    toks[i],
                    "punctuation",
                    "Don't put a comma before 'that' here.",
                    [""],
                    "comma-that",
                )
            )
    return out


def rule_preposition_phrases(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    for i in range(len(toks)):
        for pat, (k, right, phrase) in _PREP_FIXES.items():
            n = len(pat)
            if tuple(lows[i : i + n]) == pat:
                if (
                    pat[-1] in {"summer", "winter", "spring", "autumn"}
                    and i + n < len(toks)
                    and toks[i + n].is_word
                ):
                    continue  # "on summer evenings"
                tok = toks[i + k]
                out.append(
                    _note(
                        tok,
                        "grammar",
                        f"Say '{phrase}'.",
                        [_cap(right) if tok.text[0].isupper() else right],
                        "preposition-phrase",
                    )
                )
    return out


def rule_would_like_base(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    for i in range(len(toks) - 2):
        if lows[i] in {"would", "'d", "’d"} and lows[i + 1] in {"like", "love", "prefer"}:
            v = lows[i + 2]
            tg = morph.tags(v)
            if (
                toks[i + 2].text.islower()
                and "VB" in tg
                and not tg & {"NN", "NNS", "JJ", "RB", "VBD", "IN"}
            ):
                out.append(
                    _note(
                        toks[i + 2],
                        "grammar",
                        f"Put 'to' before the verb: 'would {lows[i + 1]} to {v}'.",
                        [f"to {toks[i + 2].text}"],
                        "would-like-to",
                    )
                )
    return out


RULES = (
    *RULES,
    rule_comma_that,
    rule_preposition_phrases,
    rule_would_like_base,
)


_FEELING_ING = {
    "interesting": "interested",
    "boring": "bored",
    "exciting": "excited",
    "disappointing": "disappointed",
    "tiring": "tired",
    "frightening": "frightened",
    "embarrassing": "embarrassed",
    "confusing": "confused",
    "surprising": "surprised",
    "annoying": "annoyed",
    "amazing": "amazed",
    "satisfying": "satisfied",
    "terrifying": "terrified",
    "worrying": "worried",
    "shocking": "shocked",
}
_PERSONAL_BE = frozenset(
    {
        "am",
        "'m",
        "are",
        "'re",
        "is",
        "was",
        "were",
        "feel",
        "felt",
        "be",
        "been",
        "get",
        "got",
        "become",
        "became",
    }
)
_BARE_SUBJECTS = frozenset({"it", "he", "she", "this", "that", "they", "we", "i", "you", "there"})


def rule_more_patterns(sent: Sentence, doc: Document) -> list[Note]:
    """I am interesting in; it very nice; a lot of friend; make a photo."""
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    n = len(toks)
    for i in range(n - 2):
        a, b, c = lows[i], lows[i + 1], lows[i + 2]
        # -ing feelings about a person: "I was very disappointing with ..."
        if a in _PERSONAL_BE and i > 0 and lows[i - 1] in {"i", "we", "you", "he", "she", "they"}:
            j = i + 1
            while j < n and lows[j] in {
                "very",
                "so",
                "really",
                "quite",
                "too",
                "a",
                "bit",
                "little",
                "extremely",
                "not",
            }:
                j += 1
            if (
                j + 1 < n
                and lows[j] in _FEELING_ING
                and lows[j + 1]
                in {"in", "with", "about", "by", "because", "when", "that", "to", "of"}
            ):
                out.append(
                    _note(
                        toks[j],
                        "word choice",
                        f"To say how someone feels, use '{_FEELING_ING[lows[j]]}' "
                        f"('{lows[j]}' describes the thing that causes it).",
                        [_FEELING_ING[lows[j]]],
                        "ed-ing",
                    )
                )
        # missing verb: "it very nice", "he very happy"
        if (
            a in _BARE_SUBJECTS
            and b in {"very", "so", "really", "too", "quite"}
            and (
                i == 0
                or not toks[i - 1].is_word
                or lows[i - 1] in {"and", "but", "because", "so", "that"}
            )
        ):
            tg = morph.tags(c)
            if (
                c != "much"
                and tg
                and tg <= {"JJ", "RB", "JJR"} | ({"VBN"} if "JJ" in tg else set())
            ):
                verb = {"i": "am", "we": "are", "they": "are", "you": "are"}.get(a, "is")
                out.append(
                    _note(
                        toks[i + 1],
                        "grammar",
                        f"A verb is missing: '{toks[i].text} {verb} {b} {c}'.",
                        [f"{verb} {toks[i + 1].text}"],
                        "missing-be",
                    )
                )
        # "a lot of friend", "lots of thing", "a couple of day"
        if (
            (a, b) in {("lot", "of"), ("lots", "of"), ("couple", "of"), ("plenty", "of")}
            and toks[i + 2].text.islower()
            and c not in UNCOUNTABLES
            and _is_singular_count_noun(c)
            and not _compound_follows(toks, i + 2)
        ):
            plural = _plural_of(c)
            if plural:
                out.append(
                    _note(
                        toks[i + 2],
                        "grammar",
                        f"After '{toks[i].text} {toks[i + 1].text}', use the plural.",
                        [plural],
                        "number-noun",
                    )
                )
        # "make a photo" -> take
        if a in {"make", "makes", "made", "making"} and (
            b in {"photos", "pictures", "photographs"}
            or (
                b in {"a", "some", "many"}
                and c in {"photo", "photos", "picture", "pictures", "photograph", "photographs"}
            )
        ):
            repl = {"make": "take", "makes": "takes", "made": "took", "making": "taking"}[a]
            out.append(
                _note(
                    toks[i], "word choice", f"You 'take' a photo: '{repl}'.", [repl], "make-photo"
                )
            )
    return out


RULES = (*RULES, rule_more_patterns)


_NO_COMMA_BEFORE = frozenset(
    {
        "in",
        "of",
        "to",
        "for",
        "on",
        "at",
        "with",
        "by",
        "from",
        "and",
        "or",
        "but",
        "about",
        "is",
        "was",
        "are",
        "were",
        "am",
        "be",
        "been",
        "has",
        "have",
        "had",
        "not",
        "so",
        "very",
        "more",
    }
)
_ITS_IS_NEXT = frozenset(
    {
        "a",
        "an",
        "the",
        "very",
        "not",
        "so",
        "really",
        "too",
        "time",
        "important",
        "good",
        "better",
        "difficult",
        "easy",
        "true",
        "impossible",
        "possible",
        "nice",
        "great",
        "interesting",
    }
)
_ITS_NOT_AFTER = frozenset(
    {"of", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "about", "into"}
)


def rule_clause_punctuation(sent: Sentence, doc: Document) -> list[Note]:
    """'Because ...' on its own; a comma before 'especially'/'including'; 'its' for 'it is'."""
    out = []
    toks = sent.tokens
    words = sent.words
    # a sentence that is only a 'because' clause (no comma, so no main clause follows)
    if (
        words
        and words[0].lower == "because"
        and not any(t.text == "," for t in toks)
        and len(words) > 2
        and words[1].lower != "of"
    ):
        out.append(
            _note(
                words[0],
                "punctuation",
                "A 'because' part cannot stand alone as a sentence: join it to the sentence "
                "before it with a comma (', because ...').",
                ["because"],
                "because-fragment",
            )
        )
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else t
        if (
            t.lower in {"especially", "including"}
            and prev.is_word
            and prev.lower not in _NO_COMMA_BEFORE
            and i >= 2
        ):
            out.append(
                Note(
                    t.start,
                    t.start,
                    "punctuation",
                    f"Put a comma before '{t.text}' when it adds an example or detail.",
                    (", " + t.text,),
                    "rule:comma-before:" + t.lower,
                    2,
                )
            )
        if (
            t.lower == "its"
            and i + 1 < len(toks)
            and toks[i + 1].lower in _ITS_IS_NEXT
            and not (i and prev.is_word and prev.lower in _ITS_NOT_AFTER)
        ):
            fix = "It's" if t.text[0].isupper() else "it's"
            out.append(
                _note(
                    t,
                    "punctuation",
                    "Here you mean 'it is': write 'it's' with an apostrophe "
                    "('its' means 'belonging to it').",
                    [fix],
                    "its-it-is",
                )
            )
    return out


RULES = (*RULES, rule_clause_punctuation)


_WORD_FIXES = {
    # word -> (replacement, category, message)
    "persons": (
        "people",
        "word choice",
        "The usual plural of 'person' is 'people' ('persons' is for legal notices).",
    ),
    "cloths": (
        "clothes",
        "word choice",
        "'Cloths' are pieces of fabric; things you wear are 'clothes'.",
    ),
    "stuffs": ("stuff", "grammar", "'Stuff' has no plural: write 'stuff'."),
    "medias": ("media", "grammar", "'Media' is already plural: write 'media'."),
    "somethings": ("some things", "grammar", "'Something' has no plural: 'some things'."),
    "ourself": ("ourselves", "grammar", "With 'we', the word is 'ourselves'."),
    "therefor": ("therefore", "spelling", "This is spelt 'therefore'."),
    "planed": ("planned", "spelling", "'Plan' doubles the n: 'planned'."),
    "im": (
        "I'm",
        "punctuation",
        "Write 'I'm' (short for 'I am') with a capital I and an apostrophe.",
    ),
}
_TENS = frozenset(
    {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "fourty"}
)
_UNITS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_WHOLE_NOUNS = frozenset(
    {
        "day",
        "world",
        "year",
        "week",
        "time",
        "family",
        "life",
        "thing",
        "country",
        "city",
        "night",
        "school",
        "trip",
        "story",
        "class",
        "evening",
        "morning",
        "weekend",
        "month",
        "show",
        "holiday",
        "town",
    }
)
_MAKEUP_BEFORE = frozenset(
    {
        "the",
        "her",
        "my",
        "your",
        "their",
        "our",
        "his",
        "of",
        "wear",
        "wears",
        "wearing",
        "wore",
        "no",
        "some",
        "much",
        "any",
        "natural",
        "heavy",
        "more",
        "less",
        "and",
        "with",
        "without",
    }
)
_EXCITING_BEFORE = frozenset(
    {"very", "so", "really", "most", "more", "an", "is", "was", "be", "quite", "too", "extremely"}
)
_MODALS_NEG = frozenset(
    {
        "to",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "not",
        "don't",
        "didn't",
        "doesn't",
        "won't",
        "can't",
        "never",
    }
)
_ADVICE_BEFORE = frozenset({"a", "an", "some", "any", "my", "your", "good", "of", "his", "her"})


_PRACTISE_BEFORE = frozenset(
    {
        "to",
        "i",
        "we",
        "they",
        "you",
        "can",
        "could",
        "will",
        "would",
        "should",
        "must",
        "also",
        "often",
        "usually",
        "always",
        "never",
        "don't",
        "didn't",
    }
)
_CLOTHES_BEFORE = frozenset(
    {
        "my",
        "your",
        "his",
        "her",
        "their",
        "our",
        "new",
        "these",
        "those",
        "wear",
        "wearing",
        "wore",
        "buy",
        "bought",
        "fashionable",
        "casual",
        "warm",
    }
)
_BE_VERY = frozenset(
    {"am", "is", "are", "was", "were", "be", "been", "very", "so", "really", "felt", "feel"}
)
_THINGS_BEFORE = frozenset(
    {"the", "some", "many", "these", "those", "all", "other", "few", "of", "different", "new"}
)
_TECH_VERBS = frozenset(
    {"is", "has", "have", "can", "will", "makes", "helps", "gives", "allows", "was", "changed"}
)


def rule_word_usage(sent: Sentence, doc: Document) -> list[Note]:
    """Words used in the wrong form or confused with a look-alike (cloths, hole day, ...)."""
    out = []
    toks = sent.tokens
    lows = [t.lower for t in toks]
    n = len(toks)
    first = next((k for k, t in enumerate(toks) if t.is_word), None)
    for i, t in enumerate(toks):
        w = lows[i]
        prev = lows[i - 1] if i else ""
        nxt = lows[i + 1] if i + 1 < n else ""
        if w in _WORD_FIXES and (w != "im" or t.text in {"im", "Im"}):
            repl, cat, msg = _WORD_FIXES[w]
            if t.text[:1].isupper() and repl[:1].islower():
                repl = _cap(repl)
            out.append(_note(t, cat, msg, [repl], "word-form:" + w))
        elif w in {"every", "some", "any"} and nxt == "thing" and toks[i + 1].start == t.end + 1:
            whole = t.text + "thing"
            out.append(
                _note(
                    (t.start, toks[i + 1].end),
                    "spelling",
                    f"Write '{whole}' as one word.",
                    [whole],
                    "one-word",
                )
            )
        elif (
            w in _TENS
            and nxt in _UNITS
            and toks[i + 1].start == t.end + 1
            and "-" not in doc.text[t.start : toks[i + 1].end]
        ):
            tens = "forty" if w == "fourty" else t.text
            fix = f"{tens}-{toks[i + 1].text}"
            out.append(
                _note(
                    (t.start, toks[i + 1].end),
                    "punctuation",
                    f"Numbers like this are written with a hyphen: '{fix}'.",
                    [fix],
                    "number-hyphen",
                )
            )
        elif (
            w == "hole"
            and prev in {"the", "a", "my", "our", "this", "that"}
            and nxt in _WHOLE_NOUNS
        ):
            out.append(
                _note(
                    t,
                    "spelling",
                    "Here you mean 'whole' (all of it); a 'hole' is a gap in something.",
                    ["whole"],
                    "hole-whole",
                )
            )
        elif (
            w == "make"
            and nxt == "up"
            and prev in _MAKEUP_BEFORE
            and toks[i + 1].start == t.end + 1
            and not (i + 2 < n and lows[i + 2] in {"my", "your", "his", "her", "their", "our"})
        ):
            fix = f"{t.text}-{toks[i + 1].text}"
            out.append(
                _note(
                    (t.start, toks[i + 1].end),
                    "punctuation",
                    f"The noun (what people put on their face) is written '{fix}'.",
                    [fix],
                    "make-up",
                )
            )
        elif w == "exiting" and prev in _EXCITING_BEFORE:
            out.append(
                _note(
                    t,
                    "spelling",
                    "Did you mean 'exciting'? 'Exiting' means going out.",
                    ["exciting"],
                    "exiting",
                )
            )
        elif w == "replay" and prev in {"your", "my", "a", "his", "her", "their", "quick", "early"}:
            out.append(
                _note(
                    t,
                    "spelling",
                    "An answer to a letter is a 'reply'; a 'replay' is a game played again.",
                    ["reply"],
                    "replay-reply",
                )
            )
        elif w == "madame" and t.text[:1].isupper() and prev == "or":
            out.append(
                _note(t, "spelling", "In English letters write 'Madam'.", ["Madam"], "madam")
            )
        elif w == "advise" and prev in _ADVICE_BEFORE:
            out.append(
                _note(
                    t,
                    "spelling",
                    "The noun is 'advice' (with a c); 'advise' is the verb.",
                    ["advice"],
                    "advice-advise",
                )
            )
        elif w == "effect" and prev in _MODALS_NEG and prev != "not":
            out.append(
                _note(
                    t,
                    "word choice",
                    "The verb is 'affect'; 'effect' is usually the noun (the result).",
                    ["affect"],
                    "affect-effect",
                )
            )
        elif w == "loose" and prev in _MODALS_NEG:
            out.append(
                _note(
                    t,
                    "spelling",
                    "The verb for not winning or not having any more is 'lose'; 'loose' "
                    "means not tight.",
                    ["lose"],
                    "lose-loose",
                )
            )
        elif (
            i == first
            and w == "may"
            and nxt == "be"
            and t.text == "May"
            and not (i + 2 < n and lows[i + 2] in {"i", "we"})
        ):
            out.append(
                _note(
                    (t.start, toks[i + 1].end),
                    "spelling",
                    "At the start of a sentence, 'perhaps' is 'Maybe' (one word).",
                    ["Maybe"],
                    "maybe",
                )
            )
        elif i == first and w == "at" and nxt == "last" and i + 2 < n and toks[i + 2].text == ",":
            out.append(
                _note(
                    (t.start, toks[i + 1].end),
                    "word choice",
                    "'At last' means 'after a long wait'; to introduce your last point, use "
                    "'Finally' or 'Lastly'.",
                    ["Finally", "Lastly"],
                    "at-last",
                )
            )
        elif w == "thinks" and prev in _THINGS_BEFORE:
            out.append(
                _note(
                    t,
                    "spelling",
                    "Did you mean 'things'? 'Thinks' is a form of the verb 'think'.",
                    ["things"],
                    "thinks-things",
                )
            )
        elif w == "heart" and prev in {"i", "we", "have", "had", "never", "they", "you"}:
            out.append(
                _note(
                    t,
                    "spelling",
                    "Did you mean 'heard' (from 'hear')?",
                    ["heard"],
                    "heart-heard",
                )
            )
        elif w == "a" and nxt == "quite" and i + 2 < n and lows[i + 2] not in {"a", "an"}:
            out.append(
                _note(
                    (t.start, toks[i + 1].end),
                    "grammar",
                    "Put 'quite' before 'a': 'quite a ...'.",
                    [f"quite {t.text}"],
                    "quite-a",
                )
            )
        elif (
            i == first and t.text == "Sometime" and nxt not in {"in", "next", "last", "soon", "ago"}
        ):
            out.append(
                _note(
                    t,
                    "word choice",
                    "To say 'now and then', write 'Sometimes' (with an s).",
                    ["Sometimes"],
                    "sometimes",
                )
            )
        elif (
            w == "technology"
            and prev == "the"
            and (not nxt or nxt in _TECH_VERBS or not toks[i + 1].is_word)
            and not (
                i >= 2 and lows[i - 2] in {"of", "on", "in", "about", "with", "to", "by", "for"}
            )
        ):
            out.append(
                _note(
                    toks[i - 1],
                    "grammar",
                    "When you mean technology in general, leave out 'the'.",
                    [""],
                    "the-generic",
                )
            )
        elif w == "practice" and prev in _PRACTISE_BEFORE:
            out.append(
                _note(
                    t,
                    "spelling",
                    "In British English the verb is spelt 'practise' (the noun is 'practice').",
                    ["practise"],
                    "british:practise",
                )
            )
        elif w in {"program", "programs"} and prev not in {"computer", "software", "a", "this"}:
            fix = t.text + "me" if w == "program" else t.text[:-1] + "mes"
            out.append(
                _note(
                    t,
                    "spelling",
                    f"In British English write '{fix}' (a 'program' is computer software).",
                    [fix],
                    "british:programme",
                )
            )
        elif w == "cloth" and prev in _CLOTHES_BEFORE:
            out.append(
                _note(
                    t,
                    "word choice",
                    "Things you wear are 'clothes'; 'cloth' is material.",
                    ["clothes"],
                    "cloth-clothes",
                )
            )
        elif w in {"possibility", "occasion"} and nxt == "to" and i + 2 < n:
            if _verb_base_only(lows[i + 2]) or lows[i + 2] in {"see", "meet", "go", "visit"}:
                out.append(
                    _note(
                        t,
                        "word choice",
                        f"For a chance to do something, English says 'opportunity' or "
                        f"'chance' rather than '{t.text}'.",
                        ["opportunity", "chance"],
                        "opportunity",
                    )
                )
        elif w == "disappoint" and prev in _BE_VERY:
            out.append(
                _note(
                    t,
                    "grammar",
                    "To say how someone feels, use 'disappointed'.",
                    ["disappointed"],
                    "disappointed",
                )
            )
        elif t.text == "Mister" and i + 1 < n and toks[i + 1].text[:1].isupper():
            out.append(
                _note(t, "word choice", "Before a name, write 'Mr' (not 'Mister').", ["Mr"], "mr")
            )
        elif w == "classic" and nxt == "music":
            out.append(
                _note(
                    t,
                    "word choice",
                    "Music like Mozart's is 'classical music'.",
                    ["classical"],
                    "classical",
                )
            )
        elif w == "begun" and prev in {"i", "he", "she", "we", "they", "it", "you"}:
            out.append(
                _note(
                    t,
                    "grammar",
                    "The past tense is 'began'; 'begun' needs 'have' or 'had' before it.",
                    ["began"],
                    "began",
                )
            )
        elif w == "specially" and i == first:
            out.append(
                _note(
                    t,
                    "word choice",
                    "To pick out one case, use 'especially'.",
                    ["Especially"],
                    "especially",
                )
            )
    return out


RULES = (*RULES, rule_word_usage)


# --------------------------------------------------------------------------- there/their

# after these words 'there' is the place ('over there', 'from there'), not 'their'
_THERE_PLACE_BEFORE = frozenset(
    {
        "over",
        "up",
        "down",
        "in",
        "out",
        "from",
        "here",
        "back",
        "near",
        "around",
        "go",
        "goes",
        "went",
        "gone",
        "going",
        "get",
        "got",
        "been",
        "be",
        "stay",
        "stayed",
        "staying",
        "live",
        "lived",
        "living",
        "arrive",
        "arrived",
        "was",
        "were",
        "is",
        "are",
        "am",
        "work",
        "worked",
        "come",
        "came",
    }
)
_THERE_NOT_BEFORE = frozenset(
    {
        "own",  # handled with the nouns below, listed here to keep the tags test simple
    }
)


_THERE_TIME_WORDS = frozenset(
    {
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "ten",
        "last",
        "next",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "morning",
        "evening",
        "night",
        "once",
        "twice",
    }
)


def rule_there_their(sent: Sentence, doc: Document) -> list[Note]:
    """'there child' -> 'their child': 'there' straight before a noun that English pairs
    with 'their' far more often than with 'there' (word-pair counts, ngrams.py)."""
    from .ngrams import counts

    ng = counts()
    toks = sent.tokens
    out = []
    for i in range(len(toks) - 1):
        t = toks[i]
        if t.lower != "there":
            continue
        x = toks[i + 1]
        if not x.is_word or not x.text.islower():
            continue
        if i > 0 and toks[i - 1].lower in _THERE_PLACE_BEFORE:
            continue
        if i > 1 and toks[i - 1].lower in {"and", "or"} and toks[i - 2].lower == "here":
            continue  # 'here and there'

        xl = x.lower
        tags = morph.tags(xl)
        if xl not in _THERE_NOT_BEFORE:
            if not tags & {"NN", "NNS"} or tags & {
                "RB",
                "IN",
                "CD",
                "DT",
                "MD",
                "VBD",
                "VBN",
                "PRP",
                "WDT",
                "WRB",
            }:
                continue
            if "VBZ" in tags and "NNS" not in tags:
                continue  # 'there lives' (a verb); 'there names' (a plural noun) stays
            if xl in STOPWORDS or xl in _THERE_TIME_WORDS:
                continue
        their, there = ng.bigram("their", xl), ng.bigram("there", xl)
        if not their or their < 20 * there:
            continue
        fix = "Their" if t.text[0].isupper() else "their"
        out.append(
            _note(
                t,
                "spelling",
                f"Use '{fix.lower()}' for something that belongs to them ('{fix.lower()} "
                f"{x.text}'); 'there' is for a place or for 'there is'.",
                [fix],
                "there-their",
            )
        )
    return out


RULES = (*RULES, rule_there_their)
