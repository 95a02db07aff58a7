"""Print-ready feedback: one essay, or a whole class as one PDF.

The page and the PDF come from one template (coaching/print.html) and one stylesheet
(static/css/print.css): what a teacher prints from the browser is what the server's PDF
shows. Reads are batched per assignment, so a class of any size costs the same handful
of queries; the PDF is laid out by WeasyPrint in a Huey task (see class_pdf_build).
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from coaching.marking import note_key, released_feedback, suppressed_kinds, visible_notes
from coaching.models import (
    Criterion,
    NoteDecision,
    PrintJob,
    StageResult,
    TeacherComment,
    TeacherReview,
)
from coaching.presenters import Paragraph, annotated_paragraphs, notes_for_list
from essays.models import Assignment, Revision

logger = logging.getLogger(__name__)

PAPERS = {"a4": "A4", "letter": "Letter"}
COPIES = ("teacher", "student")


@dataclass
class RubricRow:
    criterion: Criterion
    levels: list[Any]
    chosen: int | None
    chosen_by: str  # "teacher", "machine" or ""


@dataclass
class PrintedEssay:
    """Everything one printed essay shows, for one reader (the teacher or the student)."""

    revision: Revision
    copy: str
    visible: bool  # the student may see the feedback (always true for the teacher's copy)
    rows: list[RubricRow] = field(default_factory=list)
    marks: dict[str, Any] | None = None  # total, max_total, comment, by, released_at
    comments: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    machine_percent: float | None = None
    dismissed: int = 0

    @property
    def student(self) -> Any:
        return self.revision.essay.student


def latest_revisions(assignment: Assignment) -> list[Revision]:
    """Each submitted student's latest revision, in name order. One query."""
    from django.db.models import OuterRef, Subquery

    latest = Revision.objects.filter(essay_id=OuterRef("essay_id")).order_by("-number")
    revisions = (
        Revision.objects.filter(essay__assignment=assignment)
        .filter(pk=Subquery(latest.values("pk")[:1]))
        .select_related("essay__student", "essay__assignment__classroom", "analysis")
    )
    return sorted(
        revisions,
        key=lambda r: (r.essay.student.name.lower(), r.essay.student.email, r.pk),
    )


def printed_essays(
    assignment: Assignment, revisions: list[Revision], *, copy: str
) -> list[PrintedEssay]:
    """The printable feedback of these revisions of one assignment, in a fixed number of
    queries whatever their number."""
    ids = [r.pk for r in revisions]
    stages: dict[int, dict[str, dict]] = {}
    for revision_id, stage, data in StageResult.objects.filter(
        analysis__revision_id__in=ids, stage__in=("notes", "scores")
    ).values_list("analysis__revision_id", "stage", "data"):
        stages.setdefault(revision_id, {})[stage] = data
    reviews = {
        r.revision_id: r
        for r in TeacherReview.objects.filter(revision_id__in=ids).select_related("teacher")
    }
    criteria = list(assignment.rubric.criteria.prefetch_related("levels").order_by("order", "pk"))
    hidden = suppressed_kinds()
    teacher_copy = copy == "teacher"
    comments: dict[int, list[TeacherComment]] = {}
    decisions: dict[int, dict[str, NoteDecision]] = {}
    if teacher_copy:
        for comment in TeacherComment.objects.filter(revision_id__in=ids):
            comments.setdefault(comment.revision_id, []).append(comment)
        for decision in NoteDecision.objects.filter(revision_id__in=ids):
            decisions.setdefault(decision.revision_id, {})[decision.note_key] = decision
    out = []
    for revision in revisions:
        data = stages.get(revision.pk, {})
        review = reviews.get(revision.pk)
        if teacher_copy:
            out.append(
                _teacher_copy(
                    revision,
                    data,
                    review,
                    criteria,
                    comments.get(revision.pk, []),
                    decisions.get(revision.pk, {}),
                )
            )
        else:
            out.append(_student_copy(revision, data, review, criteria, hidden))
    return out


def _rows(
    criteria: list[Criterion], chosen: dict[str, Any], by: str, machine: dict[str, Any]
) -> list[RubricRow]:
    rows = []
    for criterion in criteria:
        levels = sorted(criterion.levels.all(), key=lambda level: -level.points)
        if criterion.name in chosen:
            points, source = chosen[criterion.name], by
        elif criterion.name in machine:
            points, source = machine[criterion.name], "machine"
        else:
            points, source = None, ""
        rows.append(RubricRow(criterion, levels, points, source))
    return rows


def _machine_points(data: dict[str, dict]) -> dict[str, Any]:
    return {c["name"]: c["points"] for c in (data.get("scores") or {}).get("criteria", [])}


def _machine_percent(revision: Revision) -> float | None:
    analysis = getattr(revision, "analysis", None)
    return analysis.overall_percent if analysis is not None else None


def _teacher_copy(
    revision: Revision,
    data: dict[str, dict],
    review: TeacherReview | None,
    criteria: list[Criterion],
    comments: list[TeacherComment],
    decisions: dict[str, NoteDecision],
) -> PrintedEssay:
    text = revision.text
    notes = []
    dismissed = 0
    for note in (data.get("notes") or {}).get("annotations", []):
        decision = decisions.get(note_key(note))
        if decision is not None and decision.decision == NoteDecision.Decision.DISMISSED:
            dismissed += 1
            continue
        if decision is not None and decision.decision == NoteDecision.Decision.EDITED:
            note = {**note, "message": decision.message, "edited": True}
        notes.append(note)
    printed = PrintedEssay(
        revision=revision,
        copy="teacher",
        visible=True,
        rows=_rows(
            criteria, dict(review.points) if review else {}, "teacher", _machine_points(data)
        ),
        notes=notes_for_list(text, notes),
        paragraphs=annotated_paragraphs(text, notes),
        machine_percent=_machine_percent(revision),
        dismissed=dismissed,
    )
    if review is not None:
        printed.marks = {
            "total": review.total,
            "max_total": review.max_total,
            "comment": review.comment,
            "by": str(review.teacher),
            "released_at": review.released_at,
            "returned_at": review.returned_at,
            "return_note": review.return_note,
        }
    for comment in comments:
        quote = ""
        if comment.start is not None and comment.end is not None:
            quote = " ".join(text[comment.start : comment.end].split())
        printed.comments.append(
            {"quote": quote, "paragraph": comment.paragraph, "text": comment.text}
        )
    return printed


def _student_copy(
    revision: Revision,
    data: dict[str, dict],
    review: TeacherReview | None,
    criteria: list[Criterion],
    hidden: set[str],
) -> PrintedEssay:
    """Only what the student may see: the released snapshot, and the machine's draft when
    the assignment shows it at once or the marking is released."""
    text = revision.text
    released = released_feedback(review)
    immediate = revision.essay.assignment.release == Assignment.Release.IMMEDIATE
    visible = immediate or released is not None
    printed = PrintedEssay(revision=revision, copy="student", visible=visible)
    if not visible:
        printed.paragraphs = annotated_paragraphs(text, [])
        return printed
    edited = {n["key"]: n["message"] for n in (released or {}).get("notes", []) if n.get("edited")}
    notes = []
    for note in visible_notes(
        (data.get("notes") or {}).get("annotations", []),
        hidden_kinds=hidden,
        dismissed=set(released["dismissed"]) if released else set(),
    ):
        if note_key(note) in edited:
            note = {**note, "message": edited[note_key(note)], "edited": True}
        notes.append(note)
    printed.rows = _rows(
        criteria, dict(released["points"]) if released else {}, "teacher", _machine_points(data)
    )
    printed.notes = notes_for_list(text, notes)
    printed.paragraphs = annotated_paragraphs(text, notes)
    printed.machine_percent = _machine_percent(revision)
    if released is not None:
        printed.marks = {
            "total": released.get("total"),
            "max_total": released.get("max_total"),
            "comment": released.get("comment", ""),
            "by": released.get("set_by", ""),
            "released_at": released.get("released_at"),
        }
        printed.comments = list(released.get("comments", []))
    return printed


# --- the PDF ---------------------------------------------------------------------------

STATIC_DIR = Path(settings.BASE_DIR) / "static"


def _fetcher() -> Any:
    """WeasyPrint's fetcher: our own stylesheets from disk, nothing from the network."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file://") and "/static/" in url:
                path = (STATIC_DIR / url.split("/static/", 1)[1]).resolve()
                if path.is_file() and STATIC_DIR.resolve() in path.parents:
                    content_type = (
                        "text/css" if path.suffix == ".css" else "application/octet-stream"
                    )
                    return URLFetcherResponse(
                        url, body=path.read_bytes(), headers={"Content-Type": content_type}
                    )
            raise ValueError(f"EssayCoach's PDFs load nothing from {url}")

    return LocalOnly()


def render_pdf(html: str) -> bytes:
    """Lay out one document with WeasyPrint (pango on the system, fonts from fontconfig)."""
    from weasyprint import HTML  # imported here: the web process needs it only for PDFs

    base = f"file://{STATIC_DIR.parent}/"
    return HTML(string=html, base_url=base, url_fetcher=_fetcher()).write_pdf()


def class_pdf_html(assignment: Assignment, *, copy: str, paper: str, generated_for: str) -> str:
    revisions = latest_revisions(assignment)
    essays = printed_essays(assignment, revisions, copy=copy)
    return render_to_string(
        "coaching/print_document.html",
        {
            "assignment": assignment,
            "essays": essays,
            "paper": paper,
            "copy": copy,
            "pdf": True,
            "printed_at": timezone.now(),
            "generated_for": generated_for,
            "missing": missing_students(assignment),
            "stylesheet": "static/css/print.css",
        },
    )


def missing_students(assignment: Assignment) -> list[Any]:
    from essays.models import Membership, User

    submitted = Revision.objects.filter(essay__assignment=assignment).values("essay__student_id")
    return list(
        User.objects.filter(
            memberships__classroom_id=assignment.classroom_id,
            memberships__role=Membership.Role.STUDENT,
        )
        .exclude(pk__in=submitted)
        .order_by("display_name", "email")
    )


QUEUED_GRACE = timedelta(minutes=1)
WORKER_LOST = "The worker stopped while making this PDF."


def print_jobs_recover() -> list[int]:
    """Jobs whose Huey task was lost. A job queued for over a minute is returned to be
    sent again (claiming is idempotent); one running past PRINT_JOB_STALE_SECONDS lost
    its worker and becomes failed, so the page offers to try again instead of waiting."""
    now = timezone.now()
    PrintJob.objects.filter(
        status=PrintJob.Status.RUNNING,
        started_at__lt=now - timedelta(seconds=settings.PRINT_JOB_STALE_SECONDS),
    ).update(status=PrintJob.Status.FAILED, error=WORKER_LOST, finished_at=now)
    return list(
        PrintJob.objects.filter(
            status=PrintJob.Status.QUEUED, created_at__lt=now - QUEUED_GRACE
        ).values_list("pk", flat=True)[:20]
    )


def class_pdf_build(*, job_id: int) -> bool:
    """The Huey task's work: claim the job, lay out the class, store the PDF. Safe to run
    twice (a job already claimed or finished is left alone); False when not claimed."""
    claimed = PrintJob.objects.filter(Q(pk=job_id, status=PrintJob.Status.QUEUED)).update(
        status=PrintJob.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return False
    job = PrintJob.objects.select_related("assignment__classroom", "assignment__rubric").get(
        pk=job_id
    )
    started = time.monotonic()
    try:
        html = class_pdf_html(
            job.assignment,
            copy=job.copy,
            paper=job.paper,
            generated_for=str(job.requested_by) if job.requested_by else "",
        )
        pdf = render_pdf(html)
    except Exception as exc:
        logger.exception("class PDF %s failed", job_id)
        PrintJob.objects.filter(pk=job_id).update(
            status=PrintJob.Status.FAILED, error=str(exc)[:500], finished_at=timezone.now()
        )
        return True
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    PrintJob.objects.filter(pk=job_id).update(
        status=PrintJob.Status.DONE,
        pdf=pdf,
        pages=pages,
        seconds=round(time.monotonic() - started, 2),
        finished_at=timezone.now(),
    )
    return True
