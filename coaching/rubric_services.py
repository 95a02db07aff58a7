"""Writes for rubrics: save the builder's draft, copy a rubric (starters are copied, never
edited in place), delete one no assignment uses."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coaching.models import Criterion, Level, Rubric
from coaching.rubric_draft import RubricDraft, cleaned_weight, from_rubric, validate
from essays.models import User


def rubric_save(*, owner: User, draft: RubricDraft, rubric: Rubric | None = None) -> Rubric:
    """Create the rubric, or replace `rubric`'s content with the draft's, in one transaction.

    Criteria keep their rows (and ids) by position, so an assignment's marking form and
    saved marks keep pointing at the same criteria; levels are written afresh.
    """
    problems = validate(draft)
    if problems:
        raise ValidationError(next(iter(problems.fields.values())), code="invalid")
    if rubric is not None and (rubric.is_starter or rubric.owner_id != owner.pk):
        raise ValidationError(_("Only its owner can change this rubric."), code="not_owner")
    with transaction.atomic():
        if rubric is None:
            rubric = Rubric.objects.create(
                name=draft.name, description=draft.description, owner=owner
            )
        else:
            rubric.name, rubric.description = draft.name, draft.description
            rubric.save(update_fields=["name", "description", "updated_at"])
        existing = list(
            Criterion.objects.select_for_update().filter(rubric=rubric).order_by("order", "pk")
        )
        for order, c in enumerate(draft.criteria):
            criterion = existing[order] if order < len(existing) else Criterion(rubric=rubric)
            criterion.name = c.name
            criterion.description = c.description
            criterion.weight = cleaned_weight(c.weight)
            criterion.measures = c.measures
            criterion.order = order
            criterion.save()
            Level.objects.filter(criterion=criterion).delete()
            Level.objects.bulk_create(
                Level(
                    criterion=criterion,
                    label=lv.label,
                    points=int(lv.points),
                    descriptor=lv.descriptor,
                )
                for lv in c.levels
            )
        Criterion.objects.filter(pk__in=[c.pk for c in existing[len(draft.criteria) :]]).delete()
    return rubric


def rubric_copy(*, rubric: Rubric, owner: User) -> Rubric:
    """The teacher's own editable copy (of a starter, a co-teacher's rubric or their own)."""
    draft = from_rubric(rubric)
    if not rubric.is_starter:
        draft.name = _("Copy of %(name)s") % {"name": rubric.name}
        draft.name = draft.name[:200]
    return rubric_save(owner=owner, draft=draft)


def rubric_delete(*, rubric: Rubric, owner: User) -> None:
    if rubric.is_starter or rubric.owner_id != owner.pk:
        raise ValidationError(_("Only its owner can delete this rubric."), code="not_owner")
    if rubric.assignments.exists():
        raise ValidationError(
            _("An assignment uses this rubric, so it cannot be deleted."), code="in_use"
        )
    rubric.delete()
