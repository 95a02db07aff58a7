"""Which of Harper's rules the engine uses, and how Harper's findings become notes.

Harper itself runs in Node through Automattic's harper.js (``harper_js.py``); this module
holds the choices, which were made by measuring each rule's precision on learner essays
(``scripts/bench/rule_stats.py``).
"""

from __future__ import annotations

import re
from typing import Any

from .notes import Note

KIND_CATEGORY = {
    "Spelling": "spelling",
    "Typo": "spelling",
    "Capitalization": "punctuation",
    "Punctuation": "punctuation",
    "Formatting": "punctuation",
    "Agreement": "grammar",
    "Grammar": "grammar",
    "BoundaryError": "grammar",
    "Repetition": "grammar",
    "Miscellaneous": "grammar",
    "WordChoice": "word choice",
    "Eggcorn": "word choice",
    "Malapropism": "word choice",
    "Usage": "word choice",
    "Nonstandard": "word choice",
    "Regionalism": "word choice",
    "Redundancy": "style",
    "Enhancement": "style",
    "Style": "style",
    "Readability": "clarity",
}

# Rules switched off. Style preferences first; then rules whose notes were right less than
# about 45 in 100 times on learner essays (measured on the FCE training split with
# scripts/bench/rule_stats.py; only this on/off choice was made from the measurement).
STYLE_RULES = frozenset(
    {
        "AmInTheMorning",
        "Dashes",
        "ExpandTimeShorthands",
        "Holidays",
        "Spaces",
        "UseTitleCase",
        "VerbToAdjective",
        "WordPressDotcom",
    }
)
IMPRECISE_RULES = frozenset(
    {
        "AllowTo",
        "AvoidAndAlso",
        "AvoidContractions",
        "AvoidCurses",
        "AwareOf",
        "BoringWords",
        "CondenseAllThe",
        "CurrencyPlacement",
        "DiscourseMarkers",
        "EllipsisLength",
        "Excellent",
        "FindOut",
        "Freezing",
        "HowTo",
        "InTimeFromNow",
        "LongSentences",
        "LongTimeAgo",
        "LookForwardTo",
        "Lots",
        "MergeWords",
        "MissingPreposition",
        "MissingTo",
        "ModalBeAdjective",
        "MoreAdjective",
        "NoOxfordComma",
        "NumericRangeEnDash",
        "OkToOkay",
        "OrthographicConsistency",
        "OxfordComma",
        "ProgressiveNeedsBe",
        "PronounKnew",
        "QuantifierNumeralConflict",
        "RedundantThat",
        "Regionalisms",
        "RepeatedWords",
        "SinceDuration",
        "SpelledNumbers",
        "Starving",
        "ThereIsAgreement",
        "ThereToTheir",
        "Therein",
        "ThisTypeOfThing",
        "ToTooIdioms",
        "UnclosedQuotes",
        "UseEllipsisCharacter",
        "WouldNeverHave",
        "YourPredicateAdjective",
    }
)
DISABLED_RULES = STYLE_RULES | IMPRECISE_RULES
# Off by default in Harper, but right more often than not on learner essays.
ENABLED_RULES = frozenset({"PossessiveNoun"})

# The rules the engine runs: those that made at least one note (after the choices above) on
# the 2,116 learner essays of the FCE training split. Harper has ~880 rules, most of them
# fixed phrases that learners' essays never meet; in Node's wasm each costs time on every
# essay, so the rest are not run (Harper on a 600-word essay: ~300 ms -> ~110 ms).
USED_RULES = frozenset(
    {
        "AWhile",
        "AdjectiveDoubleDegree",
        "AfterAll",
        "AnA",
        "AnAnother",
        "AndIn",
        "Anywhere",
        "ArriveTo",
        "AsFollows",
        "AskNoPreposition",
        "AtLestToLeast",
        "BehindTheScenes",
        "ByOnesOwn",
        "CallThem",
        "Cant",
        "CapitalizePersonalPronouns",
        "CommaFixes",
        "ComplainAsNoun",
        "CompoundNouns",
        "CompoundSubjectI",
        "CorrectNumberSuffix",
        "DayOneNames",
        "Desktop",
        "DespiteItIs",
        "DidPast",
        "Discuss",
        "DisjointPrefixes",
        "DotInitialisms",
        "DoubleModal",
        "DoubleNegative",
        "ElsePossessive",
        "EveryTime",
        "Everyday",
        "Everyone",
        "Everywhere",
        "ExceptOf",
        "ExitedExcitedContext",
        "ExpandDirectory",
        "ExpandMinimum",
        "FascinatedBy",
        "FewUnitsOfTimeAgo",
        "FillerWords",
        "FindFine",
        "ForNoun",
        "ForTheNthTime",
        "FriendOfMe",
        "Furthermore",
        "GoingTo",
        "GoodAt",
        "HaveTakeALook",
        "HopHope",
        "HowItLooksLike",
        "However",
        "HyphenateNumberDay",
        "Impressed",
        "InAnyWay",
        "InflectedVerbAfterTo",
        "Insofar",
        "InterestedIn",
        "ItsContraction",
        "ItsPossessive",
        "Itself",
        "Laptop",
        "LastButNotLeast",
        "LaughOfAt",
        "LeftRightHand",
        "LetsConfusion",
        "LitotesDirectPositive",
        "LookingForwardTo",
        "MakeupCompoundNoun",
        "MassNouns",
        "Months",
        "MostOfTheTimes",
        "MultipleSequentialPronouns",
        "Myself",
        "NoLongerPronoun",
        "NominalWants",
        "NorModalPronoun",
        "NotOnlyInversion",
        "NounVerbConfusion",
        "Nowadays",
        "Nowhere",
        "NumberSuffixCapitalization",
        "OfCourse",
        "OnFloor",
        "OneOfTheSingular",
        "OpenCompounds",
        "OutOfDate",
        "PayForPrice",
        "Payed",
        "PleasRequestVerb",
        "PluralDecades",
        "PossessiveNoun",
        "PossessiveYour",
        "PronounInflectionBe",
        "PronounVerbAgreement",
        "QuiteMany",
        "QuiteQuiet",
        "RedundantSuperlatives",
        "RegularIrregulars",
        "RelayOnForRely",
        "SeamToSeem",
        "SentenceCapitalization",
        "SimplePastToPastParticiple",
        "SingleBe",
        "Someone",
        "Somewhere",
        "SpellCheck",
        "SplitWords",
        "TakeMedicine",
        "ThatThan",
        "ThatThis",
        "ThatWhich",
        "TheAnother",
        "TheHowWhy",
        "TheLastDays",
        "TheMy",
        "TheProperNounPossessive",
        "TheirToThere",
        "ThenThan",
        "There",
        "ThereAfterCompound",
        "ThesesThese",
        "TheyToThem",
        "ThingThink",
        "ThoughThought",
        "ToAdverb",
        "ToTo",
        "ToTwoToo",
        "Touristic",
        "TransposedSpace",
        "UpdatePlaceNames",
        "UseToUsedTo",
        "WaistWaste",
        "WayTooAdjective",
        "WereWhere",
        "WillNonLemma",
        "WinPrize",
        "Worldwide",
        "WorseOrWorst",
        "WorthToDo",
        "WrongNegative",
        "Yourself",
    }
)

RULE_MESSAGES = {
    "SpellCheck": "This word looks misspelled.",
    "CapitalizePersonalPronouns": "Write 'I' as a capital letter.",
    "RepeatedWords": "The same word is written twice in a row.",
    "AnA": "Use 'a' before a consonant sound and 'an' before a vowel sound.",
    "AdjectiveDoubleDegree": "Use either 'more' or the '-er' form, not both.",
    "ThenThan": "Use 'than' to compare things; 'then' is about time.",
    "TheirToThere": "Check 'their' (belongs to them) and 'there' (a place, or 'there is').",
    "PossessiveNoun": (
        "Add an apostrophe to show who something belongs to: one student's book, "
        "two students' books."
    ),
}

_TICKS = re.compile(r"`([^`]*)`")


def plain_message(rule: str, message: str) -> str:
    if rule in RULE_MESSAGES:
        return RULE_MESSAGES[rule]
    msg = _TICKS.sub(r"'\1'", message).strip()
    return msg or "Check this part."


def harper_notes(findings: list[dict[str, Any]], allowed: frozenset[str] | None) -> list[Note]:
    notes = []
    for f in findings:
        rule = f["rule"]
        if rule in DISABLED_RULES or (allowed is not None and rule not in allowed):
            continue
        category = KIND_CATEGORY.get(f["kind"], "grammar")
        sugg = tuple(s for s in f["suggestions"][:3])
        if rule == "PossessiveNoun":
            sugg = _possessive_forms(f["problem"], sugg)
        notes.append(
            Note(
                start=f["start"],
                end=f["end"],
                category=category,
                message=plain_message(rule, f["message"]),
                suggestions=sugg,
                rule="harper:" + rule,
                priority=1,
            )
        )
    return notes


def _possessive_forms(word: str, suggestions: tuple[str, ...]) -> tuple[str, ...]:
    """Harper offers only "student's" for "students problem"; the writer may mean several
    students, so offer the plural possessive too and let them choose."""
    if word.endswith("s") and not word.endswith("'s") and len(word) > 2:
        plural = word + "'"
        return tuple(dict.fromkeys((*suggestions[:1], plural)))
    return suggestions
