"""The clean-text set (``clean_essays/``): loading it and counting the engine's notes on it.

Every note on these proofread essays is a false alarm. Used by
``tests/engine/test_clean_essays.py`` (the gate) and ``scripts/bench/false_alarms.py`` (the
figures). The ``fresh`` half was written blind, after the other two had been looked at, and
is gated since its notes were read, and so are ``blind`` to ``blind7``; ``blind8`` and
``blind9`` (written, like each blind half, by someone who had never seen the engine) have
been measured and read but are over the budget, so they are reported, not gated (see
clean_essays/README.md).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "clean_essays"
HALVES = (
    "tune", "heldout", "fresh", "blind", "blind2", "blind3", "blind4", "blind5", "blind6",
    "blind7", "blind8", "blind9", "blind10",
)  # fmt: skip
# the halves the gate test holds to a ceiling. "fresh" was reported only until its false
# alarms had been read (2026-12-07: 1.76 per 1,000 words, six general classes, fixed in
# engine 0.5.3); it is gated since, and a new blind half takes its place: "blind" (39-50,
# written by someone who had not seen the engine) is only reported, never gated or tuned on,
# and so is "blind2" (51-62, new genres, by another engine-blind author). 2026-12-07 (engine
# 0.6.2): "blind" is gated too (its notes were read after its first measure), and "blind3"
# (63-74, a third engine-blind author) is a half that is only reported. 2026-12-08: "blind4"
# (75-86, twelve new genres, a fourth engine-blind author) is only reported too, and so is
# "blind5" (87-98, twelve more new genres, a fifth engine-blind author), and "blind6" (99-110,
# twelve more, a sixth engine-blind author; its files are numbered past 99, so read the number
# before the first underscore, not the first two characters).
# 2026-12-08 (engine 0.7.0): each of blind2-blind6 was measured once blind (blind2 and
# blind3 at 0.6.3: 0.53 and 0.86 per 1,000 words; blind4 at 0.7.0's first rules: 2.21;
# blind5 at the second: 0.63 declared, 1.00 in auto mode; blind6 at the third: 1.84) and then
# read. blind2, blind3 and blind5 are within the budget and gated; blind4 (1.84, American
# 3.46: one environmental field report's terms) and blind6 (1.84, all SpellCheck on rare
# real words and quoted coinages) are over it and stay reported rather than gated with a
# raised ceiling.
# 2026-12-08 (engine 0.7.1): "blind7" (111-122, twelve more new genres, a seventh
# engine-blind author) was measured once blind (1.81 per 1,000 words, British 2.69, at 0.7.0
# and at 0.7.1's first spelling change alike), then read; 0.7.1's classes (a dictionary's
# rare words and built words, inline numbered lists, 'that' before a time noun, 'its' before
# an '-ing' subject, subject lines) bring it to 0.72 and blind4 to 0.61 (American 0.99): both
# gated since, and so is blind6 (0.73, British 0.98). "blind8" (123-134, an eighth
# engine-blind author) was measured once blind at 0.7.1 before its last classes (4.24 per
# 1,000 words, American 7.27: a tide-pool notebook's 'quadrat' nine times and its species
# names, an Ethiopian restaurant review's dishes), then read: scientific names, terms the
# essay keeps using and 'ochre' bring it to 1.21 (American 2.18: the dishes, 'zonation',
# 'cocker', 'aeroelastic'), still over the budget, so reported, not gated. "blind9" (135-146,
# a ninth engine-blind author) measured 1.93 once at 0.7.1 (British 3.60: a geology
# write-up), was read, and stands at 0.72 (British 1.20: 'clasts', 'orogeny', 'pierogi',
# 'mehndi'): over the budget, reported, not gated. "blind10" (147-158, a tenth engine-blind
# author) was measured once at 0.7.1's last commit (3.16, British 5.81) and not read: the
# next round reads it.
GATED = (
    "tune", "heldout", "fresh", "blind", "blind2", "blind3", "blind4", "blind5", "blind6",
    "blind7",
)  # fmt: skip
# the budget the issue sets: false alarms per 1,000 words, per variety and half
BUDGET_PER_1000 = 1.0
# The held-out half's first measurement (2026-12-01, after tuning on tune/): 3.44 per 1,000
# (British 5.49, American 1.38). Three general faults it showed were then fixed (units after
# numbers, possessive names, names used inside sentences); it now stands at 1.20 (British
# 1.37, American 1.04), over the budget. It is kept from getting worse, not tuned to pass:
# lower this ceiling to the budget only with fixes found on tune/. 2026-12-07: its seven
# false alarms fell into five general classes, each shown again on new tune/ essays (37,
# 38); four were fixed there and it now stands at 0.17 (one rare real word, 'swamper', the
# class left: see coaching/engine/README.md, version 0.5.1), so the ceiling is the budget.
HELDOUT_CEILING_PER_1000 = BUDGET_PER_1000


def ceiling(half: str) -> float:
    return BUDGET_PER_1000 if half == "tune" else HELDOUT_CEILING_PER_1000


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class CleanEssay:
    name: str
    half: str
    variety: str
    genre: str
    text: str

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def load(half: str | None = None) -> list[CleanEssay]:
    out = []
    for h in HALVES if half is None else (half,):
        for path in sorted((HERE / h).glob("*.txt")):
            head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
            meta = dict(
                (k.strip(), v.strip())
                for k, _, v in (line.partition(":") for line in head.splitlines())
            )
            out.append(CleanEssay(path.stem, h, meta["variety"], meta["genre"], body.strip()))
    return out


@dataclass
class Tally:
    words: int = 0
    notes: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    @property
    def per_1000(self) -> float:
        return 1000 * self.notes / max(1, self.words)


def measure(engine: Any, essays: list[CleanEssay], spelling: str = "declared") -> dict[str, Tally]:
    """Notes on the essays, tallied per '<half>/<variety>' and 'all'. ``spelling``:
    'declared' gives the engine each essay's own variety, or 'auto'/'british'/'american'."""
    from coaching.engine import EssayInput

    tallies: dict[str, Tally] = {}
    for essay in essays:
        variety = essay.variety if spelling == "declared" else spelling
        result = engine.analyze(EssayInput(text=essay.text, spelling=variety))
        notes = result["notes"]["annotations"]
        for key in (f"{essay.half}/{essay.variety}", essay.half, "all"):
            t = tallies.setdefault(key, Tally())
            t.words += essay.words
            t.notes += len(notes)
            for n in notes:
                t.kinds[n["rule"]] += 1
                if key == "all":
                    around = essay.text[max(0, n["start"] - 30) : n["end"] + 30]
                    t.examples.append(
                        f"{essay.name}: {n['rule']} {essay.text[n['start'] : n['end']]!r} "
                        f"-> {n['suggestions'][:2]} ({around!r})"
                    )
    return tallies
