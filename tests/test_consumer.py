"""Integration: a real Huey consumer (Redis in CI) runs the analysis while a browser-like
client holds the event stream open; panels arrive one by one and the stream closes."""

from __future__ import annotations

import asyncio
import signal
import time

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient
from django.urls import reverse
from huey.contrib.djhuey import HUEY

from coaching.models import STAGES, Analysis
from essays.models import Revision
from tests.conftest import client_for
from tests.factories import UNIFORM_ESSAY
from tests.test_stream import read_events
from tests.waiting import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def consumer():
    import coaching.tasks  # noqa: F401  (run_huey imports every tasks module before starting)

    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    HUEY.flush()
    worker = HUEY.create_consumer(
        workers=1, worker_type="thread", periodic=False, initial_delay=0.05, max_delay=0.2
    )
    worker.start()
    yield worker
    worker.stop(graceful=True)
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def test_submitting_queues_work_that_the_consumer_finishes(school, consumer):
    url = reverse("essays:essay_submit", args=[school.assignment.pk])
    response = client_for(school.student).post(url, {"text": UNIFORM_ESSAY})
    assert response.status_code == 302
    revision = Revision.objects.get()
    wait_for(lambda: Analysis.objects.get(revision=revision).status == "done")
    analysis = Analysis.objects.get(revision=revision)
    assert analysis.stages.count() == len(STAGES)
    assert analysis.attempts == 1


async def test_panels_arrive_live_over_the_stream(school, consumer, settings):
    settings.STREAM_POLL_INTERVAL = 0.05
    essay_url = reverse("essays:essay_submit", args=[school.assignment.pk])
    # Submit, but hold the worker back until the stream is open: the analysis is queued.
    HUEY.immediate = False
    consumer.stop(graceful=True)
    student = await sync_to_async(client_for)(school.student)
    await sync_to_async(student.post)(essay_url, {"text": UNIFORM_ESSAY})
    revision = await Revision.objects.aget()
    assert (await Analysis.objects.aget(revision=revision)).status == "queued"

    client = AsyncClient()
    await client.aforce_login(school.student)
    response = await client.get(reverse("coaching:revision_stream", args=[revision.pk]))
    reader = asyncio.ensure_future(read_events(response))
    await asyncio.sleep(0.3)
    assert not reader.done(), "the stream stays open while the analysis waits"

    late = HUEY.create_consumer(
        workers=1, worker_type="thread", periodic=False, initial_delay=0.05, max_delay=0.2
    )
    late.start()
    try:
        events = await asyncio.wait_for(reader, timeout=60)
    finally:
        late.stop(graceful=True)
    names = [e["event"] for e in events]
    for stage in STAGES:
        assert stage in names
    assert names[-1] == "done"
    assert names.index("overview") < names.index("notes") < names.index("summary")
    assert (await Analysis.objects.aget(revision=revision)).status == "done"


def test_teacher_marks_are_fitted_by_the_consumer(school, consumer, settings):
    from coaching.models import Calibration
    from tests.factories import MembershipFactory, UserFactory

    settings.CALIBRATION_MIN_ESSAYS = 5
    url = reverse("essays:essay_submit", args=[school.assignment.pk])
    endings = ["", " Really.", " It is simple.", " Everyone agrees with this.", " Ok."]
    revisions = []
    for ending in endings:
        student = UserFactory()
        MembershipFactory(classroom=school.classroom, user=student)
        text = UNIFORM_ESSAY.replace("adopt them.", "adopt them." + ending)
        client_for(student).post(url, {"text": text})
        revisions.append(Revision.objects.get(essay__student=student))
    wait_for(lambda: Analysis.objects.filter(status="done").count() == len(endings))

    teacher = client_for(school.teacher)
    criteria = list(school.assignment.rubric.criteria.all())
    for i, revision in enumerate(revisions):
        form = {f"criterion-{c.pk}": 1 + (i % 4) for c in criteria}
        teacher.post(reverse("coaching:review_marks", args=[revision.pk]), form)
    wait_for(lambda: Calibration.objects.filter(assignment=school.assignment).exists())
    assert Calibration.objects.get(assignment=school.assignment).essays == len(endings)
    # after an engine upgrade the periodic task has the consumer refit the model
    from coaching.engine import ENGINE_VERSION
    from coaching.tasks import refit_stale_calibrations

    Calibration.objects.update(engine_version="0.0.1")
    refit_stale_calibrations.call_local()
    wait_for(
        lambda: Calibration.objects.filter(
            assignment=school.assignment, engine_version=ENGINE_VERSION
        ).exists()
    )


@pytest.fixture
def stale_heartbeat():
    from coaching import heartbeat

    heartbeat.beat(now=time.time() - 3600)


def test_a_starting_consumer_makes_the_service_ready(school, stale_heartbeat, consumer):
    from django.test import Client

    wait_for(lambda: Client().get("/readyz/").status_code == 200, timeout=20)
    assert Client().get("/readyz/").json()["worker"] is True


def test_the_request_id_follows_a_submission_into_the_worker(school, consumer):
    import io
    import json
    import logging

    from config.logs import JsonFormatter, RequestIdFilter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    task_logger = logging.getLogger("coaching.tasks")
    task_logger.addHandler(handler)
    task_logger.setLevel(logging.INFO)
    try:
        url = reverse("essays:essay_submit", args=[school.assignment.pk])
        response = client_for(school.student).post(
            url, {"text": UNIFORM_ESSAY}, headers={"X-Request-ID": "req-from-proxy-0001"}
        )
        assert response["X-Request-ID"] == "req-from-proxy-0001"
        revision = Revision.objects.get()
        wait_for(lambda: Analysis.objects.get(revision=revision).status == "done")
    finally:
        task_logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    analysing = [e for e in lines if e["message"] == "analysing"]
    assert analysing, lines
    assert analysing[0]["request_id"] == "req-from-proxy-0001"
    assert analysing[0]["analysis_id"] == revision.analysis.pk


def test_a_students_waiting_essays_are_all_read_by_the_consumer(school, consumer, settings):
    # one student's burst: at most two in flight, the rest wait, and nothing is lost
    settings.ANALYSES_IN_FLIGHT_PER_STUDENT = 2
    url = reverse("essays:essay_submit", args=[school.assignment.pk])
    student = client_for(school.student)
    for i in range(5):
        assert student.post(url, {"text": f"{UNIFORM_ESSAY}\nTake {i}."}).status_code == 302
    most = 0

    def all_done() -> bool:
        nonlocal most
        statuses = list(Analysis.objects.values_list("status", flat=True))
        most = max(most, sum(s in ("queued", "running") for s in statuses))
        return statuses.count("done") == 5

    wait_for(all_done, timeout=120)
    assert most <= 2
    assert Revision.objects.filter(essay__student=school.student).count() == 5


def test_a_giant_word_and_the_revision_after_it_are_both_read(school, consumer):
    # issue 9: 5,000 letters crashed harper.js, the analysis failed after 3 attempts, and the
    # student's next, normal revision failed too
    url = reverse("essays:essay_submit", args=[school.assignment.pk])
    student = client_for(school.student)
    giant = UNIFORM_ESSAY.replace("cheap or", f"cheap {'w' * 5000} or")
    student.post(url, {"text": giant})
    first = Revision.objects.get()
    wait_for(lambda: Analysis.objects.get(revision=first).finished, timeout=60)
    analysis = Analysis.objects.get(revision=first)
    assert (analysis.status, analysis.attempts) == ("done", 1)
    notes = analysis.stages.get(stage="notes").data["annotations"]
    assert [n["rule"] for n in notes if n["rule"].startswith("bounds:")] == ["bounds:long_word"]
    student.post(url, {"text": UNIFORM_ESSAY})
    second = Revision.objects.get(number=2)
    wait_for(lambda: Analysis.objects.get(revision=second).finished, timeout=60)
    assert Analysis.objects.get(revision=second).status == "done"
