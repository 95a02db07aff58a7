"""Faults around an analysis (issue 9): a failed previous revision, a failing checker,
a worker that died on the last attempt, no worker at all, one student's burst of submits."""

from __future__ import annotations

import pytest

from coaching import pipeline
from coaching.engine import Engine
from coaching.engine.harper_js import HarperChecker
from coaching.models import Analysis
from tests.factories import UNIFORM_ESSAY, UNIFORM_REVISED


def test_a_failed_previous_revision_costs_only_the_comparison(submit, analysed, monkeypatch):
    first = submit(UNIFORM_ESSAY)
    Analysis.objects.filter(pk=first.analysis.pk).update(status="failed", attempts=3)
    seen: list[str] = []
    real = Engine.analyze

    def spy(self, essay_input):
        seen.append(essay_input.text)
        return real(self, essay_input)

    monkeypatch.setattr(Engine, "analyze", spy)
    second = analysed(UNIFORM_REVISED)
    assert second.analysis.status == "done"
    assert first.text not in seen  # the failed text is not analysed again
    assert second.analysis.stages.get(stage="summary").data["changes"] == []


def test_a_previous_revision_still_waiting_is_compared_as_before(submit, analysed):
    submit(UNIFORM_ESSAY)  # queued, not run yet
    second = analysed(UNIFORM_REVISED)
    assert second.analysis.stages.get(stage="summary").data["changes"]


def test_a_result_short_of_a_checker_is_not_reused(school, analysed, monkeypatch):
    def broken(self, text, dialect=None):
        raise TimeoutError("no answer from harper.js")

    monkeypatch.setattr(HarperChecker, "lint", broken)
    first = analysed(UNIFORM_ESSAY)
    assert first.analysis.status == "done"
    assert first.analysis.stages.get(stage="notes").data["skipped"] == ["harper"]
    monkeypatch.undo()
    again = analysed(UNIFORM_ESSAY, school.classmate)
    assert "skipped" not in again.analysis.stages.get(stage="notes").data


def test_the_page_says_some_checks_were_skipped(school, analysed, monkeypatch):
    from django.urls import reverse

    from tests.conftest import client_for

    monkeypatch.setattr(HarperChecker, "lint", lambda *a, **k: (_ for _ in ()).throw(EOFError()))
    revision = analysed(UNIFORM_ESSAY)
    page = client_for(school.student).get(reverse("coaching:revision_feedback", args=[revision.pk]))
    assert "Some checks were skipped this time" in page.content.decode()


@pytest.mark.parametrize("letters", [2000, 5000])
def test_a_giant_word_is_one_note_on_the_page(school, analysed, letters):
    from django.urls import reverse

    from tests.conftest import client_for

    text = UNIFORM_ESSAY.replace("cheap or", f"cheap {'q' * letters} or")
    revision = analysed(text)
    assert revision.analysis.status == "done"
    page = client_for(school.student).get(reverse("coaching:revision_feedback", args=[revision.pk]))
    assert f"This &#x27;word&#x27; is {letters:,} letters long" in page.content.decode()
    assert pipeline.MAX_ATTEMPTS == 3 and revision.analysis.attempts == 1


# --- every attempt used; slow; no worker ---------------------------------------------


def _feedback_page(school, revision) -> str:
    from django.urls import reverse

    from tests.conftest import client_for

    url = reverse("coaching:revision_feedback", args=[revision.pk])
    return client_for(school.student).get(url).content.decode()


def _ago(seconds: float):
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() - timedelta(seconds=seconds)


@pytest.fixture
def worker_beating():
    from coaching import heartbeat

    heartbeat.beat()


def test_an_analysis_whose_worker_died_on_every_attempt_fails_with_try_again(
    school, submit, settings, worker_beating, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from coaching.tasks import requeue_lost_analyses
    from tests.conftest import client_for

    stale = _ago(settings.ANALYSIS_STALE_SECONDS + 5)
    dead = submit(UNIFORM_ESSAY).analysis
    Analysis.objects.filter(pk=dead.pk).update(status="running", attempts=3, claimed_at=stale)
    # one more try left: requeued, not failed; and one whose last attempt is still going
    retrying = submit(UNIFORM_REVISED).analysis
    Analysis.objects.filter(pk=retrying.pk).update(status="running", attempts=2, claimed_at=stale)
    busy = submit(UNIFORM_ESSAY + "\nAgain.").analysis
    Analysis.objects.filter(pk=busy.pk).update(status="running", attempts=3, claimed_at=_ago(1))
    with django_capture_on_commit_callbacks(execute=True):
        requeue_lost_analyses.call_local()
    assert Analysis.objects.get(pk=dead.pk).status == "failed"
    assert Analysis.objects.get(pk=retrying.pk).status == "running"  # a task was queued
    assert Analysis.objects.get(pk=busy.pk).status == "running"
    assert pipeline.analyses_out_of_attempts() == []  # once

    page = _feedback_page(school, dead.revision)
    assert "We could not analyse this revision." in page
    assert "Try again" in page
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client_for(school.student).post(reverse("coaching:analysis_retry", args=[dead.revision.pk]))
    again = Analysis.objects.get(pk=dead.pk)
    assert (again.status, again.attempts) == ("queued", 0)
    assert len(callbacks) == 1


def test_a_slow_analysis_says_it_is_taking_longer_than_usual(
    school, submit, settings, worker_beating
):
    revision = submit(UNIFORM_ESSAY)
    page = _feedback_page(school, revision)
    assert "0 of 4 parts ready" in page and "longer than usual" not in page
    Analysis.objects.filter(pk=revision.analysis.pk).update(
        queued_at=_ago(settings.ANALYSIS_SLOW_SECONDS + 1)
    )
    page = _feedback_page(school, revision)
    assert "This is taking longer than usual; your essay is saved." in page


def test_with_no_worker_the_page_says_feedback_is_delayed(school, submit, settings):
    import time

    from coaching import heartbeat

    heartbeat.beat(now=time.time() - settings.WORKER_HEARTBEAT_MAX_AGE - 60)
    revision = submit(UNIFORM_ESSAY)
    page = _feedback_page(school, revision)
    assert "Feedback is delayed" in page and "Your essay is saved" in page
    assert "0 of 4 parts ready" not in page


# --- one student's analyses in flight ----------------------------------------------------


def _in_flight(student) -> int:
    return Analysis.objects.filter(
        revision__essay__student=student, status__in=["queued", "running"]
    ).count()


def test_a_burst_of_submits_leaves_at_most_the_limit_in_the_queue(
    school, settings, django_capture_on_commit_callbacks
):
    from huey.contrib.djhuey import HUEY

    from essays.services import essay_for, revision_submit

    settings.ANALYSES_IN_FLIGHT_PER_STUDENT = 3
    HUEY.flush()
    essay = essay_for(assignment=school.assignment, student=school.student)
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(100):
            revision_submit(essay=essay, text=f"{UNIFORM_ESSAY}\nDraft {i}.")
    assert essay.revisions.count() == 100  # every one saved
    assert _in_flight(school.student) == 3
    assert Analysis.objects.filter(status="waiting").count() == 97
    assert HUEY.pending_count() == 3
    # a classmate is not behind the burst
    classmate_essay = essay_for(assignment=school.assignment, student=school.classmate)
    with django_capture_on_commit_callbacks(execute=True):
        theirs = revision_submit(essay=classmate_essay, text=UNIFORM_ESSAY)
    assert theirs.analysis.status == "queued"
    assert HUEY.pending_count() == 4
    HUEY.flush()


def test_a_waiting_essay_says_so_and_starts_when_a_slot_frees(
    school, submit, settings, worker_beating
):
    settings.ANALYSES_IN_FLIGHT_PER_STUDENT = 2
    first, second, third = (submit(f"{UNIFORM_ESSAY}\nTake {i}.") for i in range(3))
    assert [r.analysis.status for r in (first, second, third)] == ["queued", "queued", "waiting"]
    page = _feedback_page(school, third)
    assert "Your earlier essays are still being read; this one is saved" in page
    assert "0 of 4 parts ready" not in page
    assert pipeline.analyses_to_start() == []  # no slot yet
    assert pipeline.analysis_run(analysis_id=first.analysis.pk)
    assert pipeline.analyses_to_start(student_id=school.student.pk) == [third.analysis.pk]
    assert Analysis.objects.get(pk=third.analysis.pk).status == "queued"
    assert _in_flight(school.student) == 2


def test_try_again_waits_for_a_slot_too(school, submit, settings):
    from coaching.services import analysis_retry

    settings.ANALYSES_IN_FLIGHT_PER_STUDENT = 1
    failed = submit(UNIFORM_ESSAY).analysis
    Analysis.objects.filter(pk=failed.pk).update(status="failed", attempts=3)
    submit(UNIFORM_REVISED)  # now in flight
    assert analysis_retry(analysis=Analysis.objects.get(pk=failed.pk)).status == "waiting"


def test_the_periodic_task_starts_waiting_essays_whose_slot_freed(
    school, submit, settings, django_capture_on_commit_callbacks
):
    from coaching.tasks import requeue_lost_analyses

    settings.ANALYSES_IN_FLIGHT_PER_STUDENT = 1
    first = submit(UNIFORM_ESSAY)
    second = submit(UNIFORM_REVISED)
    assert second.analysis.status == "waiting"
    # the worker finished the first but died before queueing the next
    Analysis.objects.filter(pk=first.analysis.pk).update(status="done")
    with django_capture_on_commit_callbacks(execute=True):
        requeue_lost_analyses.call_local()
    assert Analysis.objects.get(pk=second.analysis.pk).status in ("queued", "running", "done")
    assert Analysis.objects.get(pk=second.analysis.pk).status != "waiting"


@pytest.mark.django_db(transaction=True)
def test_simultaneous_submits_cannot_overfill_the_students_slots(school, settings):
    import threading

    from django.db import connection

    from essays.models import Revision
    from essays.services import essay_for, revision_submit
    from tests.factories import AssignmentFactory

    settings.ANALYSES_IN_FLIGHT_PER_STUDENT = 3
    # eight tabs, eight assignments: no essay row in common to serialise them
    essays = [
        essay_for(assignment=AssignmentFactory(classroom=school.classroom), student=school.student)
        for _ in range(8)
    ]
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def submit_one(i: int) -> None:
        try:
            start.wait()
            revision_submit(essay=essays[i], text=f"{UNIFORM_ESSAY}\nTab {i}.")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit_one, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Revision.objects.filter(essay__student=school.student).count() == 8
    assert _in_flight(school.student) == 3
    assert Analysis.objects.filter(status="waiting").count() == 5


def test_the_teachers_review_page_says_the_grammar_checker_was_skipped(
    school, analysed, monkeypatch
):
    from django.urls import reverse

    from tests.conftest import client_for

    monkeypatch.setattr(HarperChecker, "lint", lambda *a, **k: (_ for _ in ()).throw(EOFError()))
    skipped = analysed(UNIFORM_ESSAY)
    monkeypatch.undo()
    complete = analysed(UNIFORM_ESSAY, school.classmate)
    teacher = client_for(school.teacher)
    message = "The grammar checker did not answer for this revision"
    page = teacher.get(reverse("coaching:review_page", args=[skipped.pk])).content.decode()
    assert message in page
    page = teacher.get(reverse("coaching:review_page", args=[complete.pk])).content.decode()
    assert message not in page


def test_a_database_failure_mid_analysis_is_queued_for_the_retry_not_left_running(
    submit, monkeypatch
):
    """PostgreSQL restarted under the worker: the error leaves a dead connection and the
    first try at recording the failure fails too. It is recorded once the database answers,
    so the task's retry claims it at once (not after ANALYSIS_STALE_SECONDS)."""
    from django.db import OperationalError

    revision = submit(UNIFORM_ESSAY)
    monkeypatch.setattr(pipeline.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(
        Engine, "run", lambda self, essay_input: (_ for _ in ()).throw(OperationalError("gone"))
    )
    real_refresh = Analysis.refresh_from_db
    calls = []

    def dead_then_back(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("the connection is closed")
        return real_refresh(self, *args, **kwargs)

    monkeypatch.setattr(Analysis, "refresh_from_db", dead_then_back)
    with pytest.raises(OperationalError):
        pipeline.analysis_run(analysis_id=revision.analysis.pk)
    analysis = Analysis.objects.get(pk=revision.analysis.pk)
    assert (analysis.status, analysis.attempts) == ("queued", 1)
    monkeypatch.undo()
    assert pipeline.analysis_run(analysis_id=analysis.pk)  # the retry claims it
    analysis.refresh_from_db()
    assert (analysis.status, analysis.attempts) == ("done", 2)
