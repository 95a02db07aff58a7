"""Two teachers of a class marking the same essay at the same moment (found by the load
test, scripts/bench/load.py: co-teachers saving and releasing got a 500 now and then).

Real PostgreSQL transactions in two threads; each test holds one side's transaction open
so that the other's runs into its lock, which is what happened under load."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from coaching.models import ReviewEvent, TeacherReview
from coaching.services import review_release, review_save
from tests.teach_data import add_revision


def _points(school, points: int) -> dict[int, int]:
    return {c.pk: points for c in school.assignment.rubric.criteria.all()}


def _in_thread(target, results: dict, name: str) -> threading.Thread:  # type: ignore[no-untyped-def]
    def run() -> None:
        try:
            results[name] = target()
        except Exception as exc:  # the test reports it
            results[name] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.django_db(transaction=True)
def test_a_release_while_a_co_teacher_saves_new_marks_releases_those_marks(school):
    revision = add_revision(school.assignment, school.student)
    review_save(revision=revision, teacher=school.teacher, points=_points(school, 3))
    saved = threading.Event()
    results: dict = {}

    def co_teacher_saves() -> None:
        with transaction.atomic():
            review_save(revision=revision, teacher=school.co_teacher, points=_points(school, 2))
            saved.set()
            time.sleep(0.5)  # the release below waits for this row meanwhile

    def teacher_releases() -> TeacherReview:
        saved.wait(timeout=10)
        return review_release(revision=revision, teacher=school.teacher)

    threads = [
        _in_thread(co_teacher_saves, results, "save"),
        _in_thread(teacher_releases, results, "release"),
    ]
    for thread in threads:
        thread.join(timeout=30)
    # The locking read joined the review's teacher: once the co-teacher's save changed
    # review.teacher, PostgreSQL re-checked the join against the new row, found no match
    # and the release raised DoesNotExist (a 500).
    assert not isinstance(results["release"], Exception), results["release"]
    review = TeacherReview.objects.get(revision=revision)
    assert review.released_at is not None
    assert review.teacher == school.co_teacher
    # what the student sees is what was saved last, not the marks before it
    assert set(review.released["points"].values()) == {2}, review.released


@pytest.mark.django_db(transaction=True)
def test_two_teachers_saving_the_first_marks_at_once_both_save(school, monkeypatch):
    import coaching.services

    real_event = coaching.services._saved_event

    def slow_event(**kwargs) -> None:  # type: ignore[no-untyped-def]
        real_event(**kwargs)
        time.sleep(0.3)  # the first save's transaction stays open a moment

    monkeypatch.setattr(coaching.services, "_saved_event", slow_event)
    revision = add_revision(school.assignment, school.student)
    barrier = threading.Barrier(2)
    results: dict = {}

    def save(teacher, points: int):  # type: ignore[no-untyped-def]
        def run() -> TeacherReview:
            barrier.wait(timeout=10)
            return review_save(revision=revision, teacher=teacher, points=_points(school, points))

        return run

    threads = [
        _in_thread(save(school.teacher, 3), results, "teacher"),
        _in_thread(save(school.co_teacher, 2), results, "co-teacher"),
    ]
    for thread in threads:
        thread.join(timeout=30)
    # Both found no review and both inserted one: the second was an IntegrityError (a 500).
    for name, outcome in results.items():
        assert not isinstance(outcome, Exception), (name, outcome)
    assert TeacherReview.objects.filter(revision=revision).count() == 1
    assert ReviewEvent.objects.filter(revision=revision).count() >= 1
