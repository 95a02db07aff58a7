"""Reads for the feedback pages. Who may see what is asked of essays.selectors."""

from __future__ import annotations

from typing import Any

from coaching.marking import released_feedback, suppressed_kinds, visible_notes
from coaching.models import STAGE_LABELS, STAGES, Analysis, StageResult, TeacherReview
from coaching.presenters import annotated_paragraphs
from essays.models import Assignment, Revision, User


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
        context["notes"] = notes
        context["paragraphs"] = annotated_paragraphs(revision.text, notes)
    return context


def progress(analysis: Analysis, done: set[str], *, can_retry: bool) -> dict[str, Any]:
    steps = [{"stage": s, "label": STAGE_LABELS[s], "done": s in done} for s in STAGES]
    return {
        "analysis": analysis,
        "steps": steps,
        "done_count": len(done),
        "total": len(STAGES),
        "finished": analysis.finished,
        "failed": analysis.status == Analysis.Status.FAILED,
        "revision_id": analysis.revision_id,
        "can_retry": can_retry,
    }
