"""Huey tasks for the LMS: thin, take an id, call lti.grades, safe to run twice."""

from __future__ import annotations

import logging

from django.conf import settings
from huey.contrib.djhuey import db_task

from essays.lti import grades
from essays.lti.models import LtiClass

logger = logging.getLogger(__name__)


@db_task(retries=settings.LTI_GRADE_RETRIES, retry_delay=settings.LTI_GRADE_RETRY_DELAY)
def grade_sync_task(sync_id: int) -> None:
    """Send one student's score; a failure is recorded on the row (the teacher sees it on
    the submissions page) and raised, so Huey tries again."""
    try:
        grades.grade_send(sync_id=sync_id)
    except grades.ServiceError as exc:
        logger.warning("LMS score not sent", extra={"grade_sync_id": sync_id, "error": str(exc)})
        raise


@db_task()
def roster_sync_task(lti_class_id: int) -> None:
    """Fetch the course's members from the LMS; a failure is recorded on the class (the
    class page shows it) and the teacher can ask again."""
    lti_class = LtiClass.objects.select_related("context").filter(pk=lti_class_id).first()
    if lti_class is None:
        return
    try:
        result = grades.roster_sync(lti_class=lti_class)
    except grades.ServiceError as exc:
        logger.warning(
            "LMS roster not synced", extra={"lti_class_id": lti_class_id, "error": str(exc)}
        )
        return
    logger.info("LMS roster synced", extra={"lti_class_id": lti_class_id, "added": result.added})
