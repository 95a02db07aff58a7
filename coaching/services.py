"""Writes for coaching that the web side makes: queue and retry analyses, save marks."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching import pipeline
from coaching.mail import notify_released, notify_returned
from coaching.marking import (
    build_snapshot,
    criterion_rows,
    note_kind,
    paragraph_spans,
    stage_data,
)
from coaching.marking import note_key as key_of
from coaching.models import (
    Analysis,
    CommentBankEntry,
    NoteDecision,
    PrintJob,
    ReviewEvent,
    StageResult,
    TeacherComment,
    TeacherReview,
)
from coaching.outbox import enqueue_or_park
from coaching.printing import print_jobs_recover
from coaching.review import weighted_total
from coaching.signals import marking_changed
from coaching.tasks import analyse_revision, build_class_pdf, fit_calibration
from config import logs
from essays.models import Assignment, Revision, User

logger = logging.getLogger(__name__)


def _enqueue(analysis_id: int, request_id: str | None = None) -> bool:
    """Send the task; if the queue is down, mark the analysis so the periodic requeue
    sends it as soon as the queue is back (the revision is saved either way)."""
    try:
        analyse_revision(analysis_id, request_id=request_id)
    except Exception:
        logger.warning(
            "could not queue analysis %s; it is sent when the queue is back",
            analysis_id,
            exc_info=True,
        )
        Analysis.objects.filter(pk=analysis_id, status=Analysis.Status.QUEUED).update(
            error=Analysis.NOT_QUEUED
        )
        return False
    return True


def _enqueue_on_commit(analysis_id: int) -> None:
    # the request id goes with the task, so the worker's log lines can be found with it
    request_id = logs.current() or None
    transaction.on_commit(lambda: _enqueue(analysis_id, request_id))


def analysis_send_again(*, analysis_id: int) -> bool:
    """An analysis whose task could not be sent: try again now (a page that shows it, the
    periodic requeue). True when it is in the queue at last."""
    if not Analysis.objects.filter(
        pk=analysis_id, status=Analysis.Status.QUEUED, error=Analysis.NOT_QUEUED
    ).exists():
        return False
    try:
        analyse_revision(analysis_id)
    except Exception:
        return False
    Analysis.objects.filter(pk=analysis_id, error=Analysis.NOT_QUEUED).update(error="")
    return True


def analysis_queue(*, revision: Revision) -> Analysis:
    """The revision's analysis: queued, or waiting (saved, queued later by the worker) while
    the student already has ANALYSES_IN_FLIGHT_PER_STUDENT in flight."""
    with transaction.atomic():
        status = pipeline.analysis_admit(student_id=revision.essay.student_id)
        analysis = Analysis.objects.create(revision=revision, status=status)
    if status == Analysis.Status.QUEUED:
        _enqueue_on_commit(analysis.pk)
    return analysis


def analysis_retry(*, analysis: Analysis) -> Analysis:
    """A student's 'try again' after a failure: a fresh set of attempts."""
    if analysis.status != Analysis.Status.FAILED:
        return analysis
    with transaction.atomic():
        status = pipeline.analysis_admit(student_id=analysis.revision.essay.student_id)
        Analysis.objects.filter(pk=analysis.pk, status=Analysis.Status.FAILED).update(
            status=status,
            attempts=0,
            error="",
            finished_at=None,
            claimed_at=None,
            queued_at=timezone.now(),
        )
    analysis.refresh_from_db()
    if analysis.status == Analysis.Status.QUEUED:
        _enqueue_on_commit(analysis.pk)
    return analysis


def review_save(
    *,
    revision: Revision,
    teacher: User,
    points: dict[int, int],
    comment: str | None = None,
    release: bool | None = None,
) -> TeacherReview:
    """Save the teacher's level for each criterion (criterion id -> points) and, when
    given, the overall comment. Saving never releases: `release=True` / `False` releases
    or withdraws explicitly; None (the default) leaves it as it is."""
    criteria = list(revision.essay.assignment.rubric.criteria.prefetch_related("levels"))
    by_name: dict[str, int] = {}
    rows = []
    for criterion in criteria:
        allowed = {level.points for level in criterion.levels.all()}
        chosen = points.get(criterion.pk)
        if chosen not in allowed:
            raise ValidationError(
                _("Choose a level for “%(name)s”.") % {"name": criterion.name}, code="level"
            )
        by_name[criterion.name] = int(chosen)
        rows.append((float(chosen), float(max(allowed)), float(criterion.weight)))
    total, maximum = weighted_total(rows)
    with transaction.atomic():
        # One save at a time per revision: two teachers' first saves at once both found no
        # review and both inserted one (the second an IntegrityError, a 500). FOR NO KEY
        # UPDATE leaves rows that only refer to the revision free to be written meanwhile.
        list(
            Revision.objects.select_for_update(no_key=True)
            .filter(pk=revision.pk)
            .values_list("pk", flat=True)
        )
        review = TeacherReview.objects.select_for_update().filter(revision=revision).first()
        marks_changed = review is None or review.points != by_name
        if review is None:
            review = TeacherReview(revision=revision)
        review.teacher = teacher
        review.points = by_name
        review.total = total
        review.max_total = maximum
        if comment is not None:
            review.comment = comment.strip()
        elif review.comment is None:
            review.comment = ""
        review.save()
        _saved_event(review=review, teacher=teacher)
        if marks_changed:
            assignment_id = revision.essay.assignment_id
            # Every new mark refits the model: overrides feed the next fit.
            # robust: the mark stands whatever happens; with the queue down the refit
            # is parked and sent when it is back (coaching/outbox.py)
            transaction.on_commit(
                lambda: enqueue_or_park(fit_calibration, assignment_id), robust=True
            )
    if release is True:
        review = review_release(revision=revision, teacher=teacher)
    elif release is False and review.released_at is not None:
        review = review_unrelease(revision=revision, teacher=teacher)
    return review


SAVED_EVENT_WINDOW = timedelta(minutes=10)


def _saved_event(*, review: TeacherReview, teacher: User) -> None:
    """Record a save; a run of saves by one teacher (every click saves) is one event."""
    last = ReviewEvent.objects.filter(revision_id=review.revision_id).order_by("-at", "-pk").first()
    values = {"points": review.points, "total": review.total, "max_total": review.max_total}
    if (
        last is not None
        and last.action == ReviewEvent.Action.SAVED
        and last.teacher_id == teacher.pk
        and last.at > timezone.now() - SAVED_EVENT_WINDOW
    ):
        ReviewEvent.objects.filter(pk=last.pk).update(**values)
        return
    ReviewEvent.objects.create(
        revision_id=review.revision_id, teacher=teacher, action=ReviewEvent.Action.SAVED, **values
    )


def _touch_review(revision: Revision) -> None:
    """Comments and note decisions are part of the marking: a change after release shows
    as 'changed since release' until it is released again."""
    TeacherReview.objects.filter(revision=revision).update(updated_at=timezone.now())


def review_ensure(*, revision: Revision, teacher: User) -> TeacherReview:
    """The teacher's review, made from the levels the review page shows pre-selected
    (the machine's suggestions) when the teacher has saved none yet."""
    review = TeacherReview.objects.filter(revision=revision).first()
    if review is not None:
        return review
    scores = stage_data(revision).get("scores")
    rows = criterion_rows(revision.essay.assignment, scores, None)
    points = {row["criterion"].pk: row["chosen"] for row in rows if row["chosen"] is not None}
    return review_save(revision=revision, teacher=teacher, points=points)


def review_release(*, revision: Revision, teacher: User) -> TeacherReview:
    """Let the student see the marking exactly as it is now (a snapshot), with who
    released it and when. Releasing again after changes replaces the snapshot."""
    review = review_ensure(revision=revision, teacher=teacher)
    with transaction.atomic():
        # Lock the row on its own, then read it with what it refers to: a locking read that
        # joined the review's teacher lost the row when a co-teacher's save changed that
        # teacher meanwhile (PostgreSQL re-checks the join against the new row), a 500.
        list(TeacherReview.objects.select_for_update().filter(pk=review.pk).values_list("pk"))
        review = TeacherReview.objects.select_related(
            "revision__essay__assignment__rubric", "teacher"
        ).get(pk=review.pk)
        notes = stage_data(revision).get("notes", {}).get("annotations", [])
        snapshot = build_snapshot(
            review,
            notes=notes,
            decisions=list(NoteDecision.objects.filter(revision=revision)),
            comments=list(TeacherComment.objects.filter(revision=revision)),
        )
        now = timezone.now()
        snapshot["released_by"] = str(teacher)
        snapshot["released_at"] = now.isoformat()
        TeacherReview.objects.filter(pk=review.pk).update(
            released=snapshot, released_at=now, released_by=teacher, updated_at=now
        )
        ReviewEvent.objects.create(
            revision=revision,
            teacher=teacher,
            action=ReviewEvent.Action.RELEASED,
            points=review.points,
            total=review.total,
            max_total=review.max_total,
        )
        notify_released(review=review)  # e-mailed once this is committed
        marking_changed.send(sender=TeacherReview, revision=revision)
    review.refresh_from_db()
    return review


def review_unrelease(*, revision: Revision, teacher: User) -> TeacherReview:
    """Withdraw the released marking: the student no longer sees it."""
    with transaction.atomic():
        review = TeacherReview.objects.select_for_update().get(revision=revision)
        if review.released_at is None:
            return review
        TeacherReview.objects.filter(pk=review.pk).update(
            released=None, released_at=None, released_by=None
        )
        ReviewEvent.objects.create(
            revision=revision,
            teacher=teacher,
            action=ReviewEvent.Action.UNRELEASED,
            points=review.points,
            total=review.total,
            max_total=review.max_total,
        )
        marking_changed.send(sender=TeacherReview, revision=revision)
    review.refresh_from_db()
    return review


def review_return(*, revision: Revision, teacher: User, note: str) -> TeacherReview:
    """Ask the student for a revision, saying what to fix; the student sees the request
    at once (the marks stay released or not, as they were)."""
    note = note.strip()
    if not note:
        raise ValidationError(_("Say what the student should fix."), code="return_note")
    review = review_ensure(revision=revision, teacher=teacher)
    now = timezone.now()
    with transaction.atomic():
        TeacherReview.objects.filter(pk=review.pk).update(returned_at=now, return_note=note)
        ReviewEvent.objects.create(
            revision=revision,
            teacher=teacher,
            action=ReviewEvent.Action.RETURNED,
            points=review.points,
            total=review.total,
            max_total=review.max_total,
        )
        notify_returned(review=review)  # e-mailed once this is committed
    review.refresh_from_db()
    return review


def assignment_release(*, assignment: Assignment, teacher: User) -> int:
    """Release every marked essay of the assignment not released as it stands now."""
    pending = TeacherReview.objects.filter(revision__essay__assignment=assignment).filter(
        Q(released_at__isnull=True) | Q(updated_at__gt=F("released_at"))
    )
    count = 0
    for review in pending.select_related("revision__essay__assignment"):
        review_release(revision=review.revision, teacher=teacher)
        count += 1
    return count


def note_decide(
    *, revision: Revision, teacher: User, note_key: str, decision: str, message: str = ""
) -> NoteDecision | None:
    """Accept, dismiss or edit one of the machine's notes; decision "" takes it back."""
    notes = (
        StageResult.objects.filter(analysis__revision=revision, stage="notes")
        .values_list("data", flat=True)
        .first()
        or {}
    )
    note = next((n for n in notes.get("annotations", []) if key_of(n) == note_key), None)
    if note is None:
        raise ValidationError(_("That note is not on this essay."), code="note")
    if decision == "":
        NoteDecision.objects.filter(revision=revision, note_key=note_key).delete()
        _touch_review(revision)
        return None
    if decision not in NoteDecision.Decision.values:
        raise ValidationError(_("Accept, dismiss or edit the note."), code="decision")
    message = message.strip()
    if decision == NoteDecision.Decision.EDITED and not message:
        raise ValidationError(_("Write the note as you want the student to read it."))
    result, _created = NoteDecision.objects.update_or_create(
        revision=revision,
        note_key=note_key,
        defaults={
            "kind": note_kind(note),
            "decision": decision,
            "message": message if decision == NoteDecision.Decision.EDITED else "",
            "teacher": teacher,
        },
    )
    _touch_review(revision)
    return result


def teacher_comment_add(
    *,
    revision: Revision,
    teacher: User,
    text: str,
    start: int | None = None,
    end: int | None = None,
    paragraph: int | None = None,
) -> TeacherComment:
    """A comment on a passage (start/end offsets into the revision) or, without a
    selection, on a paragraph (1-based)."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Write a comment."), code="empty")
    length = len(revision.text)
    if start is not None and end is not None and 0 <= start < end <= length:
        paragraph = None
    else:
        start = end = None
        count = len(paragraph_spans(revision.text))
        if paragraph is None or not 1 <= paragraph <= count:
            raise ValidationError(_("Select a passage or choose a paragraph."), code="anchor")
    comment = TeacherComment.objects.create(
        revision=revision, teacher=teacher, text=text, start=start, end=end, paragraph=paragraph
    )
    _touch_review(revision)
    return comment


def teacher_comment_delete(*, comment: TeacherComment) -> None:
    revision = comment.revision
    comment.delete()
    _touch_review(revision)


def review_comment_append(*, revision: Revision, teacher: User, text: str) -> TeacherReview:
    """Add text (e.g. from the comment bank) to the overall comment."""
    review = review_ensure(revision=revision, teacher=teacher)
    joined = f"{review.comment}\n\n{text.strip()}" if review.comment.strip() else text.strip()
    TeacherReview.objects.filter(pk=review.pk).update(comment=joined, updated_at=timezone.now())
    review.refresh_from_db()
    return review


def bank_add(*, owner: User, text: str) -> CommentBankEntry:
    """Save a comment to the teacher's bank (once: the same words are not saved twice)."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the comment to save."), code="empty")
    entry, _created = CommentBankEntry.objects.get_or_create(owner=owner, text=text)
    return entry


def bank_use(*, entry: CommentBankEntry) -> CommentBankEntry:
    CommentBankEntry.objects.filter(pk=entry.pk).update(
        uses=F("uses") + 1, last_used_at=timezone.now()
    )
    entry.refresh_from_db()
    return entry


def bank_delete(*, entry: CommentBankEntry) -> None:
    entry.delete()


# --- print ---------------------------------------------------------------------------------

PRINT_JOBS_KEPT = 5


def class_pdf_request(*, assignment: Assignment, teacher: User, paper: str, copy: str) -> PrintJob:
    """Ask the worker for the class's feedback as one PDF. The same request while one is
    being made returns that one; only the last few PDFs of an assignment are kept."""
    for lost in print_jobs_recover():  # a job whose worker died must not block a new one
        enqueue_or_park(build_class_pdf, lost)
    with transaction.atomic():
        pending = PrintJob.objects.filter(
            assignment=assignment,
            paper=paper,
            copy=copy,
            status__in=[PrintJob.Status.QUEUED, PrintJob.Status.RUNNING],
        ).first()
        if pending is not None:
            return pending
        job = PrintJob.objects.create(
            assignment=assignment, requested_by=teacher, paper=paper, copy=copy
        )
        stale = PrintJob.objects.filter(assignment=assignment).values_list("pk", flat=True)[
            PRINT_JOBS_KEPT:
        ]
        PrintJob.objects.filter(pk__in=list(stale)).delete()
        job_id = job.pk
        # robust: the request stands; with the queue down the build is parked and sent
        # when it is back (print_jobs_recover would also send it again later)
        transaction.on_commit(lambda: enqueue_or_park(build_class_pdf, job_id), robust=True)
    return job
