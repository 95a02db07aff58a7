"""Huey tasks for the LMS: thin, take an id, call lti.grades, safe to run twice."""

from __future__ import annotations

import logging

from django.conf import settings
from huey.contrib.djhuey import db_task

from lti import grades

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
