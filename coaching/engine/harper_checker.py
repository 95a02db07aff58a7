"""Harper (Automattic's offline grammar checker, via harper-py) behind a quiet wrapper.

Harper's native code can print debug lines on the process's stdout; every call into it
runs with file descriptor 1 pointed at /dev/null, so a worker's stdout (or a
``coach batch --out -`` stream) stays clean. Python-level writes are flushed first.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from .notes import Note

_FD_LOCK = threading.Lock()


@contextmanager
def quiet_stdout() -> Iterator[None]:
    """Point fd 1 at /dev/null for the duration (process-wide)."""
    with _FD_LOCK:
        with suppress(Exception):
            sys.stdout.flush()
        try:
            saved = os.dup(1)
        except OSError:
            yield
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)


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


class HarperChecker:
    """One Harper linter, built once (about half a second)."""

    def __init__(self, dialect: str = "british") -> None:
        from harper import Dialect, Language, Linter

        self._language = Language.PLAINTEXT
        self._all: Any = None
        d = {"british": Dialect.BRITISH, "american": Dialect.AMERICAN}.get(dialect, Dialect.BRITISH)
        with quiet_stdout():
            self._linter = Linter(d)
            config: dict[str, bool | None] = {name: None for name in self._linter.get_lint_config()}
            for name in DISABLED_RULES:
                if name in config:
                    config[name] = False
            for name in ENABLED_RULES:
                if name in config:
                    config[name] = True
            self._linter.set_lint_config(config)

    def lint(self, text: str) -> list[dict[str, Any]]:
        """Raw findings: dicts with rule, kind, start, end, problem, message, suggestions."""
        return self._lint(self._linter, text)

    def lint_all(self, text: str) -> list[dict[str, Any]]:
        """Findings of every Harper rule, the disabled ones included (for measurement)."""
        if self._all is None:
            from harper import Linter

            with quiet_stdout():
                self._all = Linter(self._linter.dialect)
                self._all.set_lint_config({k: True for k in self._all.get_lint_config()})
        return self._lint(self._all, text)

    def _lint(self, linter: Any, text: str) -> list[dict[str, Any]]:
        with quiet_stdout():
            organized = linter.organized_lints(text, language=self._language)
        out: list[dict[str, Any]] = []
        for rule in sorted(organized):
            for lint in organized[rule]:
                out.append(
                    {
                        "rule": rule,
                        "kind": lint.lint_kind,
                        "start": lint.span.start,
                        "end": lint.span.end,
                        "problem": lint.problem_text,
                        "message": lint.message,
                        "suggestions": [s.replacement_text for s in lint.suggestions],
                    }
                )
        out.sort(key=lambda d: (d["start"], d["end"], d["rule"]))
        return out

    def is_likely_english(self, text: str) -> bool:
        with quiet_stdout():
            return bool(self._linter.is_likely_english(text))


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
