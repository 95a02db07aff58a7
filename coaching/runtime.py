"""The engine as the worker holds it: built once per process, fed from our models."""

from __future__ import annotations

import functools

from coaching.engine import CriterionSpec, Engine, LevelSpec, RubricSpec
from coaching.models import Rubric


@functools.cache
def get_engine() -> Engine:
    return Engine()


def rubric_spec(rubric: Rubric) -> RubricSpec:
    criteria = rubric.criteria.prefetch_related("levels").order_by("order", "pk")
    return RubricSpec(
        name=rubric.name,
        criteria=tuple(
            CriterionSpec(
                name=criterion.name,
                description=criterion.description,
                weight=float(criterion.weight),
                levels=tuple(
                    LevelSpec(label=level.label, points=level.points, descriptor=level.descriptor)
                    for level in criterion.levels.all()
                ),
            )
            for criterion in criteria
        ),
    )
