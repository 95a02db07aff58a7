"""Scores to the LMS gradebook (LTI Assignment and Grade Services) and the roster from it
(Names and Role Provisioning Services), through PyLTI1p3's service clients.

What is sent is always read from the marking as it is now: "pending" (submitted, not
released) or the released total, so a task that runs twice, late or after a change
sends the right thing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final

import requests
from django.db import transaction
from django.utils import timezone
from lti_tool.models import LtiUser
from lti_tool.services.nrps import fetch_member_data
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException, LtiServiceException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from coaching.models import TeacherReview
from essays.lti.models import GradeSync, LtiClass, LtiLink
from essays.lti.services import RosterResult, roster_apply
from essays.models import Assignment, Revision, User

logger = logging.getLogger(__name__)

SCORE_SCOPE: Final = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
PENDING = "PendingManual"
GRADED = "FullyGraded"


class ServiceError(Exception):
    """The LMS refused or did not answer; the message is meant for the teacher."""


@dataclass(frozen=True)
class Score:
    grading_progress: str
    activity_progress: str
    given: float | None
    maximum: float | None


def current_score(*, assignment: Assignment, student: User) -> Score | None:
    """What the gradebook should say now, or None (nothing submitted yet)."""
    revisions = Revision.objects.filter(essay__assignment=assignment, essay__student=student)
    if not revisions.exists():
        return None
    released = (
        TeacherReview.objects.filter(
            revision__essay__assignment=assignment,
            revision__essay__student=student,
            released_at__isnull=False,
        )
        .order_by("-released_at", "-pk")
        .first()
    )
    if released is None or not released.released:
        return Score(PENDING, "Submitted", None, None)
    snapshot = released.released
    return Score(
        GRADED,
        "Completed",
        float(snapshot.get("total", released.total)),
        float(snapshot.get("max_total", released.max_total)),
    )


def _service_error(exc: Exception) -> ServiceError:
    if isinstance(exc, LtiServiceException):
        response = exc.response
        return ServiceError(f"HTTP {response.status_code}: {response.text[:200]}")
    return ServiceError(str(exc)[:300] or exc.__class__.__name__)


def _lti_user_of(link: LtiLink, student: User) -> LtiUser | None:
    registration = link.resource_link.context.deployment.registration
    return LtiUser.objects.filter(registration=registration, auth_user=student).first()


def sync_queue(*, link: LtiLink, student: User) -> GradeSync:
    """Mark the student's score as to be sent, and queue the task after commit."""
    from essays.lti.tasks import grade_sync_task

    sync, _created = GradeSync.objects.get_or_create(link=link, student=student)
    if sync.status != GradeSync.Status.QUEUED:
        GradeSync.objects.filter(pk=sync.pk).update(status=GradeSync.Status.QUEUED)
    from coaching.outbox import enqueue_or_park

    # robust: the score is saved as to be sent; with the queue down the send is parked
    transaction.on_commit(lambda: enqueue_or_park(grade_sync_task, sync.pk), robust=True)
    return sync


def assignment_changed(*, assignment: Assignment, student: User) -> int:
    """Queue a send for every LMS link of the assignment that has a gradebook column."""
    links = LtiLink.objects.filter(assignment=assignment).exclude(lineitem_url="")
    count = 0
    for link in links:
        sync_queue(link=link, student=student)
        count += 1
    return count


def grade_send(*, sync_id: int) -> GradeSync:
    """Send one student's score now; records the outcome, raises ServiceError on failure
    (the task retries)."""
    sync = GradeSync.objects.select_related(
        "link__assignment",
        "link__resource_link__context__deployment__registration",
        "student",
    ).get(pk=sync_id)
    link = sync.link
    GradeSync.objects.filter(pk=sync.pk).update(attempts=sync.attempts + 1)
    try:
        score = current_score(assignment=link.assignment, student=sync.student)
        if score is None:
            _record(sync, status=GradeSync.Status.SENT, progress="", given=None, error="")
            return sync
        lti_user = _lti_user_of(link, sync.student)
        if lti_user is None:
            # trying again cannot help: shown to the teacher, sent once they launch
            reason = "this student has never opened EssayCoach from the LMS"
            _record(sync, status=GradeSync.Status.FAILED, progress=None, given=None, error=reason)
            return sync
        _post_score(link, lti_user.sub, score)
    except (ServiceError, LtiException, requests.RequestException) as exc:
        error = exc if isinstance(exc, ServiceError) else _service_error(exc)
        _record(sync, status=GradeSync.Status.FAILED, progress=None, given=None, error=str(error))
        raise error from exc
    _record(
        sync,
        status=GradeSync.Status.SENT,
        progress=score.grading_progress,
        given=score.given,
        error="",
    )
    return sync


def _post_score(link: LtiLink, sub: str, score: Score) -> None:
    registration = link.resource_link.context.deployment.registration.to_registration()
    ags = AssignmentsGradesService(
        ServiceConnector(registration),
        {"scope": [SCORE_SCOPE], "lineitem": link.lineitem_url},
    )
    grade = (
        Grade()
        .set_user_id(sub)
        .set_activity_progress(score.activity_progress)
        .set_grading_progress(score.grading_progress)
        .set_timestamp(timezone.now().isoformat())
    )
    if score.given is not None and score.maximum:
        grade.set_score_given(score.given).set_score_maximum(score.maximum)
    try:
        ags.put_grade(grade)
    except LtiServiceException as exc:
        raise _service_error(exc) from exc


def _record(
    sync: GradeSync, *, status: str, progress: str | None, given: float | None, error: str
) -> None:
    fields: dict[str, object] = {"status": status, "last_error": error[:1000]}
    if status == GradeSync.Status.SENT:
        fields.update(grading_progress=progress or "", score_given=given, sent_at=timezone.now())
    GradeSync.objects.filter(pk=sync.pk).update(**fields)
    sync.refresh_from_db()


def resend_failed(*, assignment: Assignment) -> int:
    failed = GradeSync.objects.filter(
        link__assignment=assignment, status=GradeSync.Status.FAILED
    ).select_related("link", "student")
    count = 0
    for sync in failed:
        sync_queue(link=sync.link, student=sync.student)
        count += 1
    return count


def roster_queue(*, lti_class: LtiClass) -> None:
    from essays.lti.tasks import roster_sync_task

    LtiClass.objects.filter(pk=lti_class.pk).update(roster_error="")
    transaction.on_commit(lambda: roster_sync_task(lti_class.pk))


def roster_sync(*, lti_class: LtiClass) -> RosterResult:
    try:
        members = fetch_member_data(lti_class.context)
    except (LtiException, requests.RequestException, KeyError, ValueError) as exc:
        error = _service_error(exc)
        LtiClass.objects.filter(pk=lti_class.pk).update(roster_error=str(error))
        raise error from exc
    if not lti_class.context.memberships_url:
        raise ServiceError("the LMS did not offer its roster service for this course")
    return roster_apply(lti_class=lti_class, members=members)
