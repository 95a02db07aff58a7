"""Shape the engine's data for templates: plain functions, no queries, no HTML."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    text: str
    note: int | None = None  # 1-based note number for a marked segment
    category: str = ""


@dataclass
class Paragraph:
    segments: list[Segment] = field(default_factory=list)


def annotated_paragraphs(text: str, annotations: list[dict[str, Any]]) -> list[Paragraph]:
    """Split the text into paragraphs of plain and marked segments.

    Notes that overlap an earlier note are left out of the marks (they still appear in
    the list), so the text is always shown exactly once, in order.
    """
    marks: list[tuple[int, int, int, str]] = []
    last_end = 0
    for number, note in enumerate(annotations, start=1):
        start, end = int(note["start"]), int(note["end"])
        if start < last_end or start < 0 or end > len(text):
            continue
        if end == start:  # an insertion point: mark the character before it, if any
            if start == 0:
                continue
            start -= 1
        marks.append((start, end, number, str(note.get("category", ""))))
        last_end = end
    paragraphs: list[Paragraph] = [Paragraph()]
    position = 0

    def add_plain(chunk: str) -> None:
        parts = re.split(r"\n\s*\n", chunk)
        for i, part in enumerate(parts):
            if i > 0:
                paragraphs.append(Paragraph())
            if part:
                paragraphs[-1].segments.append(Segment(part))

    for start, end, number, category in marks:
        add_plain(text[position:start])
        paragraphs[-1].segments.append(Segment(text[start:end], number, category))
        position = end
    add_plain(text[position:])
    return [p for p in paragraphs if any(s.text.strip() for s in p.segments)]


@dataclass
class DiffPiece:
    kind: str  # "same", "added", "removed"
    text: str


def word_diff(old: str, new: str) -> list[DiffPiece]:
    """A word-level diff that keeps the original spacing and line breaks."""
    old_tokens = re.findall(r"\s+|[^\s]+", old)
    new_tokens = re.findall(r"\s+|[^\s]+", new)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    pieces: list[DiffPiece] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(DiffPiece("same", "".join(old_tokens[a0:a1])))
            continue
        if op in ("delete", "replace"):
            pieces.append(DiffPiece("removed", "".join(old_tokens[a0:a1])))
        if op in ("insert", "replace"):
            pieces.append(DiffPiece("added", "".join(new_tokens[b0:b1])))
    return pieces


def score_changes(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Per-criterion points before and after, matched by criterion name."""
    if not old or not new:
        return []
    before = {c["name"]: c for c in old.get("criteria", [])}
    rows = []
    for criterion in new.get("criteria", []):
        prior = before.get(criterion["name"])
        rows.append(
            {
                "name": criterion["name"],
                "before": prior["points"] if prior else None,
                "after": criterion["points"],
                "max": criterion.get("max_points"),
                "delta": criterion["points"] - prior["points"] if prior else None,
            }
        )
    return rows
