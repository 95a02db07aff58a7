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
