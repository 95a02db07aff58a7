"""Reads for the teacher's marking pages: submissions, the review page, per-kind note
statistics and the released marking a student sees.

Who may see what is asked of essays.selectors before anything here is called.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Case,
    Count,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from coaching.models import (
    CommentBankEntry,
    NoteDecision,
    ReviewEvent,
    StageResult,
    TeacherComment,
    TeacherReview,
)
from coaching.review import criterion_choices
from essays.models import Assignment, Essay, Membership, Revision, User

# --- notes: stable keys and kinds --------------------------------------------------------


def note_kind(note: dict[str, Any]) -> str:
    """What the per-kind statistics count: the engine's rule id, else its category."""
    return str(note.get("rule") or note.get("category") or "note")[:80]


def note_key(note: dict[str, Any]) -> str:
    """A note's id within its revision: the same on every page load (the stage is stored)."""
    raw = f"{int(note.get('start', 0))}-{int(note.get('end', 0))}-{note_kind(note)}"
    if len(raw) <= 64:
        return raw
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def suppressed_kinds() -> set[str]:
    """Note kinds this school's teachers keep dismissing: hidden from students.

    A school is one EssayCoach installation. A kind is hidden once it has at least
    NOTE_KIND_MIN_DECISIONS decisions and at least NOTE_KIND_DISMISSED_SHARE of them
    are dismissals (edits count as keeping the note). One query.
    """
    rows = (
        NoteDecision.objects.order_by()
        .values("kind")
        .annotate(
            total=Count("pk"),
            dismissed=Count("pk", filter=Q(decision=NoteDecision.Decision.DISMISSED)),
        )
        .filter(total__gte=settings.NOTE_KIND_MIN_DECISIONS)
    )
    share = settings.NOTE_KIND_DISMISSED_SHARE
    return {row["kind"] for row in rows if row["dismissed"] >= share * row["total"]}


def visible_notes(
    notes: list[dict[str, Any]], *, hidden_kinds: set[str], dismissed: set[str] | None = None
) -> list[dict[str, Any]]:
    """The notes a student is shown: without suppressed kinds and the teacher's released
    dismissals."""
    dismissed = dismissed or set()
    return [n for n in notes if note_kind(n) not in hidden_kinds and note_key(n) not in dismissed]


@dataclass
class KindStat:
    kind: str
    accepted: int = 0
    dismissed: int = 0
    edited: int = 0
    school_total: int = 0
    school_dismissed: int = 0
    hidden: bool = False

    @property
    def total(self) -> int:
        return self.accepted + self.dismissed + self.edited

    @property
    def school_dismissed_percent(self) -> float:
        return 100.0 * self.school_dismissed / self.school_total if self.school_total else 0.0


def kind_statistics(assignment: Assignment) -> list[KindStat]:
    """Per note kind: this assignment's decisions and the school's, and whether the kind
    is hidden from students. Two queries."""
    stats: dict[str, KindStat] = {}
    here = (
        NoteDecision.objects.filter(revision__essay__assignment=assignment)
        .order_by()
        .values("kind", "decision")
        .annotate(n=Count("pk"))
    )
    for row in here:
        stat = stats.setdefault(row["kind"], KindStat(row["kind"]))
        setattr(stat, row["decision"], getattr(stat, row["decision"]) + row["n"])
    school = (
        NoteDecision.objects.filter(kind__in=list(stats))
        .order_by()
        .values("kind")
        .annotate(
            total=Count("pk"),
            dismissed=Count("pk", filter=Q(decision=NoteDecision.Decision.DISMISSED)),
        )
    )
    share = settings.NOTE_KIND_DISMISSED_SHARE
    for row in school:
        stat = stats[row["kind"]]
        stat.school_total, stat.school_dismissed = row["total"], row["dismissed"]
        stat.hidden = (
            row["total"] >= settings.NOTE_KIND_MIN_DECISIONS
            and row["dismissed"] >= share * row["total"]
        )
    return sorted(stats.values(), key=lambda s: (-s.total, s.kind))


# --- the submissions page ----------------------------------------------------------------


STATUS_LABELS = {
    "not_started": _("Not started"),
    "draft": _("Draft only"),
    "analysing": _("Being analysed"),
    "needs_marking": _("Needs marking"),
    "marked": _("Marked, not released"),
    "released": _("Released"),
    "returned": _("Returned for revision"),
}
STATUS_FILTERS = {
    "not_submitted": {"not_started", "draft"},
    "needs_marking": {"needs_marking", "analysing"},
    "marked": {"marked"},
    "released": {"released"},
    "returned": {"returned"},
}
STATUS_RANK = {
    "needs_marking": 0,
    "analysing": 1,
    "marked": 2,
    "returned": 3,
    "released": 4,
    "draft": 5,
    "not_started": 6,
}
SORTS = ("name", "status", "submitted", "late", "machine", "teacher")
PAGE_SIZE = 50


@dataclass(frozen=True)
class SubmissionQuery:
    sort: str = "name"
    descending: bool = False
    status: str = ""
    late: str = ""  # "", "late", "on_time"
    page: int = 1

    @classmethod
    def from_params(cls, params: Any) -> SubmissionQuery:
        sort = params.get("sort", "name")
        status = params.get("status", "")
        late = params.get("late", "")
        try:
            page = max(1, int(params.get("page", "1")))
        except ValueError:
            page = 1
        return cls(
            sort=sort if sort in SORTS else "name",
            descending=params.get("dir") == "desc",
            status=status if status in STATUS_FILTERS else "",
            late=late if late in ("late", "on_time") else "",
            page=page,
        )

    def params(self, **change: Any) -> dict[str, Any]:
        values = {
            "sort": self.sort,
            "dir": "desc" if self.descending else "asc",
            "status": self.status,
            "late": self.late,
            "page": self.page,
        }
        values.update(change)
        return {k: v for k, v in values.items() if v not in ("", None)}


@dataclass
class SubmissionRow:
    """One student of the class and their latest revision of the assignment."""

    user: User
    essay_id: int | None = None
    has_draft: bool = False
    latest_id: int | None = None
    latest_number: int | None = None
    submitted_at: datetime | None = None
    late: bool | None = None
    analysis_status: str | None = None
    machine_percent: float | None = None
    teacher_total: float | None = None
    teacher_max: float | None = None
    released_at: datetime | None = None
    returned_at: datetime | None = None
    review_updated_at: datetime | None = None
    # display strings, filled in by the view for the rows of one page
    review_url: str = ""
    submitted_iso: str = ""
    submitted_text: str = ""
    machine_text: str = ""
    teacher_text: str = ""
    released_text: str = ""
    late_text: str = ""

    @property
    def name_key(self) -> str:
        return (self.user.display_name or self.user.email).lower()

    @property
    def revision_count(self) -> int:
        return self.latest_number or 0

    @property
    def status(self) -> str:
        if self.latest_id is None:
            return "draft" if self.has_draft else "not_started"
        if self.returned_at is not None:
            return "returned"
        if self.released_at is not None:
            return "released"
        if self.teacher_total is not None:
            return "marked"
        if self.analysis_status in ("waiting", "queued", "running"):
            return "analysing"
        return "needs_marking"

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def teacher_percent(self) -> float | None:
        if self.teacher_total is None or not self.teacher_max:
            return None
        return 100.0 * self.teacher_total / self.teacher_max

    @property
    def releasable(self) -> bool:
        return self.teacher_total is not None and (
            self.released_at is None
            or (self.review_updated_at is not None and self.review_updated_at > self.released_at)
        )

    @property
    def changed_since_release(self) -> bool:
        updated, released = self.review_updated_at, self.released_at
        return bool(released and updated and updated > released)


def submission_rows(assignment: Assignment) -> list[SubmissionRow]:
    """Every student of the class with their latest revision's marks, in name order.

    Three flat queries whatever the class size (students; essays; latest revisions with
    their analysis and review); statuses are worked out here, not in SQL.
    """
    students = (
        User.objects.filter(
            memberships__classroom_id=assignment.classroom_id,
            memberships__role=Membership.Role.STUDENT,
        )
        .only("pk", "email", "display_name")
        .order_by()
    )
    rows = {user.pk: SubmissionRow(user=user) for user in students}
    essays = (
        Essay.objects.filter(assignment=assignment)
        .annotate(
            has_draft=Case(
                When(draft_text="", then=Value(False)),
                default=Value(True),
                output_field=BooleanField(),
            )
        )
        .values_list("pk", "student_id", "has_draft")
    )
    by_essay: dict[int, SubmissionRow] = {}
    for essay_id, student_id, has_draft in essays:
        row = rows.get(student_id)
        if row is not None:
            row.essay_id, row.has_draft = essay_id, has_draft
            by_essay[essay_id] = row
    newest = Revision.objects.filter(essay=OuterRef("essay")).order_by("-number").values("number")
    latest = (
        Revision.objects.filter(essay__assignment=assignment, number=Subquery(newest[:1]))
        .order_by()
        .values_list(
            "essay_id",
            "pk",
            "number",
            "created_at",
            "late",
            "analysis__status",
            "analysis__overall_percent",
            "review__total",
            "review__max_total",
            "review__released_at",
            "review__returned_at",
            "review__updated_at",
        )
    )
    for values in latest:
        row = by_essay.get(values[0])
        if row is None:
            continue
        (
            row.latest_id,
            row.latest_number,
            row.submitted_at,
            row.late,
            row.analysis_status,
            row.machine_percent,
            row.teacher_total,
            row.teacher_max,
            row.released_at,
            row.returned_at,
            row.review_updated_at,
        ) = values[1:]
    return sorted(rows.values(), key=lambda r: (r.name_key, r.user.pk))


@dataclass
class SubmissionsPage:
    page: Page
    query: SubmissionQuery
    releasable: int
    counts: dict[str, int] = field(default_factory=dict)


def _sort_key(sort: str) -> Callable[[SubmissionRow], Any]:
    """A key whose first part puts missing values last whichever the direction."""
    if sort == "status":
        return lambda r: STATUS_RANK[r.status]
    if sort == "submitted":
        return lambda r: r.submitted_at
    if sort == "late":
        return lambda r: None if r.late is None else not r.late
    if sort == "machine":
        return lambda r: r.machine_percent
    if sort == "teacher":
        return lambda r: r.teacher_percent
    return lambda r: r.name_key


def submissions(assignment: Assignment, query: SubmissionQuery) -> SubmissionsPage:
    """A filtered, sorted page of the class: the queries of submission_rows, whatever
    the class size."""
    rows = submission_rows(assignment)
    counts = {
        "everyone": len(rows),
        "not_submitted": sum(1 for r in rows if r.latest_id is None),
        "needs_marking": sum(1 for r in rows if r.status in STATUS_FILTERS["needs_marking"]),
    }
    releasable = sum(1 for r in rows if r.releasable)
    if query.status:
        wanted = STATUS_FILTERS[query.status]
        rows = [r for r in rows if r.status in wanted]
    if query.late == "late":
        rows = [r for r in rows if r.late]
    elif query.late == "on_time":
        rows = [r for r in rows if r.late is False]
    key = _sort_key(query.sort)
    present = [r for r in rows if key(r) is not None]
    missing = [r for r in rows if key(r) is None]
    # rows are already in name order and sorted() is stable: ties stay by name
    present.sort(key=key, reverse=query.descending)
    page = Paginator(present + missing, PAGE_SIZE).get_page(query.page)
    return SubmissionsPage(page=page, query=query, releasable=releasable, counts=counts)


# --- the review page ---------------------------------------------------------------------


@dataclass
class Segment:
    text: str
    start: int
    note: int | None = None  # 1-based number of the note marked here
    category: str = ""
    state: str = ""


@dataclass
class ReviewParagraph:
    number: int
    start: int
    end: int
    segments: list[Segment]

    @property
    def preview(self) -> str:
        text = "".join(s.text for s in self.segments).strip()
        return text[:60] + ("…" if len(text) > 60 else "")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph (blank lines separate paragraphs)."""
    spans = []
    position = 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def review_paragraphs(
    text: str, notes: list[dict[str, Any]], states: dict[str, str]
) -> list[ReviewParagraph]:
    """The text cut into paragraphs and segments that know their offsets, so a selection
    in the browser maps back to characters of the revision."""
    marks: list[tuple[int, int, int, str, str]] = []
    last_end = 0
    for number, note in enumerate(notes, start=1):
        start, end = int(note["start"]), int(note["end"])
        if start < last_end or start < 0 or end > len(text):
            continue
        if end == start:
            if start == 0:
                continue
            start -= 1
        marks.append(
            (start, end, number, str(note.get("category", "")), states.get(note_key(note), ""))
        )
        last_end = end
    out = []
    for number, (p_start, p_end) in enumerate(paragraph_spans(text), start=1):
        segments: list[Segment] = []
        position = p_start
        for start, end, note_number, category, state in marks:
            if end <= p_start or start >= p_end:
                continue
            start, end = max(start, p_start), min(end, p_end)
            if start > position:
                segments.append(Segment(text[position:start], position))
            segments.append(Segment(text[start:end], start, note_number, category, state))
            position = end
        if position < p_end:
            segments.append(Segment(text[position:p_end], position))
        out.append(ReviewParagraph(number, p_start, p_end, segments))
    return out


def paragraph_of(spans: list[tuple[int, int]], offset: int) -> int:
    for number, (start, end) in enumerate(spans, start=1):
        if offset <= end:
            return number if offset >= start else max(1, number - 1)
    return len(spans)


def stage_data(revision: Revision) -> dict[str, dict[str, Any]]:
    return {
        stage: data
        for stage, data in StageResult.objects.filter(analysis__revision=revision).values_list(
            "stage", "data"
        )
    }


def criterion_rows(
    assignment: Assignment, scores: dict[str, Any] | None, review: TeacherReview | None
) -> list[dict[str, Any]]:
    """Each criterion with its levels (lowest first: key 1 is the lowest), the machine's
    suggestion and evidence, and the level chosen (the teacher's, else the machine's)."""
    machine = {c["name"]: c for c in (scores or {}).get("criteria", [])}
    rows = []
    for criterion in criterion_choices(assignment):
        suggestion = machine.get(criterion.name)
        machine_points = suggestion.get("points") if suggestion else None
        chosen = review.points.get(criterion.name) if review else machine_points
        levels = sorted(criterion.levels.all(), key=lambda level: level.points)
        rows.append(
            {
                "criterion": criterion,
                "levels": levels,
                "machine": suggestion,
                "machine_points": machine_points,
                "chosen": chosen,
                "from_machine": review is None and chosen is not None,
            }
        )
    return rows


def neighbours(
    assignment: Assignment, revision: Revision
) -> tuple[int | None, int | None, int | None, int, int]:
    """(previous, next, next unmarked) latest-revision ids among the students who have
    submitted, in the submissions page's name order, plus this essay's position and how
    many there are. The queries of submission_rows, whatever the class size."""
    submitted = [r for r in submission_rows(assignment) if r.latest_id is not None]
    index = next((i for i, r in enumerate(submitted) if r.essay_id == revision.essay_id), 0)
    previous = submitted[index - 1].latest_id if index > 0 else None
    following = submitted[index + 1].latest_id if index + 1 < len(submitted) else None
    ordered = submitted[index + 1 :] + submitted[:index]
    unmarked = next((r.latest_id for r in ordered if r.teacher_total is None), None)
    return previous, following, unmarked, index + 1, len(submitted)


def comment_bank(owner: User, query: str = "", limit: int = 20) -> list[CommentBankEntry]:
    entries = CommentBankEntry.objects.filter(owner=owner)
    for word in query.split()[:5]:
        entries = entries.filter(text__icontains=word)
    return list(entries.order_by("-uses", "-created_at")[:limit])


def review_history(revision: Revision) -> list[ReviewEvent]:
    return list(ReviewEvent.objects.filter(revision=revision).select_related("teacher"))


# --- the released marking ----------------------------------------------------------------


def build_snapshot(
    review: TeacherReview,
    *,
    notes: list[dict[str, Any]],
    decisions: list[NoteDecision],
    comments: list[TeacherComment],
) -> dict[str, Any]:
    """What releasing shows the student: marks, comments and the teacher's note decisions."""
    revision = review.revision
    text = revision.text
    spans = paragraph_spans(text)
    criteria = {c.name: c for c in revision.essay.assignment.rubric.criteria.all()}
    levels = []
    for name, points in review.points.items():
        criterion = criteria.get(name)
        level_list = list(criterion.levels.all()) if criterion else []
        label = next((lv.label for lv in level_list if lv.points == points), "")
        maximum = max((lv.points for lv in level_list), default=points)
        levels.append({"criterion": name, "label": label, "points": points, "max": maximum})
    by_key = {note_key(n): n for n in notes}
    kept_notes = []
    dismissed = []
    for decision in decisions:
        note = by_key.get(decision.note_key)
        if note is None:
            continue
        if decision.decision == NoteDecision.Decision.DISMISSED:
            dismissed.append(decision.note_key)
            continue
        kept_notes.append(
            {
                "key": decision.note_key,
                "quote": text[int(note["start"]) : int(note["end"])],
                "category": note.get("category", ""),
                "message": decision.message
                if decision.decision == NoteDecision.Decision.EDITED
                else note.get("message", ""),
                "edited": decision.decision == NoteDecision.Decision.EDITED,
                "start": int(note["start"]),
            }
        )
    kept_notes.sort(key=lambda n: n["start"])
    anchored = []
    for comment in comments:
        if comment.start is not None and comment.end is not None:
            quote = text[comment.start : comment.end]
            paragraph = paragraph_of(spans, comment.start)
        else:
            paragraph = comment.paragraph or 1
            quote = ""
        anchored.append({"quote": quote, "paragraph": paragraph, "text": comment.text})
    return {
        "levels": levels,
        "points": dict(review.points),
        "total": review.total,
        "max_total": review.max_total,
        "comment": review.comment,
        "comments": anchored,
        "notes": kept_notes,
        "dismissed": dismissed,
        "set_by": str(review.teacher),
        "set_at": review.updated_at.isoformat() if review.updated_at else None,
    }


def released_feedback(review: TeacherReview | None) -> dict[str, Any] | None:
    """The marking as last released (what the student sees), or None."""
    if review is None or review.released_at is None or not review.released:
        return None
    snapshot = dict(review.released)
    for key in ("released_at", "set_at"):
        value = snapshot.get(key)
        snapshot[key] = parse_datetime(value) if isinstance(value, str) else None
    return snapshot


def answered_request(revision: Revision) -> TeacherReview | None:
    """The teacher's request for a revision that this revision answers: the previous
    revision's review, when it was returned."""
    return (
        TeacherReview.objects.filter(
            revision__essay_id=revision.essay_id,
            revision__number=revision.number - 1,
            returned_at__isnull=False,
        )
        .select_related("revision")
        .first()
    )
