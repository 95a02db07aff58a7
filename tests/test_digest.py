"""Analysis.digest: written as the stages arrive, filled in by the migration for old rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from coaching.models import Analysis, digest_of, digest_of_stages
from tests.factories import UNIFORM_ESSAY

NOTES = {
    "annotations": [
        {"rule": "spelling", "category": "spelling", "message": "Check the spelling."},
        {"rule": "spelling", "category": "spelling", "message": "Check again."},
        {"category": "grammar", "message": "No rule name."},
    ]
}
SCORES = {"criteria": [{"name": "Ideas", "points": 3}, {"name": "Organisation", "points": 2}]}


def test_digest_keeps_points_and_counts_per_kind():
    assert digest_of("overview", {"anything": 1}) == {}
    assert digest_of_stages({"notes": NOTES, "scores": SCORES, "summary": {}}) == {
        "points": {"Ideas": 3, "Organisation": 2},
        "kinds": {
            "spelling": [2, "spelling", "Check the spelling."],
            "grammar": [1, "grammar", "No rule name."],
        },
    }


def test_the_pipeline_writes_the_digest(analysed):
    revision = analysed(UNIFORM_ESSAY)
    analysis = Analysis.objects.get(revision=revision)
    stages = dict(analysis.stages.values_list("stage", "data"))
    assert analysis.digest == digest_of_stages(stages)
    assert set(analysis.digest["points"]) == {c["name"] for c in stages["scores"]["criteria"]}


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_in_old_analyses(school):
    executor = MigrationExecutor(connection)
    executor.migrate([("coaching", "0008_print_job")])
    old = executor.loader.project_state([("coaching", "0008_print_job")]).apps
    Revision = old.get_model("essays", "Revision")
    revision = Revision.objects.create(
        essay_id=old.get_model("essays", "Essay")
        .objects.create(assignment_id=school.assignment.pk, student_id=school.student.pk)
        .pk,
        number=1,
        text="Text.",
        text_sha256="0" * 64,
        word_count=1,
    )
    analysis = old.get_model("coaching", "Analysis").objects.create(
        revision_id=revision.pk, status="done"
    )
    StageResult = old.get_model("coaching", "StageResult")
    StageResult.objects.create(analysis_id=analysis.pk, stage="notes", seq=2, data=NOTES)
    StageResult.objects.create(analysis_id=analysis.pk, stage="scores", seq=3, data=SCORES)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Analysis.objects.get(pk=analysis.pk).digest == digest_of_stages(
        {"notes": NOTES, "scores": SCORES}
    )
