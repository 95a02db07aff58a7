from datetime import timedelta

import pytest
from django.utils import timezone

from coaching import pipeline
from coaching.models import STAGES, Analysis, StageResult
from tests.factories import UNIFORM_ESSAY, UNIFORM_REVISED


def test_analysis_saves_every_stage_in_order(analysed):
    revision = analysed(UNIFORM_ESSAY)
    analysis = revision.analysis
    assert analysis.status == Analysis.Status.DONE
    assert analysis.engine_version
    assert analysis.overall_percent is not None
    stages = list(StageResult.objects.filter(analysis=analysis).order_by("seq"))
    assert [s.stage for s in stages] == list(STAGES)
    assert [s.seq for s in stages] == [1, 2, 3, 4]
    overview = stages[0].data
    assert overview["words"] == len(UNIFORM_ESSAY.split())
    assert overview["paragraphs"] == 5
    for criterion in stages[2].data["criteria"]:
        for evidence in criterion["evidence"]:
            assert revision.text[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_running_twice_is_harmless(analysed):
    revision = analysed(UNIFORM_ESSAY)
    assert pipeline.analysis_run(analysis_id=revision.analysis.pk) is False
    assert StageResult.objects.filter(analysis=revision.analysis).count() == len(STAGES)


def test_claim_is_atomic(submit):
    revision = submit(UNIFORM_ESSAY)
    assert pipeline.analysis_claim(analysis_id=revision.analysis.pk) is True
    assert pipeline.analysis_claim(analysis_id=revision.analysis.pk) is False


def test_a_stale_claim_can_be_taken_over(submit, settings):
    revision = submit(UNIFORM_ESSAY)
    assert pipeline.analysis_claim(analysis_id=revision.analysis.pk)
    Analysis.objects.filter(pk=revision.analysis.pk).update(
        claimed_at=timezone.now() - timedelta(seconds=settings.ANALYSIS_STALE_SECONDS + 1)
    )
    assert pipeline.analysis_claim(analysis_id=revision.analysis.pk)
    assert Analysis.objects.get(pk=revision.analysis.pk).attempts == 2


def test_a_failing_engine_leaves_the_analysis_retryable_then_failed(submit, monkeypatch):
    revision = submit(UNIFORM_ESSAY)

    class Broken:
        def run(self, essay_input):
            yield "overview", {"words": 1}
            raise RuntimeError("engine exploded")

    monkeypatch.setattr(pipeline, "get_engine", lambda: Broken())
    analysis_id = revision.analysis.pk
    for attempt in range(1, pipeline.MAX_ATTEMPTS + 1):
        with pytest.raises(RuntimeError):
            pipeline.analysis_run(analysis_id=analysis_id)
        analysis = Analysis.objects.get(pk=analysis_id)
        expected = "failed" if attempt == pipeline.MAX_ATTEMPTS else "queued"
        assert analysis.status == expected
        assert "engine exploded" in analysis.error
    # The stage that did finish is kept; the essay itself is untouched.
    assert StageResult.objects.filter(analysis_id=analysis_id, stage="overview").exists()
    assert pipeline.analysis_run(analysis_id=analysis_id) is False


def test_retry_after_failure_runs_again(submit, monkeypatch, django_capture_on_commit_callbacks):
    from coaching.services import analysis_retry

    revision = submit(UNIFORM_ESSAY)
    Analysis.objects.filter(pk=revision.analysis.pk).update(status="failed", attempts=3)
    with django_capture_on_commit_callbacks() as callbacks:
        analysis = analysis_retry(analysis=Analysis.objects.get(pk=revision.analysis.pk))
    assert analysis.status == "queued" and analysis.attempts == 0
    assert len(callbacks) == 1
    assert pipeline.analysis_run(analysis_id=analysis.pk)


def test_lost_analyses_are_found_for_requeueing(submit, settings):
    revision = submit(UNIFORM_ESSAY)
    assert pipeline.analyses_to_requeue() == []
    old = timezone.now() - timedelta(seconds=settings.ANALYSIS_STALE_SECONDS + 5)
    Analysis.objects.filter(pk=revision.analysis.pk).update(queued_at=old)
    assert pipeline.analyses_to_requeue() == [revision.analysis.pk]


def test_a_revision_is_compared_with_the_previous_one(analysed):
    analysed(UNIFORM_ESSAY)
    second = analysed(UNIFORM_REVISED)
    summary = second.analysis.stages.get(stage="summary").data
    assert isinstance(summary["changes"], list)
    assert summary["changes"], "a second revision should say what changed"


def test_identical_input_reuses_the_cached_result(school, analysed, monkeypatch):
    first = analysed(UNIFORM_ESSAY)

    def no_engine():
        raise AssertionError("the engine should not run for a cached result")

    monkeypatch.setattr(pipeline, "get_engine", no_engine)
    # A classmate submits the very same text for the same assignment and rubric.
    second = analysed(UNIFORM_ESSAY, school.classmate)
    for stage in STAGES:
        assert (
            second.analysis.stages.get(stage=stage).data
            == first.analysis.stages.get(stage=stage).data
        )
    assert second.analysis.engine_version == first.analysis.engine_version


AMERICAN_ESSAY = (
    "My favorite color is gray, and our theater program is the center of my week. "
    "We traveled to Denver to see how other schools organize their shows, and I learned "
    "that a small stage can still hold a big story."
)


@pytest.mark.parametrize(
    ("spelling", "british_notes"), [("auto", 0), ("american", 0), ("british", 5)]
)
def test_the_assignments_spelling_reaches_the_engine(school, analysed, spelling, british_notes):
    school.assignment.spelling = spelling
    school.assignment.save(update_fields=["spelling"])
    revision = analysed(AMERICAN_ESSAY)
    notes = revision.analysis.stages.get(stage="notes").data["annotations"]
    told_british = [n for n in notes if "British" in n["message"]]
    assert len(told_british) >= british_notes and (british_notes or not told_british)
    overview = revision.analysis.stages.get(stage="overview").data
    assert overview["spelling"]["requested"] == spelling


def test_the_spelling_variety_is_part_of_the_cache_key():
    from coaching.engine import EssayInput
    from coaching.runtime import result_key

    keys = {result_key(EssayInput(text="Same text.", spelling=s)) for s in ("auto", "british")}
    assert len(keys) == 2
