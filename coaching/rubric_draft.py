"""A rubric being edited: plain data that the builder's form, the importers and the
exporters all speak, checked here before anything is saved.

The builder keeps the whole rubric in its form: every button (add, remove, move) posts the
form, the server applies the action to the posted rubric and renders the form again, so
nothing typed is lost and nothing is saved until "Save". The same round trip serves htmx
(the builder fragment is swapped) and plain forms (the page reloads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from coaching.engine.scoring import dimension_for
from coaching.engine.types import CriterionSpec
from coaching.models import Criterion, Rubric

MAX_CRITERIA = 20
MAX_LEVELS = 10
MAX_POINTS = 1000
MAX_WEIGHT = Decimal("999.99")
MAX_DESCRIPTOR = 2000
MAX_DESCRIPTION = 4000
NEW_LEVELS = (("Excellent", "4"), ("Good", "3"), ("Developing", "2"), ("Beginning", "1"))

_POINTS = re.compile(r"^[0-9]{1,6}$")
MEASURES = {value for value, _label in Criterion.Measures.choices}


@dataclass
class LevelDraft:
    label: str = ""
    points: str = ""
    descriptor: str = ""


@dataclass
class CriterionDraft:
    name: str = ""
    description: str = ""
    weight: str = "1"
    measures: str = ""
    levels: list[LevelDraft] = field(default_factory=list)

    def engine_default(self) -> str:
        """What the engine measures when `measures` is blank, decided from the name."""
        return dimension_for(CriterionSpec(name=self.name, description=self.description))

    def engine_default_label(self) -> str:
        return measures_label(self.name, self.description)


def measures_label(name: str, description: str = "") -> str:
    """What the engine measures for a criterion left on "decide from the name"."""
    default = dimension_for(CriterionSpec(name=name, description=description))
    return str(dict(Criterion.Measures.choices).get(default, default))


@dataclass
class RubricDraft:
    name: str = ""
    description: str = ""
    criteria: list[CriterionDraft] = field(default_factory=list)


def new_criterion() -> CriterionDraft:
    return CriterionDraft(levels=[LevelDraft(label=_(label), points=p) for label, p in NEW_LEVELS])


def blank_draft() -> RubricDraft:
    return RubricDraft(criteria=[new_criterion()])


def _clean(value: Any, limit: int) -> str:
    # No NULs: PostgreSQL refuses them in text (the builder posts its fields raw).
    return str(value if value is not None else "").replace("\x00", "").strip()[:limit]


def _number(value: Any) -> str:
    """A number as the form shows it: 1.50 -> "1.5", 2.00 -> "2"."""
    if isinstance(value, Decimal | float | int):
        text = f"{Decimal(str(value)).normalize():f}"
        return text
    return _clean(value, 20)


# ---------------------------------------------------------------------- from the form

_KEY = re.compile(
    r"^c-(\d{1,3})-(?:(name|description|weight|measures)|l-(\d{1,3})-(label|points|descriptor))$"
)


def from_post(data: QueryDict) -> RubricDraft:
    """The rubric as posted by the builder (fields c-<i>-name, c-<i>-l-<j>-points, ...).

    Indices only order things: gaps are closed. At most MAX_CRITERIA + 1 criteria and
    MAX_LEVELS + 1 levels each are read, so validation can say "too many" without the
    server doing unbounded work.
    """
    criteria: dict[int, dict[str, str]] = {}
    levels: dict[int, dict[int, dict[str, str]]] = {}
    for key in data:
        match = _KEY.match(key)
        if not match:
            continue
        i = int(match[1])
        if match[2]:
            criteria.setdefault(i, {})[match[2]] = data.get(key, "")
        else:
            criteria.setdefault(i, {})
            levels.setdefault(i, {}).setdefault(int(match[3]), {})[match[4]] = data.get(key, "")
    draft = RubricDraft(
        name=_clean(data.get("name"), 300), description=_clean(data.get("description"), 5000)
    )
    for i in sorted(criteria)[: MAX_CRITERIA + 1]:
        values = criteria[i]
        draft.criteria.append(
            CriterionDraft(
                name=_clean(values.get("name"), 200),
                description=_clean(values.get("description"), MAX_DESCRIPTION + 1),
                weight=_clean(values.get("weight"), 20),
                measures=_clean(values.get("measures"), 20),
                levels=[
                    LevelDraft(
                        label=_clean(level.get("label"), 120),
                        points=_clean(level.get("points"), 20),
                        descriptor=_clean(level.get("descriptor"), MAX_DESCRIPTOR + 1),
                    )
                    for _j, level in sorted(levels.get(i, {}).items())[: MAX_LEVELS + 1]
                ],
            )
        )
    return draft


def from_rubric(rubric: Rubric) -> RubricDraft:
    return RubricDraft(
        name=rubric.name,
        description=rubric.description,
        criteria=[
            CriterionDraft(
                name=criterion.name,
                description=criterion.description,
                weight=_number(criterion.weight),
                measures=criterion.measures,
                levels=[
                    LevelDraft(label=lv.label, points=str(lv.points), descriptor=lv.descriptor)
                    for lv in sorted(criterion.levels.all(), key=lambda lv: -lv.points)
                ],
            )
            for criterion in rubric.criteria.order_by("order", "pk").prefetch_related("levels")
        ],
    )


# ---------------------------------------------------------------------- actions

_ACTION = re.compile(
    r"^(add-criterion|(remove|up|down)-criterion-(\d+)|add-level-(\d+)|remove-level-(\d+)-(\d+))$"
)


def apply_action(draft: RubricDraft, action: str) -> str | None:
    """Apply a builder button to the draft; returns the id of the field to focus next
    (the new or moved thing), or None when the action is unknown or out of range."""
    match = _ACTION.match(action or "")
    if not match:
        return None
    crit = draft.criteria
    if match[1] == "add-criterion":
        if len(crit) >= MAX_CRITERIA:
            return None
        crit.append(new_criterion())
        return f"c-{len(crit) - 1}-name"
    if match[2]:
        i = int(match[3])
        if i >= len(crit):
            return None
        if match[2] == "remove":
            del crit[i]
            return f"c-{min(i, len(crit) - 1)}-name" if crit else "name"
        j = i - 1 if match[2] == "up" else i + 1
        if not 0 <= j < len(crit):
            return None
        crit[i], crit[j] = crit[j], crit[i]
        return f"c-{j}-name"
    if match[4] is not None:
        i = int(match[4])
        if i >= len(crit) or len(crit[i].levels) >= MAX_LEVELS:
            return None
        lowest = min(
            (int(lv.points) for lv in crit[i].levels if _POINTS.match(lv.points)), default=1
        )
        crit[i].levels.append(LevelDraft(points=str(max(lowest - 1, 0))))
        return f"c-{i}-l-{len(crit[i].levels) - 1}-label"
    i, j = int(match[5]), int(match[6])
    if i >= len(crit) or j >= len(crit[i].levels):
        return None
    del crit[i].levels[j]
    return f"c-{i}-l-{max(j - 1, 0)}-label" if crit[i].levels else f"c-{i}-name"


# ---------------------------------------------------------------------- validation


@dataclass
class Problems:
    """Validation messages, each tied to the field it is about (its form name)."""

    fields: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, message: str) -> None:
        self.fields.setdefault(key, message)

    def __bool__(self) -> bool:
        return bool(self.fields)

    def summary(self) -> list[tuple[str, str]]:
        return list(self.fields.items())


def _weight(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def validate(draft: RubricDraft) -> Problems:
    problems = Problems()
    if not draft.name:
        problems.add("name", _("Give the rubric a name."))
    elif len(draft.name) > 200:
        problems.add("name", _("Keep the name under 200 characters."))
    if len(draft.description) > MAX_DESCRIPTION:
        problems.add("description", _("Keep the description under 4000 characters."))
    if not draft.criteria:
        problems.add("criteria", _("A rubric needs at least one criterion."))
    if len(draft.criteria) > MAX_CRITERIA:
        problems.add(
            "criteria", _("A rubric can have at most %(n)d criteria.") % {"n": MAX_CRITERIA}
        )
    seen: set[str] = set()
    for i, c in enumerate(draft.criteria[:MAX_CRITERIA]):
        key = f"c-{i}"
        if not c.name:
            problems.add(f"{key}-name", _("Give this criterion a name."))
        elif len(c.name) > 120:
            problems.add(f"{key}-name", _("Keep the name under 120 characters."))
        elif c.name.casefold() in seen:
            problems.add(f"{key}-name", _("Another criterion already has this name."))
        seen.add(c.name.casefold())
        if len(c.description) > MAX_DESCRIPTION:
            problems.add(f"{key}-description", _("Keep the description under 4000 characters."))
        weight = _weight(c.weight)
        if weight is None:
            problems.add(f"{key}-weight", _("The weight must be a number, such as 1 or 1.5."))
        elif weight <= 0:
            problems.add(f"{key}-weight", _("The weight must be more than 0."))
        elif weight > MAX_WEIGHT or weight != weight.quantize(Decimal("0.01")):
            problems.add(
                f"{key}-weight", _("Use a weight up to 999.99, with at most two decimals.")
            )
        if c.measures not in MEASURES:
            problems.add(f"{key}-measures", _("Choose what the engine measures from the list."))
        if len(c.levels) < 2:
            problems.add(f"{key}-levels", _("A criterion needs at least two levels."))
        if len(c.levels) > MAX_LEVELS:
            problems.add(
                f"{key}-levels", _("A criterion can have at most %(n)d levels.") % {"n": MAX_LEVELS}
            )
        points_seen: set[int] = set()
        for j, level in enumerate(c.levels[:MAX_LEVELS]):
            lkey = f"{key}-l-{j}"
            if not level.label:
                problems.add(f"{lkey}-label", _("Give this level a label."))
            elif len(level.label) > 80:
                problems.add(f"{lkey}-label", _("Keep the label under 80 characters."))
            if not _POINTS.match(level.points):
                problems.add(f"{lkey}-points", _("Points must be a whole number, 0 or more."))
            elif int(level.points) > MAX_POINTS:
                problems.add(
                    f"{lkey}-points", _("Points can be at most %(n)d.") % {"n": MAX_POINTS}
                )
            elif int(level.points) in points_seen:
                problems.add(
                    f"{lkey}-points", _("Another level of this criterion has the same points.")
                )
            else:
                points_seen.add(int(level.points))
            if len(level.descriptor) > MAX_DESCRIPTOR:
                problems.add(f"{lkey}-descriptor", _("Keep the descriptor under 2000 characters."))
    return problems


def cleaned_weight(text: str) -> Decimal:
    value = _weight(text)
    assert value is not None  # validated
    return value


# ---------------------------------------------------------------------- JSON shape


def to_dict(draft: RubricDraft) -> dict[str, Any]:
    """The documented JSON format (README: "Rubric files")."""
    return {
        "format": "essaycoach-rubric",
        "version": 1,
        "name": draft.name,
        "description": draft.description,
        "criteria": [
            {
                "name": c.name,
                "description": c.description,
                "weight": float(_weight(c.weight) or 1),
                "measures": c.measures,
                "levels": [
                    {"label": lv.label, "points": int(lv.points), "descriptor": lv.descriptor}
                    for lv in c.levels
                ],
            }
            for c in draft.criteria
        ],
    }


# ---------------------------------------------------------------------- for the template


def _field(key: str, value: str, problems: Problems) -> dict[str, str]:
    return {"name": key, "value": value, "error": problems.fields.get(key, "")}


def builder_context(draft: RubricDraft, problems: Problems) -> dict[str, Any]:
    return {
        "rows": builder_rows(draft, problems),
        "name_field": _field("name", draft.name, problems),
        "description_field": _field("description", draft.description, problems),
        "problems": problems,
    }


def builder_rows(draft: RubricDraft, problems: Problems) -> list[dict[str, Any]]:
    """The draft as the builder template shows it: each field with its form name, value
    and error, so every message sits next to its field."""
    measures = [(value, str(label)) for value, label in Criterion.Measures.choices if value]
    rows = []
    for i, c in enumerate(draft.criteria):
        key = f"c-{i}"
        rows.append(
            {
                "index": i,
                "number": i + 1,
                "key": key,
                "name": _field(f"{key}-name", c.name, problems),
                "description": _field(f"{key}-description", c.description, problems),
                "weight": _field(f"{key}-weight", c.weight, problems),
                "measures": _field(f"{key}-measures", c.measures, problems),
                "measures_choices": measures,
                "engine_default": c.engine_default_label() if c.name else "",
                "levels_error": problems.fields.get(f"{key}-levels", ""),
                "first": i == 0,
                "last": i == len(draft.criteria) - 1,
                "levels": [
                    {
                        "index": j,
                        "number": j + 1,
                        "label": _field(f"{key}-l-{j}-label", lv.label, problems),
                        "points": _field(f"{key}-l-{j}-points", lv.points, problems),
                        "descriptor": _field(f"{key}-l-{j}-descriptor", lv.descriptor, problems),
                    }
                    for j, lv in enumerate(c.levels)
                ],
            }
        )
    return rows
