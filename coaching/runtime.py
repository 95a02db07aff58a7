"""The engine as the worker holds it: built once per process, fed from our models."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json

from coaching.engine import ENGINE_VERSION, CriterionSpec, Engine, EssayInput, LevelSpec, RubricSpec
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


def result_key(essay_input: EssayInput) -> str:
    """Same text, prompt, rubric, previous text and engine version: same result."""
    material = {
        "version": ENGINE_VERSION,
        "text": essay_input.text,
        "prompt": essay_input.prompt,
        "rubric": dataclasses.asdict(essay_input.rubric) if essay_input.rubric else None,
        "previous": essay_input.previous_text,
    }
    digest = hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()
    return f"engine-result:{digest}"
