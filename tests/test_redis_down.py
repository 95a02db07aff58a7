"""Redis down: sign-in and sign-up still work, a submit saves and says feedback is delayed,
and the task is sent as soon as the queue is back. (The drill with real processes is in
e2e/test_fault_drills.py.)"""

from __future__ import annotations

import pytest
import redis
from django.test import Client
from django.urls import reverse
from huey.contrib.djhuey import HUEY

from coaching import pipeline
from coaching.models import Analysis
from coaching.tasks import requeue_lost_analyses
from e2e.harness import free_port
from essays.models import Revision
from tests.conftest import client_for
from tests.factories import PASSWORD, UNIFORM_ESSAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_redis_cache(settings):
    """The cache as production configures it, on a port where no Redis listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "KEY_PREFIX": "essaycoach-test-dead",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    from django.core.cache import cache

    yield cache


def test_the_cache_falls_back_to_local_memory(dead_redis_cache):
    cache = dead_redis_cache
    assert cache.get("missing", "default") == "default"
    assert cache.add("lock", 1, 10) is True
    assert cache.add("lock", 1, 10) is False  # a lock still locks, within this process
    cache.set("history", [1.0, 2.0], 60)
    assert cache.get("history") == [1.0, 2.0]
    cache.delete("history")
    assert cache.get("history") is None
    assert cache.redis_down


def test_login_and_signup_work_while_redis_is_down(dead_redis_cache, school):
    response = Client().post(
        reverse("account_login"), {"login": school.student.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    response = Client().post(
        reverse("account_signup"),
        {
            "display_name": "New Person",
            "role": "student",
            "email": "new.person@school.test",
            "password1": "Essays-fun-2026",
            "password2": "Essays-fun-2026",
        },
    )
    assert response.status_code == 302


def test_failed_logins_are_still_limited_per_process_while_redis_is_down(
    dead_redis_cache, school, settings
):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}
    client = Client()
    bodies = [
        client.post(
            reverse("account_login"), {"login": "x@school.test", "password": "wrong"}
        ).content.decode()
        for _ in range(4)
    ]
    assert "Too many failed login attempts" not in bodies[2]
    assert "Too many failed login attempts" in bodies[3]


def submit_with_queue_down(school, django_capture_on_commit_callbacks, monkeypatch):
    def refuse(*args, **kwargs):
        raise redis.exceptions.ConnectionError("Error 111 connecting to 127.0.0.1. Refused.")

    with monkeypatch.context() as patch:
        patch.setattr(HUEY, "enqueue", refuse)
        url = reverse("essays:essay_submit", args=[school.assignment.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(school.student).post(url, {"text": UNIFORM_ESSAY})
    return response


def test_a_submit_with_the_queue_down_saves_and_says_feedback_is_delayed(
    school, django_capture_on_commit_callbacks, monkeypatch
):
    response = submit_with_queue_down(school, django_capture_on_commit_callbacks, monkeypatch)
    revision = Revision.objects.get()
    assert response.status_code == 302  # not a 500 that makes the student submit again
    assert response["Location"] == reverse("coaching:revision_feedback", args=[revision.pk])
    analysis = revision.analysis
    assert analysis.status == Analysis.Status.QUEUED
    assert analysis.error == Analysis.NOT_QUEUED
    # the page says so while the queue is still down
    monkeypatch.setattr(HUEY, "enqueue", lambda *a, **k: (_ for _ in ()).throw(OSError()))
    page = client_for(school.student).get(response["Location"]).content.decode()
    assert "Feedback is delayed" in page
    assert Revision.objects.count() == 1


def test_the_periodic_requeue_sends_it_at_once_when_the_queue_is_back(
    school, django_capture_on_commit_callbacks, monkeypatch
):
    submit_with_queue_down(school, django_capture_on_commit_callbacks, monkeypatch)
    analysis = Analysis.objects.get()
    # not only after ANALYSIS_STALE_SECONDS: it was never sent
    assert pipeline.analyses_to_requeue() == [analysis.pk]
    sent: list = []
    monkeypatch.setattr(HUEY, "enqueue", sent.append)
    requeue_lost_analyses.call_local()
    assert [task.args[0] for task in sent] == [analysis.pk]
    analysis.refresh_from_db()
    assert analysis.error == ""
    assert pipeline.analyses_to_requeue() == []


def test_opening_the_page_sends_it_when_the_queue_is_back(
    school, django_capture_on_commit_callbacks, monkeypatch
):
    response = submit_with_queue_down(school, django_capture_on_commit_callbacks, monkeypatch)
    sent: list = []
    monkeypatch.setattr(HUEY, "enqueue", sent.append)
    assert client_for(school.student).get(response["Location"]).status_code == 200
    assert len(sent) == 1
    assert Analysis.objects.get().error == ""


def test_the_worker_resends_unsent_analyses_within_seconds(
    school, django_capture_on_commit_callbacks, monkeypatch
):
    from coaching.tasks import resend_unsent

    submit_with_queue_down(school, django_capture_on_commit_callbacks, monkeypatch)
    monkeypatch.setattr(
        HUEY, "enqueue", lambda *a, **k: (_ for _ in ()).throw(redis.exceptions.ConnectionError())
    )
    with pytest.raises(redis.exceptions.ConnectionError):
        resend_unsent()  # still down: the loop logs and tries again
    assert Analysis.objects.get().error == Analysis.NOT_QUEUED
    sent: list = []
    monkeypatch.setattr(HUEY, "enqueue", sent.append)
    assert resend_unsent() == 1
    assert resend_unsent() == 0  # sent once, not every few seconds
    assert len(sent) == 1
    assert Analysis.objects.get().error == ""


def test_marking_and_releasing_with_the_queue_down_are_saved_not_500(
    school, django_capture_on_commit_callbacks, monkeypatch
):
    from coaching.models import TeacherReview
    from essays.models import Assignment
    from tests.teach_data import add_revision

    school.assignment.release = Assignment.Release.AFTER_REVIEW
    school.assignment.save()
    revision = add_revision(school.assignment, school.student)
    monkeypatch.setattr(
        HUEY, "enqueue", lambda *a, **k: (_ for _ in ()).throw(redis.exceptions.ConnectionError())
    )
    teacher = client_for(school.teacher)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = teacher.post(reverse("coaching:review_release", args=[revision.pk]))
    assert response.status_code < 500
    assert callbacks  # the e-mail's task was tried, failed, and was parked
    assert TeacherReview.objects.get(revision=revision).released_at is not None
    from coaching.models import ParkedTask

    assert ParkedTask.objects.filter(name="coaching.tasks.send_feedback_mail").count() == 1
