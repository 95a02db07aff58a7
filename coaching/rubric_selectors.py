"""Reads for the rubric pages, and who may see or change a rubric.

A teacher sees their own rubrics, our starter rubrics, and the rubric of any assignment in
a class they teach (a co-teacher's); only the owner changes a rubric, and starters are
never changed in place (a teacher copies one). Students and outsiders: 404.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from coaching.models import Criterion, Rubric
from essays.models import Assignment, Membership, User


def is_teacher(user: User) -> bool:
    return bool(
        user.is_authenticated
        and (
            user.is_teacher
            or Membership.objects.filter(user=user, role=Membership.Role.TEACHER).exists()
        )
    )


def rubrics_usable_by(user: User) -> QuerySet[Rubric]:
    """Every rubric the teacher may look at, copy or set on an assignment."""
    if not is_teacher(user):
        return Rubric.objects.none()
    taught = Membership.objects.filter(user=user, role=Membership.Role.TEACHER).values(
        "classroom_id"
    )
    ids = Rubric.objects.filter(
        Q(owner=user) | Q(is_starter=True) | Q(assignments__classroom_id__in=taught)
    ).values("pk")
    return Rubric.objects.filter(pk__in=ids)


def rubric_list(user: User) -> tuple[list[Rubric], list[Rubric], list[Rubric]]:
    """(own, shared with me by a co-teacher, starters), each with its criteria: 3 queries."""
    rubrics: list[Rubric] = list(
        rubrics_usable_by(user)
        .annotate(assignment_count=Count("assignments", distinct=True))
        .prefetch_related(Prefetch("criteria", queryset=Criterion.objects.order_by("order", "pk")))
        .order_by("name", "pk")
    )
    own = [r for r in rubrics if r.owner_id == user.pk and not r.is_starter]
    starters = [r for r in rubrics if r.is_starter]
    shared = [r for r in rubrics if r not in own and r not in starters]
    return own, shared, starters


def rubric_for_viewer(user: User, pk: int) -> Rubric:
    """The rubric, if the user may see it (see the module's docstring); else 404."""
    rubric = rubrics_usable_by(user).filter(pk=pk).select_related("owner").first()
    if rubric is None:
        raise Http404
    return rubric


def rubric_for_owner(user: User, pk: int) -> Rubric:
    """The rubric, if the user owns it and it is not a starter; else 404."""
    rubric = Rubric.objects.filter(pk=pk, owner=user, is_starter=False).first()
    if rubric is None or not is_teacher(user):
        raise Http404
    return rubric


def rubric_with_levels(rubric: Rubric) -> list[Criterion]:
    return list(rubric.criteria.order_by("order", "pk").prefetch_related("levels"))


def assignments_using(rubric: Rubric, user: User) -> QuerySet[Assignment]:
    """The assignments with this rubric in classes the user teaches (never anyone else's)."""
    return (
        Assignment.objects.filter(
            rubric=rubric,
            classroom__memberships__user=user,
            classroom__memberships__role=Membership.Role.TEACHER,
        )
        .select_related("classroom")
        .order_by("classroom__name", "title", "pk")
    )
