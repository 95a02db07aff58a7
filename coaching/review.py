"""Teachers' marking and the per-assignment calibration it feeds.

The machine's draft is never edited: a TeacherReview sits beside it. Once an
assignment has enough reviews, a small model maps the engine's features to this
teacher's overall marks and is used for the assignment's later essays.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings

from coaching.engine import ENGINE_VERSION, EssayInput
from coaching.engine.calibration import Calibrator
from coaching.models import Calibration, Criterion, StageResult, TeacherReview
from coaching.runtime import get_engine, rubric_spec
from essays.models import Assignment, Revision

logger = logging.getLogger(__name__)


def weighted_total(rows: list[tuple[float, float, float]]) -> tuple[float, float]:
    """(points, max) the engine's way: weighted mean of points/max, on the sum of maxima."""
    total_weight = sum(weight for _p, _m, weight in rows) or 1.0
    fraction = sum(weight * p / m for p, m, weight in rows if m) / total_weight
    maximum = float(sum(m for _p, m, _w in rows))
    return round(fraction * maximum, 2), maximum


def rubric_range(assignment: Assignment) -> tuple[float, float]:
    criteria = list(assignment.rubric.criteria.prefetch_related("levels"))
    lowest = [
        (float(min(points)), float(max(points)), float(c.weight))
        for c in criteria
        if (points := [level.points for level in c.levels.all()])
    ]
    low, maximum = weighted_total(lowest)
    return low, maximum


def _training_rows(assignment: Assignment) -> tuple[list[dict[str, float]], list[float]]:
    reviews = TeacherReview.objects.filter(revision__essay__assignment=assignment)
    totals = dict(reviews.values_list("revision_id", "total"))
    features = StageResult.objects.filter(
        stage="scores", analysis__revision_id__in=list(totals)
    ).values_list("analysis__revision_id", "analysis__engine_version", "data")
    found: dict[int, dict[str, float]] = {}
    stale: list[int] = []
    for revision_id, version, data in features:
        if version != ENGINE_VERSION:
            stale.append(revision_id)  # the features mean something else now
        elif data.get("features") and not data.get("passing_blocked"):
            found[revision_id] = data["features"]
    for revision_id, scores_stage in _current_scores(assignment, stale):
        if scores_stage.get("features") and not scores_stage.get("passing_blocked"):
            found[revision_id] = scores_stage["features"]
    # in one order whatever was stale: the cross-validation's folds follow the row order,
    # so the same essays and marks must give the same model
    order = sorted(found)
    return [found[r] for r in order], [totals[r] for r in order]


def _current_scores(assignment: Assignment, revision_ids: list[int]) -> list[tuple[int, dict]]:
    """The scores stage of this engine version for essays an older engine analysed.

    The student's feedback stays as it was; only the calibration sees the new numbers.
    """
    if not revision_ids:
        return []
    spec = rubric_spec(assignment.rubric)
    engine = get_engine()
    out = []
    for revision in Revision.objects.filter(pk__in=revision_ids).only("pk", "text"):
        result = engine.analyze(
            EssayInput(
                text=revision.text,
                prompt=assignment.prompt,
                rubric=spec,
                spelling=assignment.spelling,
            )
        )
        out.append((revision.pk, result["scores"]))
    return out


def calibration_fit(*, assignment: Assignment) -> Calibration | None:
    """Fit (or refit) the assignment's model once it has enough marked essays."""
    rows, scores = _training_rows(assignment)
    if len(rows) < settings.CALIBRATION_MIN_ESSAYS:
        Calibration.objects.filter(assignment=assignment).delete()
        return None
    low, high = rubric_range(assignment)
    model = Calibrator.fit(rows, scores, score_min=low, score_max=high)
    calibration, _created = Calibration.objects.update_or_create(
        assignment=assignment,
        defaults={"model": model.to_dict(), "essays": len(rows), "engine_version": ENGINE_VERSION},
    )
    logger.info("calibrated assignment %s on %s essays: %s", assignment.pk, len(rows), model.report)
    return calibration


def stale_calibrations() -> list[int]:
    """Assignments whose calibration was fitted on another engine version's features."""
    return list(
        Calibration.objects.exclude(engine_version=ENGINE_VERSION).values_list(
            "assignment_id", flat=True
        )
    )


def calibrated_scores(scores: dict[str, Any], calibration: Calibration | None) -> dict[str, Any]:
    """The scores stage with the overall mark from the teacher's calibration, if any.

    Criterion levels stay the rubric heuristics' (with their evidence); the overall
    mark and how sure it is come from the model fitted on this teacher's marks.
    """
    if calibration is None or scores.get("passing_blocked") or not scores.get("features"):
        return scores
    model = Calibrator.from_dict(calibration.model)
    predicted = model.predict(scores["features"])
    maximum = float(scores["overall"]["max_points"]) or model.score_max
    report = model.report
    return {
        **scores,
        "heuristic_overall": scores["overall"],
        "overall": {
            "points": round(predicted, 1),
            "max_points": maximum,
            "percent": round(100 * predicted / maximum, 1) if maximum else 0.0,
        },
        "calibration": {
            "essays": calibration.essays,
            "plus_minus": round(model.interval(), 1),
            "cv_qwk": report.get("cv_qwk"),
            "cv_adjacent": report.get("cv_adjacent"),
            "cv_pearson": report.get("cv_pearson"),
        },
    }


def criterion_choices(assignment: Assignment) -> list[Criterion]:
    return list(assignment.rubric.criteria.prefetch_related("levels").order_by("order", "pk"))
