"""The engine as the worker holds it: built once per process, fed from our models."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json

from django.conf import settings

from coaching.engine import ENGINE_VERSION, CriterionSpec, Engine, EssayInput, LevelSpec, RubricSpec
from coaching.engine.llm import LLMConfig
from coaching.models import Rubric


@functools.cache
def get_engine() -> Engine:
    return Engine(
        max_words=settings.ESSAY_MAX_WORDS,
        harper_timeout=settings.HARPER_TIMEOUT,
        harper_max_rss_mb=settings.HARPER_MAX_RSS_MB or None,
    )


def rubric_spec(rubric: Rubric) -> RubricSpec:
    criteria = rubric.criteria.prefetch_related("levels").order_by("order", "pk")
    return RubricSpec(
        name=rubric.name,
        criteria=tuple(
            CriterionSpec(
                name=criterion.name,
                description=criterion.description,
                weight=float(criterion.weight),
                measures=criterion.measures,
                levels=tuple(
                    LevelSpec(label=level.label, points=level.points, descriptor=level.descriptor)
                    for level in criterion.levels.all()
                ),
            )
            for criterion in criteria
        ),
    )


def result_key(essay_input: EssayInput) -> str:
    """Same text, prompt, rubric, previous text, spelling variety and engine version:
    same result."""
    material = {
        "version": ENGINE_VERSION,
        "text": essay_input.text,
        "prompt": essay_input.prompt,
        "rubric": dataclasses.asdict(essay_input.rubric) if essay_input.rubric else None,
        "previous": essay_input.previous_text,
        "spelling": essay_input.spelling,
    }
    digest = hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()
    return f"engine-result:{digest}"


def llm_config() -> LLMConfig | None:
    """The school's OpenAI-compatible endpoint, or None: the offline engine alone."""
    if not settings.LLM_BASE_URL:
        return None
    return LLMConfig(
        base_url=settings.LLM_BASE_URL,
        api_key=settings.LLM_API_KEY,
        model=settings.LLM_MODEL,
        timeout=settings.LLM_TIMEOUT,
        budget=settings.LLM_BUDGET,
    )


def rubric_levels(rubric: RubricSpec) -> tuple[dict[str, list[str]], dict[str, dict[str, int]]]:
    """Level labels (best first) and their points, per criterion, for the LLM's checks."""
    labels: dict[str, list[str]] = {}
    points: dict[str, dict[str, int]] = {}
    for criterion in rubric.criteria:
        ordered = sorted(criterion.levels, key=lambda level: -level.points)
        labels[criterion.name] = [level.label for level in ordered]
        points[criterion.name] = {level.label: level.points for level in ordered}
    return labels, points
