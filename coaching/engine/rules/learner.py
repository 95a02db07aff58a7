"""Rules for learners' commonest slips (verb forms, agreement, comparatives, missing
'to'/'for', articles with adjective + noun, feelings in -ed/-ing, look-alike words, letter
conventions). Each was kept only if its notes were right at least 6 times in 10 on the FCE
training split (scripts/bench/rule_stats.py); the words and patterns are written by hand."""

from __future__ import annotations

from .. import morph
from ..lexicon import FEELING_ING, MODALS, STOPWORDS, SUBJECT_PRONOUNS, UNCOUNTABLES
from ..notes import Note
from ..text import Document, Sentence
from .base import _insert, _is_regular_plural, _lows, _match_case, _note, _verb_base_only

_OBJECTS = frozenset({"me", "you", "him", "her", "us", "them"})
_POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their", "its"})


# --------------------------------------------------------------------------- verb forms

_HAVE_AUX = frozenset({"have", "has", "had", "'ve", "haven't", "hasn't", "hadn't", "'d"})
_BE_AUX = frozenset(
    {"am", "is", "are", "was", "were", "be", "been", "'m", "'re", "isn't", "aren't"}
    | {"wasn't", "weren't"}
)
_HAVE_SKIP = frozenset({"not", "never", "already", "just", "also", "ever", "always", "recently"})


_PAST_ALSO_PARTICIPLE = frozenset(
    {"got", "was", "were", "dreamt", "learnt", "spelt", "burnt", "smelt", "spoilt", "leapt"}
    | {"knelt", "dwelt", "spilt", "lit", "fit", "quit", "wed", "bet", "wet", "pled"}
)


def _past_only(word: str) -> bool:
    """A past-tense form that is never a participle or a base (went, saw, took)."""
    if word in _PAST_ALSO_PARTICIPLE or word.endswith("ed"):
        return False  # regular (and British) -ed forms are participles too
    t = morph.tags(word)
    return "VBD" in t and not t & {"VBN", "VB", "VBP", "NN", "NNS", "JJ", "RB", "IN"}


def rule_perfect_participle(sent: Sentence, doc: Document) -> list[Note]:
    """'I have went', 'she has took', 'it was wrote'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i, w in enumerate(lows):
        if w not in _HAVE_AUX and w not in _BE_AUX:
            continue
        j = i + 1
        while j < len(toks) and lows[j] in _HAVE_SKIP:
            j += 1
        if j >= len(toks) or not toks[j].text.islower():
            continue
        v = lows[j]
        if not _past_only(v):
            continue
        base = morph.base_verb(v)
        part = morph.inflect(base, "VBN") if base else None
        if not part or part == v:
            continue
        msg = f"After '{toks[i].text}', use the past participle '{part}' ('{v}' is the past)."
        out.append(_note(toks[j], "grammar", msg, [part], "participle"))
    return out


_TO_SKIP_BEFORE = frozenset(
    {"according", "due", "thanks", "close", "next", "compared", "related", "used", "addition"}
)


def rule_to_verb_form(sent: Sentence, doc: Document) -> list[Note]:
    """'to goes', 'to visited' (to + a verb form that is never the base)."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(1, len(toks) - 1):
        if lows[i] != "to" or lows[i - 1] in _TO_SKIP_BEFORE:
            continue
        nxt = toks[i + 1]
        if not nxt.text.islower():
            continue
        v = lows[i + 1]
        t = morph.tags(v)
        if not t or t & {"VB", "VBP", "NN", "NNS", "JJ", "RB", "IN", "VBG"}:
            continue
        if t <= {"VBZ"} or t <= {"VBD", "VBN"}:
            if "VBD" in t and "VBN" not in t:
                continue  # 'to went' is core.py's 'to-verb'
            base = morph.base_verb(v)
            if not base or base == v:
                continue
            # the verb before 'to' must want an infinitive
            if not (morph.tags(lows[i - 1]) & {"VB", "VBD", "VBZ", "VBP", "VBN"}) and lows[
                i - 1
            ] not in {"able", "going", "want", "have", "has", "had", "like"}:
                continue
            out.append(
                _note(nxt, "grammar", "After 'to', use the plain verb form.", [base], "to-base")
            )
    return out


def rule_be_base(sent: Sentence, doc: Document) -> list[Note]:
    """'I am live in', 'he is go': a form of 'be' straight before a plain verb."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(1, len(toks) - 1):
        if lows[i] not in {"am", "'m", "is", "are", "'re", "was", "were"}:
            continue
        if lows[i - 1] not in SUBJECT_PRONOUNS and not lows[i - 1].startswith("i'"):
            continue
        v = lows[i + 1]
        if not toks[i + 1].text.islower():
            continue
        t = morph.tags(v)
        if not t or not t <= {"VB", "VBP"} or v in {"agree", "be", "have", "do"}:
            continue
        ing = morph.inflect(v, "VBG")
        if not ing:
            continue
        out.append(
            _note(
                toks[i + 1],
                "grammar",
                f"After '{toks[i].text}', a verb needs its -ing form ('{ing}'), or leave "
                f"out '{toks[i].text}'.",
                [ing],
                "be-base",
            )
        )
    return out


_WANT_VERBS = frozenset(
    {
        "want",
        "wants",
        "wanted",
        "ask",
        "asked",
        "asks",
        "expect",
        "expected",
        "allow",
        "allowed",
        "advise",
        "advised",
        "encourage",
        "encouraged",
        "invite",
        "invited",
        "persuade",
        "persuaded",
        "remind",
        "reminded",
        "force",
        "forced",
        "teach",
        "taught",
        "need",
        "needed",
        "would",
    }
)


def rule_object_to(sent: Sentence, doc: Document) -> list[Note]:
    """'I want you give me', 'he asked me send': 'to' missing after verb + person."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 2):
        w = lows[i]
        if w == "would":
            if lows[i + 1] not in {"like", "love", "prefer"}:
                continue
            k = i + 2
        elif w in _WANT_VERBS:
            k = i + 1
        else:
            continue
        if k + 1 >= len(toks) or lows[k] not in _OBJECTS:
            continue
        v = lows[k + 1]
        if not toks[k + 1].text.islower():
            continue
        t = morph.tags(v)
        if not t or not t <= {"VB", "VBP"} or v in {"to", "be"}:
            continue
        if w in {"need", "needed"} and lows[k] in {"you", "them"}:
            continue
        out.append(
            _insert(
                toks[k + 1],
                "to",
                f"After '{toks[i].text} {toks[k].text}', put 'to' before the verb.",
                "verb-to",
            )
        )
    return out


def rule_prefer_to(sent: Sentence, doc: Document) -> list[Note]:
    """'I prefer stay', 'able go', 'for learn'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 1):
        w = lows[i]
        v = lows[i + 1]
        if not toks[i + 1].text.islower():
            continue
        t = morph.tags(v)
        if w in {"prefer", "prefers", "preferred", "able", "unable"}:
            after = lows[i + 2] if i + 2 < len(toks) else "."
            if (
                t
                and t <= {"VB", "VBP"}
                and v not in {"be"}
                and not morph.tags(after) & {"NN", "NNS"}
            ):
                out.append(
                    _insert(
                        toks[i + 1],
                        "to",
                        f"After '{toks[i].text}', put 'to' before the verb.",
                        "verb-to",
                    )
                )
        elif (
            w == "for"
            and i > 0
            and lows[i - 1] not in {"time", "ready", "waiting", "wait"}
            and t
            and t <= {"VB", "VBP"}
            and v not in {"example", "instance"}
        ):
            ing = morph.inflect(v, "VBG")
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"After 'for', a verb takes -ing ('for {ing}'); to say why you do "
                    f"something, use 'to' + verb ('to {toks[i + 1].text}').",
                    [ing] if ing else [],
                    "for-verb",
                )
            )
    return out


_PREP_GERUND = frozenset({"of", "about", "without", "by", "before", "after", "instead"})


def rule_prep_gerund(sent: Sentence, doc: Document) -> list[Note]:
    """'without ask', 'instead of go', 'before leave': after a preposition, use -ing."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 1):
        w = lows[i]
        if w not in _PREP_GERUND:
            continue
        k = i + 1
        if w == "instead":
            if lows[k] != "of" or k + 1 >= len(toks):
                continue
            k += 1
        v = lows[k]
        if not toks[k].text.islower():
            continue
        t = morph.tags(v)
        if not t or not t <= {"VB", "VBP"} or v in {"be", "do", "are", "am", "have"}:
            continue
        ing = morph.inflect(v, "VBG")
        if not ing or "VBG" not in morph.tags(ing):
            continue
        out.append(
            _note(
                toks[k],
                "grammar",
                f"After '{toks[k - 1].text}', use the -ing form of the verb: '{ing}'.",
                [ing],
                "prep-gerund",
            )
        )
    return out


_IF_WILL_BEFORE = frozenset(
    {",", "glad", "grateful", "happy", "pleased", "delighted", "and", "but", "so", "it"}
)


def rule_if_will(sent: Sentence, doc: Document) -> list[Note]:
    """'if you will send me' -> 'if you send me'; 'when I will arrive'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 3):
        if lows[i] not in {"if", "when"} or lows[i + 1] not in SUBJECT_PRONOUNS:
            continue
        if lows[i + 2] != "will" or not toks[i + 3].text.islower():
            continue
        prev = lows[i - 1] if i else ","
        if prev not in _IF_WILL_BEFORE and toks[i - 1].is_word:
            continue  # 'I would like to know if I will need ...' is a question
        v = lows[i + 3]
        if not _verb_base_only(v) and v != "be":
            continue
        out.append(
            _note(
                toks[i + 2],
                "grammar",
                f"After '{toks[i].text}', talk about the future with the present tense: "
                f"'{toks[i].text} {toks[i + 1].text} {v}...', without 'will'.",
                [""],
                "if-will",
            )
        )
    return out


_PAST_TIME_LAST = frozenset(
    {"week", "year", "month", "summer", "night", "weekend", "time", "winter", "holiday"}
    | {"sunday", "saturday", "monday", "tuesday", "wednesday", "thursday", "friday"}
)


def rule_perfect_past_time(sent: Sentence, doc: Document) -> list[Note]:
    """'I have seen it last week' -> 'I saw it last week'; 'I will like to' -> 'would'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    n = len(toks)
    for i in range(n - 2):
        if lows[i] in {"i", "we"} and lows[i + 1] == "will" and lows[i + 2] == "like":
            if i + 3 < n and lows[i + 3] == "to":
                out.append(
                    _note(
                        toks[i + 1],
                        "grammar",
                        "To say what you want politely, use 'would like to'.",
                        ["would"],
                        "will-like",
                    )
                )
            continue
        if lows[i] not in {"have", "has", "'ve"} or i == 0 or lows[i - 1] not in SUBJECT_PRONOUNS:
            continue
        v = lows[i + 1]
        t = morph.tags(v)
        if "VBN" not in t or v in {"got"}:
            continue
        # a past time in the same clause
        for j in range(i + 2, min(n, i + 10)):
            if not toks[j].is_word and toks[j].text not in {"'"}:
                break
            if lows[j] in {"and", "but", "because", "since", "that", "when", "for", "before"}:
                break
            past = lows[j] in {"yesterday", "ago"} or (
                lows[j] == "last" and j + 1 < n and lows[j + 1] in _PAST_TIME_LAST
            )
            if past:
                base = morph.base_verb(v)
                simple = morph.inflect(base, "VBD") if base else None
                if not simple:
                    break
                out.append(
                    _note(
                        (toks[i].start, toks[i + 1].end),
                        "grammar",
                        f"With a finished time ('{toks[j].text}'), use the past simple: "
                        f"'{simple}'.",
                        [simple],
                        "perfect-past-time",
                    )
                )
                break
    return out


# --------------------------------------------------------------------------- agreement


def rule_there_was_plural(sent: Sentence, doc: Document) -> list[Note]:
    """'there was no tickets', 'there wasn't any seats'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    fix = {"was": "were", "wasn't": "weren't", "is": "are", "isn't": "aren't"}
    for i in range(len(toks) - 3):
        if lows[i] != "there" or lows[i + 1] not in fix:
            continue
        j = i + 2
        if lows[j] in {"no", "not", "any"}:
            j += 1
        if lows[j] == "any":
            j += 1
        if j == i + 2 or j >= len(toks):
            continue
        n = lows[j]
        if not toks[j].text.islower():
            continue
        plural = n in {"people", "children"} or (
            _is_regular_plural(n) and not morph.tags(n) & {"JJ", "RB", "VBG"}
        )
        if not plural or (j + 1 < len(toks) and lows[j + 1] in {"of"}):
            continue
        out.append(
            _note(
                toks[i + 1],
                "grammar",
                f"'{toks[j].text}' is plural, so use 'there {fix[lows[i + 1]]}'.",
                [fix[lows[i + 1]]],
                "there-was-plural",
            )
        )
    return out


_SING_SUBJECT_NOUNS = frozenset(
    {"technology", "shopping", "fashion", "money", "music", "life", "television", "information"}
)
_TO_3SG = {
    "have": "has",
    "are": "is",
    "were": "was",
    "don't": "doesn't",
    "aren't": "isn't",
    "weren't": "wasn't",
    "haven't": "hasn't",
}
_TO_PLURAL = {
    "is": "are",
    "was": "were",
    "has": "have",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
}


def rule_subject_agreement(sent: Sentence, doc: Document) -> list[Note]:
    """'Technology have changed ...', 'people who is ...'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 1):
        w, v = lows[i], lows[i + 1]
        k = i - 1 if i and lows[i - 1] == "modern" else i
        if w in _SING_SUBJECT_NOUNS and (
            k == 0 or lows[k - 1] in {",", "but", "because", "that", "so", "think"}
        ):
            if v in _TO_3SG:
                fix = _TO_3SG[v]
            elif toks[i + 1].text.islower() and _verb_base_only(v) and v not in MODALS:
                t = morph.tags(v)
                if t & {"NN", "NNS"}:
                    continue
                fix = morph.inflect(v, "VBZ") or ""
                if not fix or fix == v:
                    continue
            else:
                continue
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"'{toks[i].text}' is one thing, so the verb is '{fix}'.",
                    [fix],
                    "noun-3sg",
                )
            )
        elif (
            i > 0
            and (
                (w == "who" and _is_regular_plural(lows[i - 1]) and "and" not in lows[:i])
                or (w in {"who", "that"} and lows[i - 1] in {"people", "children"})
            )
            and v in _TO_PLURAL
        ):
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"'{toks[i - 1].text}' is plural, so the verb is '{_TO_PLURAL[v]}'.",
                    [_TO_PLURAL[v]],
                    "who-plural",
                )
            )
    return out


# --------------------------------------------------------------------------- comparatives


def rule_double_comparative(sent: Sentence, doc: Document) -> list[Note]:
    """'more better', 'most biggest', 'more easy'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 1):
        w, v = lows[i], lows[i + 1]
        if not toks[i + 1].text.islower():
            continue
        t = morph.tags(v)
        if w in {"more", "less"} and t & {"JJR"} and v not in {"more", "less", "fewer", "other"}:
            if i > 0 and lows[i - 1] in {"no", "any", "much", "even", "far", "the"}:
                continue
            if not v.endswith("er") and v not in {"better", "worse"}:
                continue
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    f"'{toks[i + 1].text}' already means 'more', so leave out '{toks[i].text}'.",
                    [""],
                    "double-comparative",
                )
            )
        elif w == "most" and "JJS" in t and v.endswith("est"):
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    f"'{toks[i + 1].text}' already means 'most', so leave out 'most'.",
                    [""],
                    "double-comparative",
                )
            )
    return out


_SUPERLATIVE_OF = {"worse": "worst", "better": "best", "bigger": "biggest"}


def rule_the_comparative(sent: Sentence, doc: Document) -> list[Note]:
    """'the worse day of my life' -> 'the worst'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 2):
        if lows[i] != "the" or lows[i + 1] not in {"worse"}:
            continue
        n = lows[i + 2]
        t = morph.tags(n)
        if "NN" not in t or t & {"JJ", "RB", "IN", "DT"}:
            continue
        if "the" in lows[i + 3 :] and "," in lows[i + 3 :]:
            continue  # 'the worse the weather, the ...'
        out.append(
            _note(
                toks[i + 1],
                "grammar",
                f"With 'the' before a noun, use '{_SUPERLATIVE_OF[lows[i + 1]]}'.",
                [_SUPERLATIVE_OF[lows[i + 1]]],
                "the-superlative",
            )
        )
    return out


# --------------------------------------------------------------------------- prepositions


_WRITE_TO = frozenset({"write", "writing", "wrote", "written", "writting", "writes"})


def rule_missing_to(sent: Sentence, doc: Document) -> list[Note]:
    """'I am writing you', 'explain me/you', 'reply your letter', 'listen the radio'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 1):
        w, nxt = lows[i], lows[i + 1]
        if w in _WRITE_TO and nxt in {"you", "me", "him", "her", "us", "them"}:
            after = lows[i + 2] if i + 2 < len(toks) else "."
            if after in {"a", "an", "the", "some", "this", "my", "back", "two", "one"}:
                continue  # 'write me a letter', 'write you back'
            out.append(
                _insert(
                    toks[i + 1],
                    "to",
                    f"You write 'to' someone: '{toks[i].text} to {toks[i + 1].text}'.",
                    "write-to",
                )
            )
        elif w in {"explain", "explained", "explaining", "explains"} and nxt in {
            "you",
            "him",
            "her",
            "us",
            "them",
        }:
            out.append(
                _insert(toks[i + 1], "to", "You explain something 'to' someone.", "explain-to")
            )
        elif w in {"reply", "replied", "replying"} and nxt in _POSSESSIVES | {"the", "this"}:
            if i > 0 and lows[i - 1] in {"a", "the", "my", "your", "quick", "early", "his", "her"}:
                continue  # 'a reply the same day'
            out.append(_insert(toks[i + 1], "to", "You reply 'to' a letter.", "reply-to"))
        elif w in {"listen", "listening", "listened", "listens"} and nxt in _POSSESSIVES | {
            "the",
            "this",
            "some",
            "radio",
            "songs",
            "them",
            "him",
            "her",
            "me",
            "you",
        }:
            out.append(_insert(toks[i + 1], "to", "You listen 'to' something.", "listen-to"))
        elif (
            w in {"reply", "replied", "replying"}
            and nxt == "for"
            and i + 2 < len(toks)
            and lows[i + 2] in _POSSESSIVES | {"the", "this"}
        ):
            out.append(
                _note(toks[i + 1], "grammar", "You reply 'to' a letter.", ["to"], "reply-to")
            )
        elif w in {"wait", "waiting", "waited"} and nxt in _POSSESSIVES | {
            "the",
            "him",
            "her",
            "them",
        }:
            if i > 0 and lows[i - 1] in {"a", "the", "long"}:
                continue
            out.append(_insert(toks[i + 1], "for", "You wait 'for' something.", "wait-for"))
    return out


def rule_tell_to(sent: Sentence, doc: Document) -> list[Note]:
    """'he told to me' -> 'told me'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 2):
        if (
            lows[i] in {"tell", "told", "tells", "telling"}
            and lows[i + 1] == "to"
            and lows[i + 2] in _OBJECTS | {"my", "his", "her", "the", "our", "their"}
        ):
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"You tell someone something, without 'to': '{toks[i].text} "
                    f"{toks[i + 2].text}'.",
                    [""],
                    "tell-to",
                )
            )
    return out


_KIND_BEFORE = frozenset({"all", "many", "several", "various"})


def rule_kinds_of(sent: Sentence, doc: Document) -> list[Note]:
    """'all kind of', 'many sort of' -> kinds/sorts."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 2):
        if (
            lows[i] in _KIND_BEFORE
            and lows[i + 1] in {"kind", "sort", "type"}
            and lows[i + 2] == "of"
        ):
            if lows[i] == "these":
                continue
            out.append(
                _note(
                    toks[i + 1],
                    "grammar",
                    f"After '{toks[i].text}', the noun is plural: '{lows[i + 1]}s of'.",
                    [lows[i + 1] + "s"],
                    "kinds-of",
                )
            )
    return out


def rule_most_of(sent: Sentence, doc: Document) -> list[Note]:
    """'the most of my friends' -> 'most of my friends' (not 'make the most of')."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 2):
        if lows[i] != "most" or lows[i + 1] != "of":
            continue
        if i > 0 and lows[i - 1] == "the":
            if i > 1 and lows[i - 2] in {"make", "makes", "made", "making", "get", "got"}:
                continue
            out.append(
                _note(
                    toks[i - 1],
                    "grammar",
                    "Say 'most of' or 'most' without 'the'.",
                    [""],
                    "the-most-of",
                )
            )
    return out


# --------------------------------------------------------------------------- negatives

_NEG_AUX = frozenset(
    {"don't", "didn't", "doesn't", "can't", "couldn't", "won't", "wouldn't", "isn't", "wasn't"}
    | {"aren't", "weren't", "haven't", "hasn't", "not", "never", "cannot"}
)
_NEG_WORDS = {
    "nothing": "anything",
    "nobody": "anybody",
    "nowhere": "anywhere",
    "none": "any",
    "no": "any",
}


def rule_double_negative(sent: Sentence, doc: Document) -> list[Note]:
    """'I don't know nothing' -> 'anything'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i, w in enumerate(lows):
        if w not in _NEG_AUX:
            continue
        for j in range(i + 1, min(i + 4, len(toks))):
            if not toks[j].is_word or lows[j] in {"only", "but", "and", "or", "because", "say"}:
                break
            if lows[j] in _NEG_WORDS and not (
                lows[j] == "no"
                and j + 1 < len(toks)
                and lows[j + 1] in {"longer", "one", "more", "matter", "doubt"}
            ):
                out.append(
                    _note(
                        toks[j],
                        "grammar",
                        f"One 'not' is enough: after '{toks[i].text}', say "
                        f"'{_NEG_WORDS[lows[j]]}'.",
                        [_NEG_WORDS[lows[j]]],
                        "double-negative",
                    )
                )
                break
    return out


# --------------------------------------------------------------------------- missing words


_BE_FOR = {"i": "am", "we": "are", "they": "are", "he": "is", "she": "is"}


def rule_missing_be_ing(sent: Sentence, doc: Document) -> list[Note]:
    """'I looking forward to ...' -> 'I am looking'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 1):
        w = lows[i]
        if w not in _BE_FOR:
            continue
        if i > 0 and lows[i - 1] not in {",", ".", "and", "but", "because", "so", ";"}:
            continue
        v = lows[i + 1]
        if not v.endswith("ing") or not toks[i + 1].text.islower():
            continue
        t = morph.tags(v)
        if "VBG" not in t or t & {"VB", "VBP", "VBD", "VBZ"}:
            continue
        out.append(
            _insert(
                toks[i + 1],
                _BE_FOR[w],
                f"A verb is missing: '{toks[i].text} {_BE_FOR[w]} {toks[i + 1].text}'.",
                "missing-be-ing",
            )
        )
    return out


_BE_A = frozenset({"is", "was", "be", "am", "'s", "it's", "become", "became", "been"})
_HAVE_A = frozenset(
    {"have", "had", "has", "having", "get", "got", "make", "made", "take", "took", "need"}
    | {"found", "find", "want", "wanted", "buy", "bought", "see", "saw", "was", "is"}
)
_INTENSIFIERS = frozenset({"very", "really", "quite", "extremely"})
_ARTICLE_ADJ = frozenset(
    {
        "good",
        "great",
        "nice",
        "big",
        "wonderful",
        "important",
        "interesting",
        "fantastic",
        "perfect",
        "excellent",
        "lovely",
        "difficult",
        "bad",
        "terrible",
        "new",
        "different",
        "long",
        "beautiful",
        "useful",
        "real",
        "huge",
        "brilliant",
        "amazing",
        "awful",
        "boring",
        "exciting",
        "special",
        "strange",
        "serious",
        "small",
        "famous",
        "popular",
        "unforgettable",
        "horrible",
        "successful",
        "pleasant",
        "unusual",
        "hard",
        "easy",
        "busy",
        "fascinating",
        "funny",
        "friendly",
        "typical",
        "dangerous",
        "expensive",
        "cheap",
    }
)
_ARTICLE_NOT_NOUNS = frozenset(
    {"time", "fun", "news", "weather", "luck", "work", "advice", "help", "love", "today"}
    | {"tonight", "tomorrow", "yesterday", "now", "due", "enough", "technology", "style", "food"}
    | {"music", "hair", "health", "nature", "education", "life", "art", "land", "space"}
)


def rule_be_adj_noun(sent: Sentence, doc: Document) -> list[Note]:
    """'It was very good experience' -> 'a very good experience'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    n = len(toks)
    for i in range(n - 2):
        if lows[i] not in _BE_A and lows[i] not in _HAVE_A:
            continue
        j = i + 1
        if lows[j] in _INTENSIFIERS:
            j += 1
        if j + 1 >= n or lows[j] not in _ARTICLE_ADJ:
            continue
        k = j + 1
        noun = lows[k]
        if (noun in _ARTICLE_NOT_NOUNS and not (noun == "time" and lows[i] in _HAVE_A)) or not toks[
            k
        ].text.islower():
            continue
        t = morph.tags(noun)
        if (
            "NN" not in t
            or t & {"IN", "VBD", "VBN"}
            or noun.endswith("s")
            or (noun.endswith("ing") and noun not in {"evening", "morning", "thing", "building"})
            or noun in UNCOUNTABLES
            or noun in STOPWORDS
        ):
            continue
        if k + 1 < n and (lows[k + 1] in {"of", "'s"} or morph.tags(lows[k + 1]) & {"NN", "NNS"}):
            continue  # 'a good part of', 'good school results'
        first = i + 2 if lows[i + 1] == "quite" else i + 1  # 'quite a nice day'
        art = "an" if toks[first].lower[0] in "aeiou" else "a"
        out.append(
            _insert(
                toks[first],
                art,
                f"'{toks[k].text}' is one thing you can count, so it needs '{art}': "
                f"'{art} {' '.join(t.text for t in toks[first : k + 1])}'.",
                "be-a-adj-noun" if lows[i] in _BE_A else "have-a-adj-noun",
            )
        )
    return out


_MASS_NOUNS = frozenset(
    {"news", "advice", "information", "weather", "luck", "homework", "furniture", "equipment"}
    | {"luggage", "baggage", "progress", "money", "accommodation", "scenery", "traffic"}
)


def rule_a_adj_mass(sent: Sentence, doc: Document) -> list[Note]:
    """'a good news', 'an important information' -> no 'a'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    n = len(toks)
    for i in range(n - 2):
        if lows[i] not in {"a", "an"}:
            continue
        j = i + 1
        if lows[j] in _INTENSIFIERS:
            j += 1
        if j + 1 >= n or not morph.tags(lows[j]) & {"JJ"} or lows[j] in {"little", "lot", "few"}:
            continue
        noun = lows[j + 1]
        if noun not in _MASS_NOUNS or (j + 2 < n and morph.tags(lows[j + 2]) & {"NN", "NNS"}):
            continue
        if j + 2 < n and lows[j + 2] in {"'s"}:
            continue
        out.append(
            _note(
                toks[i],
                "grammar",
                f"You can't count '{toks[j + 1].text}', so don't use '{toks[i].text}'.",
                [""],
                "a-adj-mass",
            )
        )
    return out


def rule_think_is(sent: Sentence, doc: Document) -> list[Note]:
    """'I think is a good idea' -> 'I think it is'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(1, len(toks) - 2):
        if lows[i] not in {"think", "thought", "believe", "hope", "know", "sure"}:
            continue
        if lows[i - 1] not in {"i", "we"}:
            continue
        if i > 1 and lows[i - 2] in {"what", "which", "that", "who", "do", "how", "where", "why"}:
            continue
        if lows[i + 1] in {"is", "was", "will"} and toks[i + 2].is_word:
            nxt = lows[i + 2]
            if nxt in {"it", "there", "that", "this", "he", "she", "what", "why", "how"}:
                continue
            out.append(
                _insert(
                    toks[i + 1],
                    "it",
                    f"This part needs a subject: '{toks[i].text} it {toks[i + 1].text}'.",
                    "think-it-is",
                )
            )
    return out


# --------------------------------------------------------------------------- nouns


def rule_noun_forms(sent: Sentence, doc: Document) -> list[Note]:
    """'a travel' -> 'a trip'; 'sport centre' -> 'sports centre'; 'peoples'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks)):
        w = lows[i]
        prev = lows[i - 1] if i else ""
        nxt = lows[i + 1] if i + 1 < len(toks) else ""
        if (
            w == "travel"
            and prev in {"a", "my", "our", "this", "the", "your", "nice"}
            and (nxt in {"to", "was", "is", "in", ".", ",", "with", "by"})
        ):
            out.append(
                _note(
                    toks[i],
                    "word choice",
                    "For one journey, say 'trip' (or 'journey'); 'travel' means travelling "
                    "in general.",
                    ["trip", "journey"],
                    "travel-trip",
                )
            )
        elif w == "sport" and nxt in {
            "centre",
            "center",
            "clothes",
            "activities",
            "shoes",
            "club",
            "clubs",
            "facilities",
            "equipment",
            "shop",
            "events",
        }:
            out.append(
                _note(
                    toks[i],
                    "word choice",
                    f"In British English the phrase is 'sports {nxt}'.",
                    ["sports"],
                    "sports-noun",
                )
            )
        elif w == "peoples" and prev not in {"the", "of", "all", "different", "indigenous"}:
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    "'People' is already plural: write 'people'.",
                    [_match_case(toks[i].text, "people")],
                    "plural-plural",
                )
            )
        elif w == "childrens" and nxt not in {"'s"}:
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    "'Children' is already plural: write 'children'.",
                    [_match_case(toks[i].text, "children")],
                    "plural-plural",
                )
            )
    return out


_NATURE_BEFORE = frozenset(
    {"to", "with", "of", "love", "enjoy", "in", "about", "protect", "from", "and", "for", "into"}
)
_MEALS = frozenset({"dinner", "lunch", "breakfast"})


def rule_generic_nouns(sent: Sentence, doc: Document) -> list[Note]:
    """'close to the nature' -> 'nature'; 'have a dinner' -> 'have dinner'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    n = len(toks)
    for i in range(n):
        w = lows[i]
        nxt = lows[i + 1] if i + 1 < n else "."
        if (
            w == "the"
            and nxt == "nature"
            and i > 0
            and lows[i - 1] in _NATURE_BEFORE
            and not (i + 2 < n and lows[i + 2] == "of")
        ):
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    "When you mean nature in general, leave out 'the'.",
                    [""],
                    "no-article",
                )
            )
        elif (
            w in {"a"}
            and nxt in _MEALS
            and i > 0
            and lows[i - 1] in {"have", "had", "has", "having"}
            and (
                i + 2 >= n or not toks[i + 2].is_word or lows[i + 2] in {"with", "at", "in", "and"}
            )
        ):
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    f"Say 'have {nxt}', without 'a' (unless you describe it: 'a lovely {nxt}').",
                    [""],
                    "no-article",
                )
            )
    return out


def rule_makeup_list(sent: Sentence, doc: Document) -> list[Note]:
    """'clothes, make up and shoes': the noun is 'make-up'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(1, len(toks) - 2):
        if lows[i] == "make" and lows[i + 1] == "up" and lows[i - 1] in {",", "and", "or"}:
            if lows[i + 2] not in {",", ".", "and", "or", "is", "are", "!"}:
                continue
            out.append(
                _note(
                    (toks[i].start, toks[i + 1].end),
                    "punctuation",
                    "The noun (what people put on their face) is written 'make-up'.",
                    [f"{toks[i].text}-{toks[i + 1].text}"],
                    "make-up-list",
                )
            )
    return out


# --------------------------------------------------------------------------- commas


def rule_comma_after_conj(sent: Sentence, doc: Document) -> list[Note]:
    """'because, I ...', 'I think, it is': a comma that splits a clause from its verb."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    for i in range(len(toks) - 2):
        if toks[i + 1].text != ",":
            continue
        w = lows[i]
        nxt = lows[i + 2]
        if w == "because" and nxt in SUBJECT_PRONOUNS | {"the", "my", "there", "it's", "i'm"}:
            rule = "comma-after-because"
        elif (
            w in {"think", "hope", "believe", "know"}
            and i > 0
            and lows[i - 1] in {"i", "we"}
            and nxt in SUBJECT_PRONOUNS | {"this", "there", "it's", "the"}
        ):
            rule = "comma-after-think"
        elif w in {"grateful", "appreciate"} and nxt == "if":
            rule = "comma-before-if"
        else:
            continue
        out.append(
            _note(
                toks[i + 1],
                "punctuation",
                f"Don't put a comma after '{toks[i].text}' here.",
                [""],
                rule,
            )
        )
    return out


# --------------------------------------------------------------------------- letters


def letter_closing(doc: Document) -> list[Note]:
    """A letter to 'Dear Mr Smith' ends 'Yours sincerely', not 'Yours faithfully'."""
    toks = doc.tokens
    opening = next((i for i, t in enumerate(toks[:40]) if t.lower == "dear"), None)
    if opening is None or opening + 1 >= len(toks):
        return []
    if toks[opening + 1].text not in {"Mr", "Mrs", "Ms", "Miss", "Dr"}:
        return []
    return [
        _note(
            toks[i + 1],
            "word choice",
            "A letter to someone you name ('Dear Mr ...') ends 'Yours sincerely'.",
            ["sincerely"],
            "yours-sincerely",
        )
        for i in range(len(toks) - 1)
        if toks[i].lower in {"yours", "your"} and toks[i + 1].lower == "faithfully"
    ]


# --------------------------------------------------------------------------- look-alike words

_OPEN_AFTER = frozenset(
    {"until", "till", "from", "at", "on", "every", ".", ",", "all", "during", "between", "in"}
    | {"and", "only", "24", "today", "now", "again", "to", "!", "there", "for"}
)
_FEEL_ED = {
    "surprise": "surprised",
    "please": "pleased",
    "interest": "interested",
    "bore": "bored",
    "excite": "excited",
    "frighten": "frightened",
    "tire": "tired",
    "embarrass": "embarrassed",
    "shock": "shocked",
    "amaze": "amazed",
    "satisfy": "satisfied",
    "annoy": "annoyed",
}
_FEEL_BEFORE = frozenset(
    {"am", "was", "be", "very", "really", "is", "are", "were", "been", "felt", "feel", "so"}
    | {"'m", "i'm", "too", "quite", "extremely"}
)
_THING_BEFORE = frozenset(
    {"a", "the", "every", "one", "first", "last", "best", "worst", "same", "important", "good"}
)
_QUITE_NEXT = frozenset(
    {
        "a",
        "an",
        "good",
        "well",
        "difficult",
        "interesting",
        "expensive",
        "nice",
        "often",
        "sure",
        "big",
        "different",
        "happy",
        "hard",
        "bad",
        "long",
        "easy",
        "far",
        "small",
        "cheap",
        "important",
        "boring",
        "dangerous",
        "similar",
        "simple",
        "strange",
        "useful",
        "popular",
    }
)


def _opening_event(lows: list[str], i: int) -> bool:
    """'The bakery was opened in 1976 by ...': the passive of the event (a year after 'in',
    or someone who opened it), not 'is opened until six'."""
    rest = lows[i + 1 :]
    year = len(rest) > 1 and rest[0] == "in" and rest[1].isdigit() and len(rest[1]) == 4
    return year or "by" in rest


def rule_word_slips(sent: Sentence, doc: Document) -> list[Note]:
    """Real words used for another word: 'was opened until', 'I was surprise', 'quiet
    good', 'a think', 'to by', 'long cabin', 'math'."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    n = len(toks)
    for i in range(n):
        w = lows[i]
        prev = lows[i - 1] if i else ""
        nxt = lows[i + 1] if i + 1 < n else "."
        if (
            w == "opened"
            and prev in {"is", "was", "are", "were", "be"}
            and nxt in _OPEN_AFTER
            and not _opening_event(lows, i)
        ):
            out.append(
                _note(
                    toks[i],
                    "word choice",
                    "To say a shop or place is not closed, use 'open' ('opened' is what "
                    "someone did to the door).",
                    ["open"],
                    "open-opened",
                )
            )
        elif w in _FEEL_ED and prev in _FEEL_BEFORE and not (w == "please" and prev == "so"):
            if w == "please" and nxt in {"send", "let", "tell", "give", "contact", "reply"}:
                continue
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    f"To say how someone feels, use '{_FEEL_ED[w]}'.",
                    [_FEEL_ED[w]],
                    "feel-ed",
                )
            )
        elif w == "think" and prev in _THING_BEFORE and toks[i].text.islower():
            out.append(
                _note(
                    toks[i],
                    "spelling",
                    "Did you mean 'thing'? 'Think' is a verb.",
                    ["thing"],
                    "think-thing",
                )
            )
        elif w == "by" and prev == "to" and nxt not in {"the", "then", "now", "bus", "car"}:
            out.append(
                _note(
                    toks[i],
                    "spelling",
                    "The verb is 'buy' (to pay for something); 'by' means 'next to' or 'through'.",
                    ["buy"],
                    "by-buy",
                )
            )
        elif w == "quiet" and nxt in _QUITE_NEXT:
            out.append(
                _note(
                    toks[i],
                    "spelling",
                    "Here you mean 'quite' (fairly); 'quiet' means not noisy.",
                    [_match_case(toks[i].text, "quite")],
                    "quiet-quite",
                )
            )
        elif w == "long" and nxt in {"cabin", "cabins"}:
            out.append(
                _note(
                    toks[i],
                    "spelling",
                    "A cabin made of tree trunks is a 'log cabin'.",
                    [_match_case(toks[i].text, "log")],
                    "log-cabin",
                )
            )
        elif w == "everyday" and nxt in _EVERYDAY_NEXT:
            out.append(
                _note(
                    toks[i],
                    "spelling",
                    "As an adverb (each day) write two words: 'every day'; 'everyday' "
                    "describes a noun ('everyday life').",
                    [_match_case(toks[i].text, "every day")],
                    "every-day",
                )
            )
        elif w == "i'am":
            out.append(
                _note(
                    toks[i],
                    "punctuation",
                    "Write 'I am' or 'I'm'.",
                    ["I am", "I'm"],
                    "i-am",
                )
            )
        elif (
            w == "week"
            and nxt == "-"
            and i + 2 < n
            and lows[i + 2] in {"end", "ends"}
            and toks[i + 2].start == toks[i].end + 1
        ):
            out.append(
                _note(
                    (toks[i].start, toks[i + 2].end),
                    "spelling",
                    "'Weekend' is one word.",
                    [toks[i].text + toks[i + 2].text],
                    "weekend",
                )
            )
        elif toks[i].text in {"math", "Math"}:
            out.append(
                _note(
                    toks[i],
                    "spelling",
                    "In British English the school subject is 'maths'.",
                    [toks[i].text + "s"],
                    "british:maths",
                )
            )
        elif (
            w == "hearing"
            and prev == "to"
            and nxt in {"from", "about"}
            and not any(x.startswith(("look", "for")) for x in lows[max(0, i - 6) : i - 1])
        ):
            out.append(
                _note(
                    toks[i],
                    "grammar",
                    "After 'to', use the plain verb: 'to hear' (only 'look forward to' "
                    "takes 'hearing').",
                    ["hear"],
                    "to-hearing",
                )
            )
        elif w == "price" and prev in {"first", "won", "win", "wins", "second", "third"} | {
            "winning",
            "main",
            "top",
        }:
            out.append(
                _note(
                    toks[i],
                    "spelling",
                    "Something you win is a 'prize'; a 'price' is what you pay.",
                    ["prize"],
                    "prize-price",
                )
            )
        elif (
            w == "prize"
            and nxt in {"of", "for"}
            and i + 3 < n
            and lows[i + 3] in {"ticket", "tickets"}
        ):
            out.append(
                _note(
                    toks[i],
                    "spelling",
                    "What you pay is the 'price'; a 'prize' is something you win.",
                    ["price"],
                    "prize-price",
                )
            )
        elif w == "close" and prev in {"was", "is", "were", "are", "be"} and nxt in _CLOSED_NEXT:
            out.append(
                _note(
                    toks[i],
                    "word choice",
                    "To say a place is not open, use 'closed' ('close' means near).",
                    ["closed"],
                    "closed",
                )
            )
        elif w == "scene" and (prev == "on" or (prev == "the" and i > 1 and lows[i - 2] == "on")):
            out.append(
                _note(
                    toks[i],
                    "word choice",
                    "In a theatre, the performers are 'on (the) stage'.",
                    ["stage"],
                    "on-stage",
                )
            )
    return out


_EVERYDAY_NEXT = frozenset({".", ",", "!", "i", "we", "and", "because", "in", "at", "for"})
_CLOSED_NEXT = frozenset(
    {".", ",", "!", "and", "because", "when", "on", "at", "for", "until", "all", "during"}
    | {"due", "so", "but"}
)
# 'satisfying' and 'terrifying' were not in this rule's list when it was measured
_FEELING_ING = {
    ing: ed for ing, ed in FEELING_ING.items() if ing not in {"satisfying", "terrifying"}
}
_FEELING_BE = frozenset({"am", "was", "were", "'m", "felt", "feel", "are", "got", "get", "i'm"})
_FEELING_ADV = frozenset({"very", "so", "really", "quite", "a", "bit", "extremely", "too"})
_FEELING_END = frozenset({".", ",", "!", "and", "because", "when", "that", "about", "at", "for"})


def rule_feeling_ing(sent: Sentence, doc: Document) -> list[Note]:
    """'I was very exciting.' -> 'excited' (mechanics.py covers 'exciting about/with')."""
    out = []
    toks = sent.tokens
    lows = _lows(sent)
    n = len(toks)
    for i in range(n - 1):
        if lows[i] not in {"i", "we", "i'm"}:
            continue
        j = i + 1 if lows[i] == "i'm" else i + 2
        if lows[i] != "i'm" and (j > n - 1 or lows[i + 1] not in _FEELING_BE):
            continue
        while j < n and lows[j] in _FEELING_ADV:
            j += 1
        if j >= n or lows[j] not in _FEELING_ING:
            continue
        nxt = lows[j + 1] if j + 1 < n else "."
        if nxt not in _FEELING_END and not (
            nxt == "to" and j + 2 < n and lows[j + 2] in {"see", "hear", "know", "read"}
        ):
            continue
        out.append(
            _note(
                toks[j],
                "word choice",
                f"To say how you feel, use '{_FEELING_ING[lows[j]]}' ('{lows[j]}' describes "
                "the thing that causes the feeling).",
                [_FEELING_ING[lows[j]]],
                "feeling-ing",
            )
        )
    return out


RULES = (
    rule_perfect_participle,
    rule_to_verb_form,
    rule_be_base,
    rule_object_to,
    rule_prefer_to,
    rule_prep_gerund,
    rule_if_will,
    rule_perfect_past_time,
    rule_there_was_plural,
    rule_subject_agreement,
    rule_double_comparative,
    rule_the_comparative,
    rule_missing_to,
    rule_tell_to,
    rule_kinds_of,
    rule_most_of,
    rule_double_negative,
    rule_think_is,
    rule_be_adj_noun,
    rule_a_adj_mass,
    rule_missing_be_ing,
    rule_noun_forms,
    rule_makeup_list,
    rule_generic_nouns,
    rule_word_slips,
    rule_feeling_ing,
    rule_comma_after_conj,
)
