"""A ranking set of our own: prompts, essays from excellent to very weak, gaming attempts,
and the order a teacher would put them in (see README.md).

Every essay here was written for this set; none comes from a corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

# the teacher's order of the genuine attempts (1 = best); gaming attempts share last place
GENUINE = ("excellent", "good", "fair", "weak", "very_weak")
GAMING_KINDS = (
    "transition_stuffing",
    "off_topic_middle",
    "copied_prompt",
    "rare_words",
    "different_prompt",
)


@dataclass(frozen=True)
class RankedEssay:
    name: str
    text: str
    teacher_rank: float  # 1 = best; ties share the mean of their places
    gaming: str = ""  # one of GAMING_KINDS, or "" for a genuine attempt


@dataclass(frozen=True)
class RankingSet:
    key: str
    prompt: str
    held_out: bool  # kept out of tuning: report separately
    essays: tuple[RankedEssay, ...]


# prompt folder -> (held out?, gaming attempts: file name or "folder/file" borrowed from
# another prompt, and what kind of gaming it is)
_PLAN: dict[str, tuple[bool, tuple[tuple[str, str], ...]]] = {
    "tablets": (
        False,
        (("gaming_stuffing", "transition_stuffing"), ("chores/excellent", "different_prompt")),
    ),
    "chores": (
        False,
        (("gaming_sandwich", "off_topic_middle"), ("gaming_rare_words", "rare_words")),
    ),
    "city": (False, (("gaming_copied_prompt", "copied_prompt"),)),
    "homework": (False, (("gaming_different_prompt", "different_prompt"),)),
    "parttime": (
        True,
        (("gaming_copied_prompt", "copied_prompt"), ("gaming_rare_words", "rare_words")),
    ),
    "zoos": (
        True,
        (
            ("gaming_stuffing", "transition_stuffing"),
            ("gaming_sandwich", "off_topic_middle"),
            ("tablets/excellent", "different_prompt"),
        ),
    ),
    # written after the engine's levels were frozen, to check them on essays never seen
    "schoolday": (True, (("gaming_stuffing", "transition_stuffing"),)),
}


def _read(folder: str, name: str) -> str:
    if "/" in name:
        folder, name = name.split("/", 1)
    return (HERE / folder / f"{name}.txt").read_text("utf-8").strip()


def load() -> list[RankingSet]:
    sets = []
    for key, (held_out, gaming) in _PLAN.items():
        essays = [
            RankedEssay(name, _read(key, name), float(i + 1)) for i, name in enumerate(GENUINE)
        ]
        last = len(GENUINE) + (len(gaming) + 1) / 2  # gaming attempts tie for last place
        essays += [RankedEssay(name, _read(key, name), last, kind) for name, kind in gaming]
        sets.append(RankingSet(key, _read(key, "prompt"), held_out, tuple(essays)))
    return sets


def ranks(values: list[float]) -> list[float]:
    """1-based ranks (1 = largest value); ties share the mean of their places."""
    order = sorted(range(len(values)), key=lambda i: -values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rho of two rankings (Pearson on the ranks, so ties are handled)."""
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    va = sum((x - ma) ** 2 for x in a) ** 0.5
    vb = sum((y - mb) ** 2 for y in b) ** 0.5
    return cov / (va * vb) if va and vb else 0.0
