"""Sentence rules: number + noun, verb patterns (gerund / to-infinitive), indefinite
pronouns, confusions, past markers, word order, noun agreement, missing 'it', 'there are a'."""

from __future__ import annotations

from .. import morph
from ..lexicon import MODALS, NON_SUBJECT_CONTEXT, SUBJECT_PRONOUNS, UNCOUNTABLES
from ..notes import Note
from ..text import Document, Sentence
from .base import (
    _compound_follows,
    _inflected_not_base,
    _is_regular_plural,
    _is_singular_count_noun,
    _note,
    _plural_of,
    _verb_base_only,
)

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
# subjects that can be accustomed to something ('I am used to waking early')
_PERSONAL_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they"})
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
            # accustomed, not the passive of 'use' ('can be used to compare rates'): a
            # person is the subject, or it is 'get used to'
            and (w in {"get", "got", "'m"} or (i > 0 and lows[i - 1] in _PERSONAL_SUBJECTS))
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
            and lows[i + 1] in SUBJECT_PRONOUNS
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
        if j + 1 >= len(toks) or lows[j] not in SUBJECT_PRONOUNS:
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
        if lows[i] in SUBJECT_PRONOUNS and lows[i + 2] in _FREQ_ADVERBS:
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
