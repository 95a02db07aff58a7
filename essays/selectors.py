"""Reads for the writing workflow, and the one place that says who may see what."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from essays.models import Assignment, Classroom, Essay, Membership, Revision, User


def classrooms_for(user: User) -> QuerySet[Classroom]:
    return (
        Classroom.objects.filter(memberships__user=user)
        .annotate(
            role=Subquery(
                Membership.objects.filter(classroom=OuterRef("pk"), user=user).values("role")[:1]
            )
        )
        .prefetch_related("assignments")
    )


def teaches(user: User, classroom_id: int) -> bool:
    return Membership.objects.filter(
        classroom_id=classroom_id, user=user, role=Membership.Role.TEACHER
    ).exists()


def _assignment_for(user: User, pk: int, role: str) -> Assignment:
    assignment = (
        Assignment.objects.select_related("classroom", "rubric")
        .filter(pk=pk, classroom__memberships__user=user, classroom__memberships__role=role)
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def assignment_for_student(user: User, pk: int) -> Assignment:
    """The assignment, if the user is a student in its class; 404 for everyone else."""
    return _assignment_for(user, pk, Membership.Role.STUDENT)


def assignment_for_teacher(user: User, pk: int) -> Assignment:
    """The assignment, if the user teaches its class; 404 for everyone else."""
    return _assignment_for(user, pk, Membership.Role.TEACHER)


def essays_of_assignment(assignment: Assignment) -> QuerySet[Essay]:
    """Every student's essay with its latest revision's machine and teacher marks."""
    latest = Revision.objects.filter(essay=OuterRef("pk")).order_by("-number")
    return (
        Essay.objects.filter(assignment=assignment)
        .select_related("student")
        .annotate(
            revision_count=Count("revisions"),
            latest_revision_id=Subquery(latest.values("pk")[:1]),
            latest_number=Subquery(latest.values("number")[:1]),
            machine_percent=Subquery(latest.values("analysis__overall_percent")[:1]),
            teacher_total=Subquery(latest.values("review__total")[:1]),
            teacher_max=Subquery(latest.values("review__max_total")[:1]),
        )
        .order_by("student__display_name", "student__email")
    )


def essay_for_user(user: User, pk: int) -> Essay:
    """The essay, for its author or a teacher of its class; 404 for everyone else."""
    essay = (
        Essay.objects.select_related("assignment__classroom", "assignment__rubric", "student")
        .filter(pk=pk)
        .first()
    )
    if essay is None or not (
        essay.student_id == user.pk or teaches(user, essay.assignment.classroom_id)
    ):
        raise Http404
    return essay


def revision_for_user(user: User, pk: int) -> Revision:
    """The revision, for its author or a teacher of its class; 404 for everyone else."""
    revision = (
        Revision.objects.select_related(
            "essay__assignment__classroom", "essay__assignment__rubric", "essay__student"
        )
        .filter(pk=pk)
        .first()
    )
    if revision is None:
        raise Http404
    essay = revision.essay
    if not (essay.student_id == user.pk or teaches(user, essay.assignment.classroom_id)):
        raise Http404
    return revision


def is_author(user: User, essay: Essay) -> bool:
    return essay.student_id == user.pk


class EssayStatus:
    NOT_STARTED = _("Not started")
    DRAFT = _("Draft")
    SUBMITTED = _("Submitted")
    FEEDBACK_READY = _("Feedback ready")


@dataclass(frozen=True)
class AssignmentRow:
    assignment: Assignment
    essay: Essay | None
    status: str
    status_key: str
    latest_revision_id: int | None


def assignments_for_student(user: User) -> list[AssignmentRow]:
    """Every assignment of the student's classes with their essay's status.

    Three queries whatever the number of assignments or revisions.
    """
    latest = Revision.objects.filter(essay=OuterRef("pk")).order_by("-number")
    essays = (
        Essay.objects.filter(student=user)
        .annotate(
            revision_count=Count("revisions"),
            latest_number=Max("revisions__number"),
            latest_revision_id=Subquery(latest.values("pk")[:1]),
            latest_status=Subquery(latest.values("analysis__status")[:1]),
        )
        .order_by()
    )
    assignments = (
        Assignment.objects.filter(
            classroom__memberships__user=user,
            classroom__memberships__role=Membership.Role.STUDENT,
        )
        .select_related("classroom", "rubric")
        .prefetch_related(
            Prefetch("essays", queryset=essays, to_attr="my_essays"),
            "rubric__criteria",
        )
        .order_by("due_at", "pk")
    )
    rows = []
    for assignment in assignments:
        essay = assignment.my_essays[0] if assignment.my_essays else None
        if essay is None or (not essay.draft_text.strip() and not essay.revision_count):
            key, label = "not_started", EssayStatus.NOT_STARTED
        elif not essay.revision_count:
            key, label = "draft", EssayStatus.DRAFT
        elif essay.latest_status == "done":
            key, label = "feedback_ready", EssayStatus.FEEDBACK_READY
        else:
            key, label = "submitted", EssayStatus.SUBMITTED
        rows.append(
            AssignmentRow(
                assignment=assignment,
                essay=essay,
                status=str(label),
                status_key=key,
                latest_revision_id=essay.latest_revision_id if essay else None,
            )
        )
    return rows


def revisions_of(essay: Essay) -> QuerySet[Revision]:
    """An essay's revisions, newest first, with their analyses and reviews (one query)."""
    return essay.revisions.select_related("analysis", "review").order_by("-number")


def scores_wait_for_release(user: User, essay: Essay) -> bool:
    """True when this viewer is the author and the assignment holds feedback until the
    teacher releases it: their lists then show a revision's score only once released."""
    return (
        essay.student_id == user.pk and essay.assignment.release == Assignment.Release.AFTER_REVIEW
    )
