"""Public data types of the feedback engine (plain frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass

ENGINE_VERSION = "0.7.1"

STAGES: tuple[str, ...] = ("overview", "notes", "scores", "summary")

CATEGORIES: tuple[str, ...] = (
    "spelling",
    "grammar",
    "punctuation",
    "word choice",
    "style",
    "clarity",
)


@dataclass(frozen=True)
class LevelSpec:
    label: str
    points: int
    descriptor: str = ""


@dataclass(frozen=True)
class CriterionSpec:
    name: str
    description: str = ""
    weight: float = 1.0
    levels: tuple[LevelSpec, ...] = ()
    # what the engine measures for it: one of scoring.DIMENSIONS or "overall"; blank means
    # decide from the name and description
    measures: str = ""


@dataclass(frozen=True)
class RubricSpec:
    name: str
    criteria: tuple[CriterionSpec, ...]


@dataclass(frozen=True)
class EssayInput:
    text: str
    prompt: str = ""
    rubric: RubricSpec | None = None
    previous_text: str | None = None
    previous_result: dict | None = None
    # the assignment's spelling variety: "british", "american", or "auto" (follow the
    # student's own spelling; see variety.py)
    spelling: str = "auto"


def rubric_from_dict(data: dict) -> RubricSpec:
    """Build a RubricSpec from plain JSON: {"name", "criteria": [{"name", "description",
    "weight", "levels": [{"label", "points", "descriptor"}]}]}."""
    criteria = []
    for c in data.get("criteria", []):
        levels = tuple(
            LevelSpec(str(lv["label"]), int(lv["points"]), str(lv.get("descriptor", "")))
            for lv in c.get("levels", [])
        )
        criteria.append(
            CriterionSpec(
                name=str(c["name"]),
                description=str(c.get("description", "")),
                weight=float(c.get("weight", 1.0)),
                levels=levels,
                measures=str(c.get("measures", "")),
            )
        )
    if not criteria:
        raise ValueError("a rubric needs at least one criterion")
    return RubricSpec(name=str(data.get("name", "Rubric")), criteria=tuple(criteria))


def rubric_to_dict(rubric: RubricSpec) -> dict:
    return {
        "name": rubric.name,
        "criteria": [
            {
                "name": c.name,
                "description": c.description,
                "weight": c.weight,
                "measures": c.measures,
                "levels": [
                    {"label": lv.label, "points": lv.points, "descriptor": lv.descriptor}
                    for lv in c.levels
                ],
            }
            for c in rubric.criteria
        ],
    }
