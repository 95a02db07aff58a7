"""Shape the engine's data for templates: plain functions, no queries, no HTML."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from coaching.engine.text import split_paragraphs

# The categories the rubric's conventions criterion counts as "marked mistakes"
# (coaching/engine/scoring.py); other notes are suggestions on style and wording.
MISTAKE_CATEGORIES = ("spelling", "grammar", "punctuation")


@dataclass
class Segment:
    text: str
    note: int | None = None  # 1-based number of the note this mark shows
    category: str = ""
    also: list[int] = field(default_factory=list)  # overlapping notes shown on the same mark


@dataclass
class Paragraph:
    segments: list[Segment] = field(default_factory=list)


def annotated_paragraphs(text: str, annotations: list[dict[str, Any]]) -> list[Paragraph]:
    """Split the text into paragraphs of plain and marked segments.

    Paragraphs are the engine's (blank lines, or single line breaks in a text without
    blank lines), so the counts on the page agree with the overview. A note that
    overlaps an earlier mark is shown on that mark ("3, 4"), so every note in the list
    has a number in the text, and the text is still shown exactly once, in order.
    """
    marks: list[Segment] = []
    spans: list[tuple[int, int]] = []
    for number, note in enumerate(annotations, start=1):
        start, end = int(note["start"]), int(note["end"])
        if start < 0 or end > len(text) or end < start:
            continue
        if end == start:  # an insertion point: mark the character before it, if any
            if start == 0:
                continue
            start -= 1
        if spans and start < spans[-1][1]:
            marks[-1].also.append(number)
            continue
        marks.append(Segment("", number, str(note.get("category", ""))))
        spans.append((start, end))
    paragraphs: list[Paragraph] = []
    cursor = 0
    consumed = 0  # text before this is shown already (a mark can run past a break)
    for p_start, p_end in split_paragraphs(text):
        paragraph = Paragraph()
        position = max(p_start, consumed)
        # a mark that runs over a paragraph break stays whole, in the paragraph it starts in
        while cursor < len(marks) and spans[cursor][0] < p_end:
            start, end = spans[cursor]
            start = max(start, position)
            if start > position:
                paragraph.segments.append(Segment(text[position:start]))
            mark = marks[cursor]
            mark.text = text[start:end]
            paragraph.segments.append(mark)
            position = max(position, end)
            cursor += 1
        if position < p_end:
            paragraph.segments.append(Segment(text[position:p_end]))
        consumed = max(position, p_end)
        if any(s.text.strip() for s in paragraph.segments):
            paragraphs.append(paragraph)
    return paragraphs


def note_quote(text: str, note: dict[str, Any], *, limit: int = 60) -> str:
    """The words a note is about, as the list quotes them ("‸" marks a missing word)."""
    start, end = int(note["start"]), int(note["end"])
    if start < 0 or end > len(text) or end < start:
        return ""
    if end == start:
        before = text[max(0, start - 30) : start].rstrip().split()
        after = text[start : start + 30].lstrip().split()
        return " ".join([*before[-1:], "‸", *after[:1]])
    quote = " ".join(text[start:end].split())
    return quote if len(quote) <= limit else quote[: limit - 1].rstrip() + "…"


def notes_for_list(text: str, annotations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**note, "quote": note_quote(text, note)} for note in annotations]


def note_counts(annotations: list[dict[str, Any]]) -> dict[str, int]:
    """How many notes, and how many of them the rubric counts as marked mistakes."""
    mistakes = sum(1 for n in annotations if n.get("category") in MISTAKE_CATEGORIES)
    return {"total": len(annotations), "mistakes": mistakes, "other": len(annotations) - mistakes}


@dataclass
class DiffPiece:
    kind: str  # "same", "added", "removed"
    text: str


PARAGRAPH_MARK = "¶"
BREAK = "\n"  # a paragraph break among the words being compared
# Above this many token pairs a block is compared with SequenceMatcher's junk heuristic
# (fast, coarser); a 5,000-word revision pair stays well under a second either way.
EXACT_DIFF_BUDGET = 4_000_000


def _paragraph_texts(text: str) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in split_paragraphs(text)]


def _diff_tokens(a: list[str], b: list[str]) -> list[tuple[str, list[str]]]:
    """Opcodes over two token lists as (kind, tokens); common ends are peeled off first
    so that a small edit in a long text costs little."""
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    out: list[tuple[str, list[str]]] = []
    if head:
        out.append(("same", a[:head]))
    if mid_a or mid_b:
        exact = len(mid_a) * len(mid_b) <= EXACT_DIFF_BUDGET
        matcher = difflib.SequenceMatcher(a=mid_a, b=mid_b, autojunk=not exact)
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op == "equal":
                out.append(("same", mid_a[a0:a1]))
                continue
            if op in ("delete", "replace"):
                out.append(("removed", mid_a[a0:a1]))
            if op in ("insert", "replace"):
                out.append(("added", mid_b[b0:b1]))
    if tail:
        out.append(("same", a[len(a) - tail :]))
    return out


def word_diff(old: str, new: str) -> list[list[DiffPiece]]:
    """A word-level diff as running text, paragraph by paragraph.

    Paragraphs are matched first (an unchanged paragraph costs one comparison), then
    words within the changed stretches. A paragraph break that was removed shows as a
    struck-through ¶; one that was added starts a new paragraph, and an added ¶ marks
    it when a paragraph was split (not when new text follows).
    """
    old_paras, new_paras = _paragraph_texts(old), _paragraph_texts(new)
    paragraphs: list[list[DiffPiece]] = [[]]
    split_pending = False  # an added break: a ¶ shows it if the text goes on unchanged

    def add(kind: str, words: list[str]) -> None:
        nonlocal split_pending
        if not words:
            return
        if split_pending and len(paragraphs) > 1:
            if kind == "same" and paragraphs[-2]:
                paragraphs[-2].append(DiffPiece("added", PARAGRAPH_MARK))
            split_pending = False
        current = paragraphs[-1]
        if current and current[-1].kind == kind:
            current[-1].text += " " + " ".join(words)
        else:
            current.append(DiffPiece(kind, " ".join(words)))

    def new_paragraph() -> None:
        if paragraphs[-1]:
            paragraphs.append([])

    def emit(opcodes: list[tuple[str, list[str]]]) -> None:
        nonlocal split_pending
        for kind, tokens in opcodes:
            run: list[str] = []
            for word in tokens:
                if word != BREAK:
                    run.append(word)
                    continue
                add(kind, run)
                run = []
                if kind == "removed":
                    add("removed", [PARAGRAPH_MARK])
                else:
                    new_paragraph()
                    split_pending = kind == "added"
            add(kind, run)

    blocks = difflib.SequenceMatcher(a=old_paras, b=new_paras, autojunk=False)
    for op, a0, a1, b0, b1 in blocks.get_opcodes():
        if op == "equal":
            for text in old_paras[a0:a1]:
                new_paragraph()
                add("same", text.split())
            continue
        # Changed stretch: words of both sides with paragraph breaks as tokens. Paragraphs
        # edited in place are compared pair by pair (cheaper, and it reads better).
        if a1 - a0 == b1 - b0:
            stretches = [([i], [j]) for i, j in zip(range(a0, a1), range(b0, b1), strict=True)]
        else:
            stretches = [(list(range(a0, a1)), list(range(b0, b1)))]
        for a_paras, b_paras in stretches:
            a_tokens = [t for i in a_paras for t in [*old_paras[i].split(), BREAK]]
            b_tokens = [t for j in b_paras for t in [*new_paras[j].split(), BREAK]]
            new_paragraph()
            emit(_diff_tokens(a_tokens, b_tokens))
    return [p for p in paragraphs if p]


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
