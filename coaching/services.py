"""Writes for coaching that the web side makes: queue and retry analyses."""

from __future__ import annotations

from django.db import transaction

from coaching.models import Analysis
from coaching.tasks import analyse_revision
from essays.models import Revision


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
