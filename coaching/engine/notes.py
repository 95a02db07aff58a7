"""The Note record shared by every checker, and merging of overlapping notes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    start: int
    end: int
    category: str
    message: str
    suggestions: tuple[str, ...] = ()
    rule: str = ""
    priority: int = 0  # higher wins when two notes overlap
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "rule": self.rule,
        }


def merge_notes(notes: list[Note]) -> list[Note]:
    """Sort by start and drop notes overlapping a higher-priority one (ties: earlier,
    then shorter). Empty spans (start == end) overlap what contains their point."""
    ranked = sorted(notes, key=lambda n: (-n.priority, n.start, n.end - n.start, n.rule, n.message))
    kept: list[Note] = []
    for note in ranked:
        if any(_overlap(note, k) for k in kept):
            continue
        kept.append(note)
    kept.sort(key=lambda n: (n.start, n.end, n.rule))
    return kept


def _overlap(a: Note, b: Note) -> bool:
    a_end = max(a.end, a.start + 1)
    b_end = max(b.end, b.start + 1)
    return a.start < b_end and b.start < a_end
