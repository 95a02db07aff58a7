"""Writes for coaching that the web side makes: queue and retry analyses, save marks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.models import Analysis, TeacherReview
from coaching.review import weighted_total
from coaching.tasks import analyse_revision, fit_calibration
from essays.models import Revision, User


def _enqueue_on_commit(analysis_id: int) -> None:
    transaction.on_commit(lambda: analyse_revision(analysis_id))


def analysis_queue(*, revision: Revision) -> Analysis:
    analysis = Analysis.objects.create(revision=revision)
    _enqueue_on_commit(analysis.pk)
    return analysis


def analysis_retry(*, analysis: Analysis) -> Analysis:
    """A student's 'try again' after a failure: a fresh set of attempts."""
    if analysis.status != Analysis.Status.FAILED:
        return analysis
    Analysis.objects.filter(pk=analysis.pk, status=Analysis.Status.FAILED).update(
        status=Analysis.Status.QUEUED, attempts=0, error="", finished_at=None, claimed_at=None
    )
    analysis.refresh_from_db()
    _enqueue_on_commit(analysis.pk)
    return analysis


def review_save(
    *,
    revision: Revision,
    teacher: User,
    points: dict[int, int],
    comment: str = "",
    release: bool = False,
) -> TeacherReview:
    """Save the teacher's level for each criterion (criterion id -> points); `release`
    lets the student see the feedback and the marking."""
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
        review, _created = TeacherReview.objects.update_or_create(
            revision=revision,
            defaults={
                "teacher": teacher,
                "points": by_name,
                "total": total,
                "max_total": maximum,
                "comment": comment.strip(),
            },
        )
        if release != (review.released_at is not None):
            review.released_at = timezone.now() if release else None
            review.save(update_fields=["released_at"])
        assignment_id = revision.essay.assignment_id
        # Every new mark refits the model: overrides feed the next fit.
        transaction.on_commit(lambda: fit_calibration(assignment_id))
    return review
