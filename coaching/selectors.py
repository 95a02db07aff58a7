"""Reads for the feedback pages. Who may see what is asked of essays.selectors."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from coaching import heartbeat
from coaching.marking import released_feedback, suppressed_kinds, visible_notes
from coaching.models import STAGE_LABELS, STAGES, Analysis, StageResult, TeacherReview
from coaching.presenters import (
    DiffPiece,
    annotated_paragraphs,
    note_counts,
    notes_for_list,
    word_diff,
)
from essays.models import Assignment, Revision, User

logger = logging.getLogger(__name__)


def feedback_visible(user: User, revision: Revision) -> bool:
    """Teachers always see the machine's draft; the author sees it as the assignment says:
    at once, or once the teacher has released it."""
    if revision.essay.student_id != user.pk:
        return True
    if revision.essay.assignment.release == Assignment.Release.IMMEDIATE:
        return True
    return released_review(revision) is not None


def released_review(revision: Revision) -> TeacherReview | None:
    """The teacher's marking, once released to the student."""
    return TeacherReview.objects.filter(revision=revision, released_at__isnull=False).first()


def stage_results(analysis: Analysis, *, after: int = 0) -> list[StageResult]:
    return list(analysis.stages.filter(seq__gt=after).order_by("seq"))


def panel_context(stage: str, data: dict[str, Any], revision: Revision) -> dict[str, Any]:
    """What a panel template needs beyond the stage data itself."""
    context: dict[str, Any] = {"stage": stage, "data": data, "revision": revision}
    if stage == "notes":
        # Kinds the school's teachers keep dismissing, and the notes this essay's teacher
        # dismissed in the marking they released, are not shown.
        review = released_review(revision)
        released = released_feedback(review)
        notes = visible_notes(
            data.get("annotations", []),
            hidden_kinds=suppressed_kinds(),
            dismissed=set(released["dismissed"]) if released else set(),
        )
        context["notes"] = notes_for_list(revision.text, notes)
        context["counts"] = note_counts(notes)
        context["paragraphs"] = annotated_paragraphs(revision.text, notes)
    elif stage == "overview":
        # The overview counts a title or a one-line paragraph too; the rubric and the
        # summary speak of developed paragraphs. Show both so the numbers agree.
        total = int(data.get("paragraphs") or 0)
        developed = int((data.get("structure") or {}).get("substantial_paragraphs", total))
        context["paragraph_counts"] = {"developed": developed, "short": max(0, total - developed)}
    return context


DIFF_CACHE_VERSION = 2
DIFF_CACHE_SECONDS = 7 * 24 * 3600


def revision_diff(old: Revision, new: Revision) -> list[list[DiffPiece]]:
    """The word diff of two revisions, cached per pair: revisions never change."""
    key = f"diff:v{DIFF_CACHE_VERSION}:{old.pk}:{new.pk}"
    try:
        cached = cache.get(key)
    except Exception:  # a cache outage costs a recomputation, never the page
        logger.warning("diff cache unavailable", exc_info=True)
        cached = None
    if cached is not None:
        return [[DiffPiece(kind, text) for kind, text in p] for p in cached]
    diff = word_diff(old.text, new.text)
    try:
        cache.set(key, [[(d.kind, d.text) for d in p] for p in diff], DIFF_CACHE_SECONDS)
    except Exception:
        logger.warning("diff cache unavailable", exc_info=True)
    return diff


def worker_alive() -> bool:
    """A worker beat within WORKER_HEARTBEAT_MAX_AGE (as /readyz/ asks)."""
    age = heartbeat.worker_age()
    return age is not None and age <= settings.WORKER_HEARTBEAT_MAX_AGE


def progress(analysis: Analysis, done: set[str], *, can_retry: bool) -> dict[str, Any]:
    steps = [{"stage": s, "label": STAGE_LABELS[s], "done": s in done} for s in STAGES]
    pending = not analysis.finished
    waiting = analysis.status == Analysis.Status.WAITING
    age = (timezone.now() - analysis.queued_at).total_seconds() if analysis.queued_at else 0.0
    return {
        "analysis": analysis,
        "steps": steps,
        "done_count": len(done),
        "total": len(STAGES),
        "finished": analysis.finished,
        "failed": analysis.status == Analysis.Status.FAILED,
        "revision_id": analysis.revision_id,
        "can_retry": can_retry,
        # saved, behind the student's own earlier essays (ANALYSES_IN_FLIGHT_PER_STUDENT)
        "waiting": waiting,
        "slow": pending and not waiting and age > settings.ANALYSIS_SLOW_SECONDS,
        # no worker is running, or the queue was down at submit: feedback is delayed (the
        # essay is saved, and is sent to the worker as soon as the queue is back)
        "delayed": pending and (analysis.error == Analysis.NOT_QUEUED or not worker_alive()),
    }
