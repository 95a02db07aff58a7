"""Mechanics and fixed patterns: days and months, 'go to home', commas before 'that',
preposition phrases, 'would like' + base, feelings in -ed/-ing, clause punctuation."""

from __future__ import annotations

from .. import morph
from ..lexicon import DAYS, FEELING_ING, MONTHS, SUBJECT_PRONOUNS, UNCOUNTABLES
from ..notes import Note
from ..text import Document, Sentence
from .base import _cap, _compound_follows, _is_singular_count_noun, _note, _plural_of

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


def rule_comma_that(sent: Sentence, doc: Document) -> list[Note]:
    out = []
    toks = sent.tokens
    for i in range(1, len(toks) - 2):
        if (
            toks[i].text == ","
            and toks[i + 1].lower == "that"
            and toks[i - 1].lower in _SAY_THINK
            and toks[i + 2].lower
            in SUBJECT_PRONOUNS
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
            # after 'because', 'when', 'that' or 'to' the -ing word may describe what the
            # subject is like ('they are boring because the teacher never...'): only for a
            # writer speaking of themselves
            after = {"in", "with", "about", "by", "of"}
            if lows[i - 1] in {"i", "we"}:
                after |= {"because", "when", "that", "to"}
            if j + 1 < n and lows[j] in FEELING_ING and lows[j + 1] in after:
                out.append(
                    _note(
                        toks[j],
                        "word choice",
                        f"To say how someone feels, use '{FEELING_ING[lows[j]]}' "
                        f"('{lows[j]}' describes the thing that causes it).",
                        [FEELING_ING[lows[j]]],
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
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            t.lower in {"especially", "including"}
            and prev.is_word
            and prev.lower not in _NO_COMMA_BEFORE
            and i >= 2
            # 'especially violent', 'especially quickly': it strengthens the next word; and
            # 'teenage girls especially.' needs no comma either
            and nxt is not None
            and nxt.is_word
            and not (
                t.lower == "especially"
                and morph.tags(nxt.lower) & {"JJ", "JJR", "JJS", "RB", "RBR"}
            )
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


RULES = (
    rule_fixed_mechanics,
    rule_comma_that,
    rule_would_like_base,
    rule_more_patterns,
    rule_clause_punctuation,
)
