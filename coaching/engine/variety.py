"""Which spelling variety an essay is written in: British, American, or none shown.

An assignment asks for ``british``, ``american`` or ``auto``; in ``auto`` the engine follows
the student's own spelling, read from the words that are spelt differently in the two
varieties (colour/color, centre/center, travelled/traveled, grey/gray ...). The word pairs
come from ``breame`` (Apache-2.0: ~1,700 pairs each way); the exceptions below are written
by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

VARIETIES = ("british", "american")
CHOICES = ("auto", *VARIETIES)

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")

# American forms that are also right in British English in some sense (a computer program,
# the noun practice, to license, a gas meter, a draft of an essay, to tire ...), and -ize
# forms (Oxford spelling is British too): they never count as American.
_BOTH_VARIETIES = frozenset(
    {
        "program",
        "programs",
        "programed",
        "practice",
        "practices",
        "license",
        "licensed",
        "licenses",
        "licensing",
        "tire",
        "tires",
        "tired",
        "draft",
        "drafts",
        "drafty",
        "meter",
        "meters",
        "judgment",
        "judgments",
        "analog",
        "disk",
        "disks",
        "inquiry",
        "inquiries",
        "inquire",
        "check",
        "checks",
        "curb",
        "curbs",
        "story",
        "stories",
        "install",
        "installment",
        "fulfill",
        "enroll",
        "skillful",
        "dialog",
        "ax",
        "plow",
        "gram",
        "grams",
        "kilogram",
        "kilograms",
        "whiskey",
        # breame pairs these with archaic British forms ('connexion', 'reflexion')
        "connection",
        "connections",
        "reflection",
        "reflections",
        "inflection",
        "inflections",
    }
)
# British forms that American writers use as well: they never count as British.
_BRITISH_ALSO_AMERICAN = frozenset(
    {
        "dialogue",
        "dialogues",
        "monologue",
        "monologues",
        "prologue",
        "epilogue",
        "catalogue",
        "catalogues",
        "axe",
        "axes",
        "whisky",
        # breame pairs 'buses' with 'busses', but 'buses' is the usual American plural too
        "buses",
        "busing",
        # 'archaeology' is the usual American spelling too, and 'gases' the only plural
        # ('gasses' is the verb); breame lists both as British-only
        "archaeology",
        "archaeologist",
        "archaeologists",
        "archaeological",
        "gases",
        "cancellation",
        "cancellations",
    }
)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(American -> British, British -> American), lowercase."""
    from breame.data.spelling_constants import (
        AMERICAN_ENGLISH_SPELLINGS,
        BRITISH_ENGLISH_SPELLINGS,
    )

    us_uk = {
        us: uk
        for us, uk in AMERICAN_ENGLISH_SPELLINGS.items()
        if us not in _BOTH_VARIETIES and not _only_ize(us, uk) and us != uk
    }
    uk_us = {
        uk: us
        for uk, us in BRITISH_ENGLISH_SPELLINGS.items()
        if uk not in _BRITISH_ALSO_AMERICAN and us != uk and uk not in AMERICAN_ENGLISH_SPELLINGS
    }
    return us_uk, uk_us


def _only_ize(us: str, uk: str) -> bool:
    """organize/organise: -ize is British too (Oxford spelling)."""
    return "iz" in us and us.replace("iz", "is") == uk


def british_of(word: str) -> str | None:
    """The British spelling when ``word`` is an American one ('color' -> 'colour')."""
    return _tables()[0].get(word.lower().replace("’", "'"))


def american_of(word: str) -> str | None:
    """The American spelling when ``word`` is a British one ('colour' -> 'color')."""
    return _tables()[1].get(word.lower().replace("’", "'"))


def other_form(word: str, variety: str) -> str | None:
    """``word``'s spelling in ``variety`` when it is written in the other one."""
    return british_of(word) if variety == "british" else american_of(word)


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    word: str
    variety: str  # the variety this spelling belongs to
    other: str  # the same word in the other variety


@dataclass(frozen=True)
class Detection:
    markers: tuple[Marker, ...] = field(default=())

    def count(self, variety: str) -> int:
        return sum(1 for m in self.markers if m.variety == variety)

    @property
    def variety(self) -> str | None:
        """The variety most of the marked words are in; None when none is marked or both
        equally."""
        uk, us = self.count("british"), self.count("american")
        if uk == us:
            return None
        return "british" if uk > us else "american"

    @property
    def mixed(self) -> bool:
        return self.count("british") > 0 and self.count("american") > 0


def detect(text: str) -> Detection:
    us_uk, uk_us = _tables()
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        if w.isupper() and len(w) > 1:
            continue  # an acronym
        low = w.lower().replace("’", "'")
        if low in us_uk:
            out.append(Marker(m.start(), m.end(), w, "american", _case(w, us_uk[low])))
        elif low in uk_us:
            out.append(Marker(m.start(), m.end(), w, "british", _case(w, uk_us[low])))
    return Detection(tuple(out))


def _case(original: str, repl: str) -> str:
    return repl[:1].upper() + repl[1:] if original[:1].isupper() else repl


def resolve(requested: str | None, detection: Detection, fallback: str = "british") -> str:
    """The variety to check against: the one asked for, else the essay's own, else
    ``fallback`` (an essay with no marked word reads the same in both)."""
    if requested in VARIETIES:
        return requested
    return detection.variety or fallback
