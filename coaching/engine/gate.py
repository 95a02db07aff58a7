"""The per-kind gate: which kinds of note may show, measured on clean text.

Every kind of note (a hand-written rule id, a Harper rule, a language-model confusion kind)
is counted on the clean essays of our own (``tests/engine/clean_essays/tune``: proofread,
so every note is a false alarm) and, for precision, on the FCE training split. A kind that
still fires on clean text more than rarely (after the guards in ``trust.py``) does not show:
its notes are dropped before the student sees them. The table records each decision with
the figures it rests on; ``scripts/bench/gate_stats.py`` produces them again.

Others adding a rule: run ``scripts/bench/false_alarms.py`` (clean-set false alarms per
kind) and ``scripts/bench/gate_stats.py --fce`` (precision on FCE train); add a row here if
the new kind fires on the clean set.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KindGate:
    kind: str  # a rule id, or a prefix ending in ':' for a family
    clean_fires: int  # notes on the tuning half of the clean set (5,835 words) before gating
    fce_tokens: int  # tokens the kind marked on FCE train (2,116 essays)
    fce_precision: float  # share of those tokens that FCE's examiners marked as errors
    show: bool
    why: str


# "rarely": at most one note on the tuning half (about 0.17 per 1,000 words) when the kind is
# precise on learners' essays (FCE train precision >= 0.8); kinds less precise than that
# may not fire at all on clean text.
TABLE: tuple[KindGate, ...] = ()

HIDDEN: frozenset[str] = frozenset(g.kind for g in TABLE if not g.show)
_HIDDEN_PREFIXES = tuple(k for k in HIDDEN if k.endswith(":"))


def shown(rule: str) -> bool:
    """May a note of this kind reach the student?"""
    return rule not in HIDDEN and not (_HIDDEN_PREFIXES and rule.startswith(_HIDDEN_PREFIXES))
