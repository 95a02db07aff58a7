"""Word and phrase fixes as data: what is wrong, which word to mark, the fix, the message.

One matcher (``phrases.py``) runs every table. A row is (words, index of the token to mark or
None for the whole phrase, replacement, message, category): the replacement '' deletes the
marked word, '+word' inserts 'word' before it. Rows were written by hand; each table's rules
were kept only if their notes were right at least 6 times in 10 on the FCE training split
(``scripts/bench/rule_stats.py``; see ``registry.py`` for the figures).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..lexicon import PLACE_DETERMINERS
from ..text import Token

Row = tuple[tuple[str, ...], int | None, str, str, str]
# context(tokens of the sentence, index of the first word, index after the phrase): True
# when the row applies here
Context = Callable[[list[Token], int, int], bool]


@dataclass(frozen=True)
class PhraseFix:
    words: tuple[str, ...]
    mark: int | None  # token to mark; None: the whole phrase
    replacement: str  # '' deletes the marked word, '+w' inserts w before it
    message: str
    category: str
    rule: str  # rule id (without the 'rule:' prefix)
    one_word: bool = False  # the phrase is one word: only when one space separates them
    context: Context | None = None


# Fixed phrases (rule ids 'phrase:...').
FIXED_PHRASES: tuple[Row, ...] = (
    (
        ("in", "the", "other", "hand"),
        None,
        "on the other hand",
        "The phrase is 'on the other hand'.",
        "word choice",
    ),
    (
        ("on", "my", "opinion"),
        None,
        "in my opinion",
        "The phrase is 'in my opinion'.",
        "word choice",
    ),
    (("discuss", "about"), 1, "", "You discuss something, not 'discuss about' it.", "word choice"),
    (("married", "with"), 1, "to", "You are 'married to' someone.", "word choice"),
    (("depends", "of"), 1, "on", "The phrase is 'depends on'.", "word choice"),
    (("depend", "of"), 1, "on", "The phrase is 'depend on'.", "word choice"),
    (("depend", "from"), 1, "on", "The phrase is 'depend on'.", "word choice"),
    (("interested", "on"), 1, "in", "You are 'interested in' something.", "word choice"),
    (("interested", "for"), 1, "in", "You are 'interested in' something.", "word choice"),
    (("an", "other"), None, "another", "'Another' is written as one word.", "spelling"),
    (("am", "agree"), 0, "", "Say 'I agree': 'agree' is a verb, so no 'am'.", "grammar"),
    (("is", "agree"), 0, "", "Say 'he agrees': 'agree' is a verb, so no 'is'.", "grammar"),
    (("are", "agree"), 0, "", "Say 'they agree': 'agree' is a verb, so no 'are'.", "grammar"),
    (
        ("according", "to", "me"),
        None,
        "in my opinion",
        "'According to' is for other people's views; for yours, say 'in my opinion'.",
        "word choice",
    ),
    (("explain", "me"), 1, "to me", "You explain something 'to' someone.", "grammar"),
    (
        ("say", "me"),
        None,
        "tell me",
        "You 'tell' someone something, or 'say to' someone.",
        "word choice",
    ),
    (
        ("said", "me"),
        0,
        "told",
        "You 'tell' someone something, or 'say to' someone.",
        "word choice",
    ),
    (("could", "of"), 1, "have", "Write 'could have' ('could've'), not 'could of'.", "grammar"),
    (("should", "of"), 1, "have", "Write 'should have' ('should've'), not 'should of'.", "grammar"),
    (("would", "of"), 1, "have", "Write 'would have' ('would've'), not 'would of'.", "grammar"),
    (("must", "of"), 1, "have", "Write 'must have', not 'must of'.", "grammar"),
    (("different", "of"), 1, "from", "The phrase is 'different from'.", "word choice"),
    (("similar", "with"), 1, "to", "The phrase is 'similar to'.", "word choice"),
    (("afraid", "from"), 1, "of", "You are 'afraid of' something.", "word choice"),
    (("responsible", "of"), 1, "for", "You are 'responsible for' something.", "word choice"),
    (("famous", "of"), 1, "for", "A place is 'famous for' something.", "word choice"),
    (("pay", "attention", "on"), 2, "to", "You 'pay attention to' something.", "word choice"),
    (("paid", "attention", "on"), 2, "to", "You 'pay attention to' something.", "word choice"),
    (("listen", "music"), 1, "to music", "You 'listen to' music.", "grammar"),
    (("listening", "music"), 1, "to music", "You 'listen to' music.", "grammar"),
    (("reply", "me"), 1, "to me", "You 'reply to' someone.", "grammar"),
    (("forward", "for"), 1, "to", "The phrase is 'look forward to'.", "word choice"),
    (("keen", "of"), 1, "on", "You are 'keen on' something.", "word choice"),
    (("return", "back"), 1, "", "'Return' already means 'go back'.", "style"),
    (("returned", "back"), 1, "", "'Return' already means 'go back'.", "style"),
)

# Learners' phrase slips (rule ids 'phrase2:...'); a whole-phrase row is a word split in two.
LEARNER_PHRASES: tuple[Row, ...] = (
    (("regarding", "to"), 1, "", "'Regarding' needs no 'to'.", "grammar"),
    (("concerning", "to"), 1, "", "'Concerning' needs no 'to'.", "grammar"),
    (("despite", "of"), 1, "", "'Despite' needs no 'of' (or say 'in spite of').", "grammar"),
    (("consider", "about"), 1, "", "You consider something, without 'about'.", "grammar"),
    (("considering", "about"), 1, "", "You consider something, without 'about'.", "grammar"),
    (("go", "to", "shopping"), 1, "", "Say 'go shopping', without 'to'.", "grammar"),
    (("went", "to", "shopping"), 1, "", "Say 'went shopping', without 'to'.", "grammar"),
    (("going", "to", "shopping"), 1, "", "Say 'going shopping', without 'to'.", "grammar"),
    (("go", "for", "shopping"), 1, "", "Say 'go shopping', without 'for'.", "grammar"),
    (("went", "for", "shopping"), 1, "", "Say 'went shopping', without 'for'.", "grammar"),
    (("going", "for", "shopping"), 1, "", "Say 'going shopping', without 'for'.", "grammar"),
    (("arrived", "to"), 1, "at", "You arrive 'at' a place (or 'in' a town).", "grammar"),
    (("arrive", "to"), 1, "at", "You arrive 'at' a place (or 'in' a town).", "grammar"),
    (("arriving", "to"), 1, "at", "You arrive 'at' a place (or 'in' a town).", "grammar"),
    (("arrives", "to"), 1, "at", "You arrive 'at' a place (or 'in' a town).", "grammar"),
    (("reason", "of"), 1, "for", "The phrase is 'the reason for'.", "word choice"),
    (("reasons", "of"), 1, "for", "The phrase is 'the reasons for'.", "word choice"),
    (("on", "holidays"), 1, "holiday", "The phrase is 'on holiday'.", "grammar"),
    (("in", "my", "point", "of", "view"), 0, "from", "Say 'from my point of view'.", "grammar"),
    (("interested", "about"), 1, "in", "You are 'interested in' something.", "word choice"),
    (("good", "in", "playing"), 1, "at", "You are 'good at' doing something.", "word choice"),
    (("good", "in", "it"), 1, "at", "You are 'good at' something.", "word choice"),
    (("a", "lots", "of"), 1, "lot", "The phrase is 'a lot of' (or 'lots of').", "grammar"),
    (("all", "the", "day"), 1, "", "Say 'all day', without 'the'.", "grammar"),
    (("all", "the", "night"), 1, "", "Say 'all night', without 'the'.", "grammar"),
    (
        ("to", "complaint"),
        1,
        "complain",
        "The verb is 'complain'; 'complaint' is the noun.",
        "word choice",
    ),
    (
        ("a", "complain"),
        1,
        "complaint",
        "The noun is 'complaint'; 'complain' is the verb.",
        "word choice",
    ),
    (
        ("my", "complain"),
        1,
        "complaint",
        "The noun is 'complaint'; 'complain' is the verb.",
        "word choice",
    ),
    (("the", "arrive"), 1, "arrival", "The noun is 'arrival'.", "word choice"),
    (
        ("would", "choice"),
        1,
        "choose",
        "The verb is 'choose'; 'choice' is the noun.",
        "word choice",
    ),
    (("will", "choice"), 1, "choose", "The verb is 'choose'; 'choice' is the noun.", "word choice"),
    (("to", "choice"), 1, "choose", "The verb is 'choose'; 'choice' is the noun.", "word choice"),
    (("thank", "for"), 1, "+you", "Say 'thank you for'.", "grammar"),
    (("appreciate", "if"), 1, "+it", "Say 'I would appreciate it if ...'.", "grammar"),
    (("forward", "hearing"), 1, "+to", "The phrase is 'look forward to hearing'.", "grammar"),
    (("hearing", "you", "soon"), 1, "+from", "You hear 'from' someone.", "grammar"),
    (("hearing", "you", "."), 1, "+from", "You hear 'from' someone.", "grammar"),
    (
        ("dear", "the"),
        1,
        "",
        "Start a letter with 'Dear' + the name or title, without 'the'.",
        "grammar",
    ),
    (("make", "sport"), 0, "do", "You 'do' sport.", "word choice"),
    (("make", "sports"), 0, "do", "You 'do' sports.", "word choice"),
    (("make", "homework"), 0, "do", "You 'do' homework.", "word choice"),
    (("make", "my", "homework"), 0, "do", "You 'do' homework.", "word choice"),
    (("make", "exercise"), 0, "do", "You 'do' exercise.", "word choice"),
    (("make", "exercises"), 0, "do", "You 'do' exercises.", "word choice"),
    (("make", "the", "shopping"), 0, "do", "You 'do' the shopping.", "word choice"),
    (("made", "sport"), 0, "did", "You 'do' sport.", "word choice"),
    (("doing", "a", "party"), 0, "having", "You 'have' (or 'give') a party.", "word choice"),
    (("make", "a", "party"), 0, "have", "You 'have' (or 'give') a party.", "word choice"),
    (("to", "thanks", "you"), 1, "thank", "After 'to', use the plain verb: 'thank'.", "grammar"),
    (("first", "at", "all"), 1, "of", "The phrase is 'first of all'.", "grammar"),
    (("good", "in", "swimming"), 1, "at", "You are 'good at' something.", "word choice"),
    (("good", "on", "it"), 1, "at", "You are 'good at' something.", "word choice"),
    (("hearing", "for", "you"), 1, "from", "You hear 'from' someone.", "grammar"),
    (
        ("would", "be", "appreciate"),
        1,
        "",
        "Say 'I would appreciate ...', without 'be'.",
        "grammar",
    ),
    (("would", "rather", "prefer"), 1, "", "Say 'would prefer' or 'would rather'.", "grammar"),
    (
        ("the", "modern", "technology"),
        0,
        "",
        "When you mean technology in general, leave out 'the'.",
        "grammar",
    ),
    (("take", "part", "on"), 2, "in", "You take part 'in' something.", "grammar"),
    (("take", "part", "at"), 2, "in", "You take part 'in' something.", "grammar"),
    (("took", "part", "on"), 2, "in", "You take part 'in' something.", "grammar"),
    (("took", "part", "at"), 2, "in", "You take part 'in' something.", "grammar"),
    (("taking", "part", "on"), 2, "in", "You take part 'in' something.", "grammar"),
    (("participate", "on"), 1, "in", "You participate 'in' something.", "grammar"),
    (("participate", "at"), 1, "in", "You participate 'in' something.", "grammar"),
    (("participated", "on"), 1, "in", "You participate 'in' something.", "grammar"),
    (("participated", "at"), 1, "in", "You participate 'in' something.", "grammar"),
    (("in", "the", "same", "time"), 0, "at", "The phrase is 'at the same time'.", "grammar"),
    (("on", "the", "same", "time"), 0, "at", "The phrase is 'at the same time'.", "grammar"),
    (("in", "the", "other", "side"), 0, "on", "The phrase is 'on the other side'.", "grammar"),
    (("in", "the", "end", "of"), 0, "at", "The phrase is 'at the end of'.", "grammar"),
    (("on", "the", "end"), 0, "in", "Say 'in the end' (finally) or 'at the end of'.", "grammar"),
    (("complain", "for"), 1, "about", "You complain 'about' something.", "grammar"),
    (("complained", "for"), 1, "about", "You complain 'about' something.", "grammar"),
    (("complaining", "for"), 1, "about", "You complain 'about' something.", "grammar"),
    (("related", "with"), 1, "to", "The phrase is 'related to'.", "word choice"),
    (("impressed", "from"), 1, "by", "You are 'impressed by' something.", "word choice"),
    (("responsible", "about"), 1, "for", "You are 'responsible for' something.", "word choice"),
    (("some", "times"), None, "sometimes", "'Sometimes' (now and then) is one word.", "spelling"),
    (("some", "body"), None, "somebody", "'Somebody' is one word.", "spelling"),
    (("every", "body"), None, "everybody", "'Everybody' is one word.", "spelling"),
    (("any", "body"), None, "anybody", "'Anybody' is one word.", "spelling"),
    (("some", "one"), None, "someone", "'Someone' is one word.", "spelling"),
    (("with", "out"), None, "without", "'Without' is one word.", "spelling"),
    (("in", "stead"), None, "instead", "'Instead' is one word.", "spelling"),
)

# The wrong preposition in a set phrase (rule id 'preposition-phrase'):
# words -> (index of the wrong preposition, right one, the right phrase)
PREPOSITION_PHRASES: dict[tuple[str, ...], tuple[int, str, str]] = {
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

# Single words that are always wrong this way (rule ids 'word-form:...'):
# word -> (replacement, category, message)
WORD_FIXES: dict[str, tuple[str, str, str]] = {
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

SOME_TIMES_NOT_BEFORE = frozenset(
    {"a", "the", "when", "in", "of", "i", "we", "per", "more", "before", "that", "than"}
)
_SEASONS = frozenset({"summer", "winter", "spring", "autumn"})


def _after(toks: list[Token], end: int) -> str:
    return toks[end].lower if end < len(toks) else "."


def _not_some_one_of(toks: list[Token], i: int, end: int) -> bool:
    return _after(toks, end) != "of"  # 'some one of them'


def _not_some_times(toks: list[Token], i: int, end: int) -> bool:
    return _after(toks, end) not in SOME_TIMES_NOT_BEFORE  # 'some times a year'


def _arrive_at_place(toks: list[Token], i: int, end: int) -> bool:
    # 'arrived to London', 'arrive to the station'; not 'arrived to help'
    return end < len(toks) and (
        toks[end].text[:1].isupper() or toks[end].lower in PLACE_DETERMINERS
    )


def _season_alone(toks: list[Token], i: int, end: int) -> bool:
    return not (end < len(toks) and toks[end].is_word)  # 'on summer evenings'


def _lower_im(toks: list[Token], i: int, end: int) -> bool:
    return toks[i].text in {"im", "Im"}  # not 'IM' (instant messaging)


def _fixed(rows: tuple[Row, ...]) -> list[PhraseFix]:
    return [PhraseFix(w, m, r, msg, c, "phrase:" + "-".join(w)) for w, m, r, msg, c in rows]


def _learner(rows: tuple[Row, ...]) -> list[PhraseFix]:
    out = []
    for w, m, r, msg, c in rows:
        context: Context | None = None
        if w == ("some", "one"):
            context = _not_some_one_of
        elif w == ("some", "times"):
            context = _not_some_times
        elif m is not None and w[0].startswith("arriv"):
            context = _arrive_at_place
        out.append(PhraseFix(w, m, r, msg, c, "phrase2:" + "-".join(w), m is None, context))
    return out


def _prepositions(table: dict[tuple[str, ...], tuple[int, str, str]]) -> list[PhraseFix]:
    return [
        PhraseFix(
            w,
            k,
            right,
            f"Say '{phrase}'.",
            "grammar",
            "preposition-phrase",
            context=_season_alone if w[-1] in _SEASONS else None,
        )
        for w, (k, right, phrase) in table.items()
    ]


def _words(table: dict[str, tuple[str, str, str]]) -> list[PhraseFix]:
    return [
        PhraseFix((w,), 0, r, msg, c, "word-form:" + w, context=_lower_im if w == "im" else None)
        for w, (r, c, msg) in table.items()
    ]


PHRASES: tuple[PhraseFix, ...] = (
    *_fixed(FIXED_PHRASES),
    *_learner(LEARNER_PHRASES),
    *_prepositions(PREPOSITION_PHRASES),
    *_words(WORD_FIXES),
)
