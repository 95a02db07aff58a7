"""Shared helpers for the grammar rules: a light word-class guesser over the lexicon."""

from __future__ import annotations

from .. import morph
from ..notes import Note
from ..text import Token

SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them"})
POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their", "its"})
SINGULAR_DETS = frozenset({"a", "an", "every", "each", "this", "that", "another", "one"})
PLURAL_DETS = frozenset(
    {"these", "those", "many", "several", "few", "both", "various", "two", "three", "four"}
    | {"five", "six", "seven", "eight", "nine", "ten", "hundreds", "thousands", "millions"}
)
NEUTRAL_DETS = frozenset({"the", "some", "most", "all", "no", "any", "other", "such"}) | POSSESSIVES
ALL_DETS = SINGULAR_DETS | PLURAL_DETS | NEUTRAL_DETS
PREPOSITIONS = frozenset(
    {"of", "in", "at", "on", "from", "with", "for", "about", "near", "by", "without"}
    | {"under", "into", "around", "between", "behind", "inside", "outside", "across"}
)
ADVERBS_BEFORE_VERB = frozenset(
    {"also", "often", "always", "never", "usually", "still", "only", "really", "even"}
    | {"sometimes", "just", "already", "all", "both", "rarely", "seldom", "normally"}
    | {"certainly", "probably", "generally", "actually", "definitely", "mostly"}
)
SUBORDINATORS = frozenset(
    {"if", "when", "because", "although", "though", "while", "as", "since", "unless"}
    | {"until", "till", "before", "after", "whether", "once", "whereas", "whenever"}
    | {"wherever", "whatever", "whoever", "so", "than"}
)
COORDINATORS = frozenset({"and", "but", "or", "so", "yet", "nor", "for"})
# a token that opens or closes a quotation: no clause rule reads across one
QUOTES = frozenset('"“”«»')
BE_HAVE_DO_SG = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
}
BE_HAVE_DO_PL = {v: k for k, v in BE_HAVE_DO_SG.items()}
FINITE_AUX = (
    frozenset(BE_HAVE_DO_SG)
    | frozenset(BE_HAVE_DO_PL)
    | {"am", "had", "did", "didn't", "hadn't", "can", "could", "will", "would", "shall"}
    | {"should", "may", "might", "must", "cannot", "can't", "won't", "wouldn't", "couldn't"}
    | {"shouldn't", "mustn't", "'m", "'s", "'re"}
)
# nouns whose group can take a plural verb in British English ("the team are")
COLLECTIVES = frozenset(
    {"team", "family", "government", "council", "staff", "police", "public", "crowd"}
    | {"audience", "committee", "class", "band", "couple", "majority", "jury", "group"}
    | {"company", "club", "army", "party", "media", "data", "press", "management", "board"}
    | {"firm", "union", "cast", "crew", "enemy", "generation", "population", "youth"}
)
IRREGULAR_PLURALS = frozenset(
    {"people", "children", "men", "women", "feet", "teeth", "mice", "police", "cattle"}
)
PLURAL_ONLY = frozenset(
    {"clothes", "trousers", "jeans", "glasses", "scissors", "goods", "belongings", "thanks"}
)
SINGULAR_S = frozenset(
    {"news", "physics", "mathematics", "maths", "economics", "politics", "athletics"}
    | {"series", "species", "means", "gymnastics", "measles", "whereabouts", "crossroads"}
    | {"headquarters", "ethics", "statistics", "linguistics", "electronics", "genetics"}
)
INDEFINITE_SG = frozenset(
    {"everybody", "everyone", "somebody", "someone", "nobody", "anybody", "anyone"}
    | {"everything", "something", "nothing", "anything"}
)


def low(tok: Token) -> str:
    return tok.lower.replace("’", "'")


def note(
    span: Token | tuple[int, int],
    category: str,
    message: str,
    sugg: list[str],
    rule: str,
    priority: int = 1,
) -> Note:
    if isinstance(span, Token):
        start, end = span.start, span.end
    else:
        start, end = span
    return Note(start, end, category, message, tuple(sugg), "grammar:" + rule, priority)


def match_case(original: str, repl: str) -> str:
    return repl[:1].upper() + repl[1:] if original[:1].isupper() else repl


def is_noun(word: str) -> bool:
    return bool(morph.tags(word) & {"NN", "NNS"})


def noun_number(word: str) -> str | None:
    """'sg', 'pl' or None (unknown or both) for a lower-case noun."""
    if word in IRREGULAR_PLURALS or word in PLURAL_ONLY:
        return "pl"
    if word in SINGULAR_S:
        return "sg"
    if not is_noun(word):
        return None
    lem = morph.lemmas(word, "NOUN")
    if not lem:
        return None
    if word in lem:
        return None if (word.endswith("s") and len(lem) > 1) else "sg"
    return "pl" if word.endswith(("s", "i", "a", "en")) else None


def is_adjective_only(word: str) -> bool:
    t = morph.tags(word)
    return bool(t) and t <= {"JJ", "JJR", "JJS"}


def is_verb_only(word: str) -> bool:
    t = morph.tags(word)
    return bool(t) and t <= {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}


def is_finite_verb(word: str) -> bool:
    """A word that is a finite verb in (nearly) every use."""
    if word in FINITE_AUX:
        return True
    t = morph.tags(word)
    return bool(t) and bool(t & {"VBD", "VBZ"}) and not t & {"NN", "NNS", "JJ", "RB", "IN"}


def is_past_only(word: str) -> bool:
    t = morph.tags(word)
    return bool(t) and "VBD" in t and not t & {"NN", "NNS", "JJ", "VB", "VBP"}


def adverb_of(adj: str) -> str | None:
    """The adverb of a describing word, when the lexicon knows it ('easy' -> 'easily',
    'gentle' -> 'gently', 'tragic' -> 'tragically', 'good' -> 'well')."""
    if adj == "good":
        return "well"
    if adj.endswith("ic"):
        cand = adj + "ally"
    elif adj.endswith("le") and len(adj) > 4:
        cand = adj[:-1] + "y"
    elif adj.endswith("y"):
        cand = adj[:-1] + "ily"
    else:
        cand = adj + "ly"
    return cand if "RB" in morph.tags(cand) else None
