"""Reads for the teacher's marking pages: submissions, the review page, per-kind note
statistics and the released marking a student sees.

Who may see what is asked of essays.selectors before anything here is called.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower
from django.utils.dateparse import parse_datetime

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


def name_key(prefix: str) -> Lower:
    """How people are ordered: by name, by e-mail address when they gave no name."""
    return Lower(
        Case(
            When(**{f"{prefix}display_name": ""}, then=F(f"{prefix}email")),
            default=F(f"{prefix}display_name"),
            output_field=CharField(),
        )
    )


STATUS_LABELS = {
    "not_started": "Not started",
    "draft": "Draft only",
    "analysing": "Being analysed",
    "needs_marking": "Needs marking",
    "marked": "Marked, not released",
    "released": "Released",
    "returned": "Returned for revision",
}
STATUS_FILTERS = {
    "not_submitted": Q(status__in=["not_started", "draft"]),
    "needs_marking": Q(status__in=["needs_marking", "analysing"]),
    "marked": Q(status="marked"),
    "released": Q(status="released"),
    "returned": Q(status="returned"),
}
SORTS = {
    "name": ("name_key",),
    "status": ("status_rank", "name_key"),
    "submitted": ("submitted_at", "name_key"),
    "machine": ("machine_percent", "name_key"),
    "teacher": ("teacher_percent", "name_key"),
    "late": ("late_rank", "name_key"),
}
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


def submission_rows(assignment: Assignment) -> QuerySet[Membership]:
    """Every student of the class with their latest revision's marks, as annotations:
    one query whatever the class size (correlated subqueries on indexed columns)."""
    essays = Essay.objects.filter(assignment=assignment, student=OuterRef("user_id"))
    latest = Revision.objects.filter(
        essay__assignment=assignment, essay__student=OuterRef("user_id")
    ).order_by("-number")
    count = (
        Revision.objects.filter(essay__assignment=assignment, essay__student=OuterRef("user_id"))
        .order_by()
        .values("essay")
        .annotate(n=Count("pk"))
        .values("n")
    )

    def last(path: str) -> Subquery:
        return Subquery(latest.values(path)[:1])

    rows = (
        Membership.objects.filter(
            classroom_id=assignment.classroom_id, role=Membership.Role.STUDENT
        )
        .select_related("user")
        .annotate(
            essay_id=Subquery(essays.values("pk")[:1]),
            has_draft=Exists(essays.exclude(draft_text="")),
            revision_count=Coalesce(Subquery(count), 0),
            latest_id=last("pk"),
            latest_number=last("number"),
            submitted_at=last("created_at"),
            late=last("late"),
            analysis_status=last("analysis__status"),
            machine_percent=last("analysis__overall_percent"),
            teacher_total=last("review__total"),
            teacher_max=last("review__max_total"),
            released_at=last("review__released_at"),
            returned_at=last("review__returned_at"),
            review_updated_at=last("review__updated_at"),
        )
        .annotate(
            name_key=name_key("user__"),
            late_rank=Case(
                When(late=True, then=Value(0)),
                When(late=False, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
            teacher_percent=Case(
                When(teacher_max__gt=0, then=100.0 * F("teacher_total") / F("teacher_max")),
                default=None,
                output_field=FloatField(),
            ),
            status=Case(
                When(latest_id__isnull=True, has_draft=True, then=Value("draft")),
                When(latest_id__isnull=True, then=Value("not_started")),
                When(returned_at__isnull=False, then=Value("returned")),
                When(released_at__isnull=False, then=Value("released")),
                When(teacher_total__isnull=False, then=Value("marked")),
                When(
                    analysis_status__in=["queued", "running"],
                    then=Value("analysing"),
                ),
                default=Value("needs_marking"),
                output_field=CharField(),
            ),
        )
        .annotate(
            status_rank=Case(
                When(status="needs_marking", then=Value(0)),
                When(status="analysing", then=Value(1)),
                When(status="marked", then=Value(2)),
                When(status="returned", then=Value(3)),
                When(status="released", then=Value(4)),
                When(status="draft", then=Value(5)),
                default=Value(6),
                output_field=IntegerField(),
            ),
        )
    )
    return rows


@dataclass
class SubmissionsPage:
    page: Page
    query: SubmissionQuery
    releasable: int
    counts: dict[str, int] = field(default_factory=dict)


def submissions(assignment: Assignment, query: SubmissionQuery) -> SubmissionsPage:
    """A filtered, sorted page of the class. Four queries whatever the class size."""
    rows = submission_rows(assignment)
    counts_row = rows.order_by().aggregate(
        everyone=Count("pk"),
        not_submitted=Count("pk", filter=Q(latest_id__isnull=True)),
        needs_marking=Count("pk", filter=Q(status__in=["needs_marking", "analysing"])),
        releasable=Count(
            "pk",
            filter=Q(teacher_total__isnull=False)
            & (Q(released_at__isnull=True) | Q(review_updated_at__gt=F("released_at"))),
        ),
    )
    if query.status:
        rows = rows.filter(STATUS_FILTERS[query.status])
    if query.late == "late":
        rows = rows.filter(Q(late=True))
    elif query.late == "on_time":
        rows = rows.filter(Q(late=False))
    fields = SORTS[query.sort]
    ordering = [
        F(name).desc(nulls_last=True)
        if query.descending and i == 0
        else F(name).asc(nulls_last=True)
        for i, name in enumerate(fields)
    ]
    rows = rows.order_by(*ordering, "pk")
    paginator = Paginator(rows, PAGE_SIZE)
    page = paginator.get_page(query.page)
    for row in page.object_list:
        row.status_label = STATUS_LABELS[row.status]
    return SubmissionsPage(
        page=page,
        query=query,
        releasable=counts_row.pop("releasable"),
        counts=counts_row,
    )


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
    """(previous, next, next unmarked) latest-revision ids among submitted students in
    name order, plus this essay's position and how many there are. One query."""
    latest = Revision.objects.filter(essay=OuterRef("pk")).order_by("-number")
    essays = list(
        Essay.objects.filter(assignment=assignment, revisions__isnull=False)
        .distinct()
        .annotate(
            latest_id=Subquery(latest.values("pk")[:1]),
            name_key=name_key("student__"),
        )
        .annotate(marked=Exists(TeacherReview.objects.filter(revision_id=OuterRef("latest_id"))))
        .order_by("name_key", "pk")
        .values_list("pk", "latest_id", "marked")
    )
    index = next((i for i, row in enumerate(essays) if row[0] == revision.essay_id), 0)
    previous = essays[index - 1][1] if index > 0 else None
    following = essays[index + 1][1] if index + 1 < len(essays) else None
    ordered = essays[index + 1 :] + essays[:index]
    unmarked = next((row[1] for row in ordered if not row[2]), None)
    return previous, following, unmarked, index + 1, len(essays)


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
