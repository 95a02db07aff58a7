"""Sentence rules: capitals, then/than, modals, pronoun agreement, do-support,
uncountables, determiner and number, since/for, 'there is' + plural, ages, intro commas."""

from __future__ import annotations

from .. import morph
from ..lexicon import (
    COMPARATIVES,
    DAYS,
    DURATION_NOUNS,
    MODALS,
    MONTHS,
    NATIONALITIES,
    NON_SUBJECT_CONTEXT,
    NUMBER_WORDS,
    PLACES,
    SUBJECT_3SG,
    UNCOUNTABLE_PLURALS,
    UNCOUNTABLES,
)
from ..notes import Note
from ..text import Document, Sentence, Token
from .base import (
    _cap,
    _inflected_not_base,
    _is_regular_plural,
    _is_singular_count_noun,
    _next_word,
    _note,
    _verb_base_only,
)

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
        if morph.tags(t.text):
            continue  # also an ordinary word: 'floor polish', 'to polish', 'whales'
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


_THEN_NEXT_NO = frozenset({"i", "you", "he", "she", "we", "they", "it", "there", "the", "a"})
_NO_COMPARISON_BETWEEN = frozenset({"and", "but", "so", "because", "when", "if", "or", "that"})


def _comparison_before(toks: list[Token], i: int) -> bool:
    """'much less energy then making new ones', 'more in one day then in a month': a
    comparative a few words before 'then', with no clause between and no new clause after
    ('he trained harder, then he won', 'we ate more then went home')."""
    if i + 1 >= len(toks) or not toks[i + 1].is_word:
        return False
    after = toks[i + 1].lower
    tags = morph.tags(after)
    if after in _THEN_NEXT_NO or (tags & {"VBD", "VBZ", "MD"} and not tags & {"NN", "NNS", "IN"}):
        return False
    for j in range(i - 1, max(-1, i - 6), -1):
        t = toks[j]
        if not t.is_word or t.lower in _NO_COMPARISON_BETWEEN:
            return False
        if t.lower in {"more", "less", "fewer"} and j < i - 1:
            return True
    return False


def rule_then_than(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i in range(1, len(toks)):
        if toks[i].lower == "then" and (
            toks[i - 1].lower in COMPARATIVES or _comparison_before(toks, i)
        ):
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


# words after 'this' + an -s word that show the -s word is a verb ('This shows that ...')
_AFTER_VERB_S = frozenset(
    {",", ".", "that", "because", "to", "a", "an", "the", "us", "me", "them", "it", "how"}
    | {"what", "why", "when", "if", "whether", "our", "my", "their", "his", "her", "so"}
)


def rule_modal_verb_form(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.lower not in MODALS or i == 0:
            continue
        if t.text == "May":
            continue  # 'in late May is usually warm': the month inside a sentence
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
                if after is not None and after.text in {"'", "\u2019"} and after.start == nxt.end:
                    continue  # 'a beginners' course': the plural's possessive
                msg = f"'{t.text}' goes with one thing, but '{nxt.text}' means more than one."
                sing = (morph.lemmas(nl, "NOUN") or ("",))[0]
                out.append(_note(nxt, "grammar", msg, [sing] if sing else [], "det-number"))
        elif low in {"this"} and _is_regular_plural(nl) and nxt.text.islower():
            if "VB" in morph.tags(nl) or not after_ok:
                continue
            if "VBZ" in morph.tags(nl) and (after is None or after.lower in _AFTER_VERB_S):
                continue  # 'This matters, because', 'This shows that': a verb
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


RULES = (
    rule_sentence_capital,
    rule_proper_lowercase,
    rule_then_than,
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
