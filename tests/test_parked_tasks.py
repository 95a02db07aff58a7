"""Nothing is lost while Redis is down: work a page queues (feedback e-mails, invitations,
class PDFs, refits, LMS grade sync) is parked in the database when the queue cannot be
reached, put in the queue again by the workers once it is back, and e-mailed once.

The queue here is a private redis-server (e2e/harness.py PrivateRedis) that the tests stop
and start; Huey's storage points at it for the test, and a real Huey consumer runs the
tasks. (The drill with uvicorn and run_huey is in e2e/test_fault_drills.py.)"""

from __future__ import annotations

import signal
import threading

import pytest
import redis
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse
from huey.contrib.djhuey import HUEY
from huey.storage import RedisStorage

from coaching import outbox
from coaching.models import ParkedTask, SentMail, TeacherReview
from coaching.tasks import requeue_lost_analyses, send_feedback_mail
from e2e.harness import PrivateRedis
from essays.models import Assignment, ClassInvite
from tests.conftest import client_for
from tests.teach_data import add_revision
from tests.waiting import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queue(monkeypatch):
    """Huey's queue on a redis-server of this test's own, stopped and started at will."""
    import coaching.tasks  # noqa: F401  (run_huey imports every tasks module before starting)
    import essays.tasks  # noqa: F401

    server = PrivateRedis().start()
    storage = RedisStorage(HUEY.name, url=server.url)  # as config/settings.py builds it
    monkeypatch.setattr(HUEY, "storage", storage)
    monkeypatch.setattr(HUEY, "immediate", False)
    yield server
    server.stop()


@pytest.fixture
def consumer(queue):
    """Start a Huey consumer on the private queue; stopped gracefully (its tasks finished)
    before the test counts e-mails."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    started = []

    def start():
        worker = HUEY.create_consumer(
            workers=1, worker_type="thread", periodic=False, initial_delay=0.05, max_delay=0.2
        )
        worker.start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if not worker.stop_flag.is_set():
            worker.stop(graceful=True)
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def _finish(worker) -> None:
    """Let the consumer take everything queued and finish it, then stop it."""
    wait_for(lambda: HUEY.pending_count() == 0)
    worker.stop(graceful=True)


def _release_while_down(school, queue):
    school.assignment.release = Assignment.Release.AFTER_REVIEW
    school.assignment.save()
    revision = add_revision(school.assignment, school.student)
    queue.stop()
    response = client_for(school.teacher).post(
        reverse("coaching:review_release", args=[revision.pk])
    )
    return revision, response


def test_feedback_released_while_redis_is_down_is_parked_and_e_mailed_once_it_is_back(
    school, queue, consumer
):
    revision, response = _release_while_down(school, queue)
    assert response.status_code == 302  # answered normally: the release is saved
    assert TeacherReview.objects.get(revision=revision).released_at is not None
    # the e-mail, and the refit that the release's first marks ask for
    assert list(ParkedTask.objects.values_list("name", "args")) == [
        ("coaching.tasks.fit_calibration", [school.assignment.pk]),
        ("coaching.tasks.send_feedback_mail", [revision.review.pk, "released"]),
    ]
    assert mail.outbox == []

    queue.start()  # Redis is back: the worker's resender (or the minute's requeue) drains
    assert outbox.parked_drain() == 2
    assert not ParkedTask.objects.exists()
    _finish(consumer())
    assert [m.to for m in mail.outbox] == [["student@school.test"]]
    assert "Uniforms" in mail.outbox[0].subject
    assert outbox.parked_drain() == 0


def test_an_invitation_sent_while_redis_is_down_is_parked_and_e_mailed_once_it_is_back(
    school, queue, consumer
):
    queue.stop()
    url = reverse("essays:teach_invite_create", args=[school.classroom.pk])
    response = client_for(school.teacher).post(
        url, {"invite-emails": "pat@school.test"}, follow=True
    )
    assert response.status_code == 200
    assert "Invitation sent to pat@school.test." in response.content.decode()
    invite = ClassInvite.objects.get()
    parked = ParkedTask.objects.get()
    assert parked.name == "essays.tasks.send_invite_email"
    assert parked.args[:2] == [invite.pk, "http://testserver/"]

    queue.start()
    requeue_lost_analyses.call_local()  # the minute's requeue drains parked tasks too
    assert not ParkedTask.objects.exists()
    _finish(consumer())
    assert [m.to for m in mail.outbox] == [["pat@school.test"]]
    assert f"/invites/{invite.token}/" in mail.outbox[0].body


def test_a_failed_drain_keeps_the_row_once_and_counts_the_attempt(school, queue, consumer):
    _release_while_down(school, queue)
    names = ["coaching.tasks.fit_calibration", "coaching.tasks.send_feedback_mail"]
    assert list(ParkedTask.objects.values_list("name", flat=True)) == names
    # the worker's resender runs every few seconds while Redis is still down
    assert outbox.parked_drain() == 0
    assert outbox.parked_drain() == 0
    # still there, only once each; the first enqueue failed and the drain stopped there
    assert list(ParkedTask.objects.values_list("name", "attempts")) == [
        (names[0], 2),
        (names[1], 0),
    ]
    assert ParkedTask.objects.filter(name=names[0]).get().error

    queue.start()
    assert outbox.parked_drain() == 2
    assert not ParkedTask.objects.exists()
    _finish(consumer())
    assert len(mail.outbox) == 1


def test_a_task_both_parked_and_queued_again_e_mails_once(school, queue, consumer):
    """The enqueue can fail after Redis took the task (a timeout on the reply), and a drain
    can enqueue a row whose delete is then lost: the e-mail task must be safe to run twice."""
    revision, _response = _release_while_down(school, queue)
    queue.start()
    review_id = TeacherReview.objects.get(revision=revision).pk
    send_feedback_mail(review_id, "released")  # the same release, queued a second time
    assert outbox.parked_drain() == 2  # the e-mail and the refit
    assert HUEY.pending_count() == 3
    _finish(consumer())
    assert len(mail.outbox) == 1
    assert SentMail.objects.count() == 1


def test_a_new_release_after_a_withdrawal_is_e_mailed_again(school, queue, consumer):
    """Once per release, not once for ever: the key is the release's time."""
    from coaching.services import review_release, review_unrelease

    revision, _response = _release_while_down(school, queue)
    queue.start()
    assert outbox.parked_drain() == 2
    _finish(consumer())
    review_unrelease(revision=revision, teacher=school.teacher)
    review_release(revision=revision, teacher=school.teacher)
    _finish(consumer())
    assert len(mail.outbox) == 2


def test_class_pdf_refit_and_grade_sync_park_too(school, queue):
    from coaching.services import class_pdf_request, review_save

    revision = add_revision(school.assignment, school.student)
    queue.stop()
    job = class_pdf_request(
        assignment=school.assignment, teacher=school.teacher, paper="a4", copy="teacher"
    )
    review_save(
        revision=revision,
        teacher=school.teacher,
        points={c.pk: 2 for c in school.assignment.rubric.criteria.all()},
    )
    assert sorted(ParkedTask.objects.values_list("name", "args")) == [
        ("coaching.tasks.build_class_pdf", [job.pk]),
        ("coaching.tasks.fit_calibration", [school.assignment.pk]),
    ]


def test_the_lms_grade_sync_is_parked(school, queue):
    from essays.lti.tasks import grade_sync_task

    # No LMS platform is needed to see where the enqueue goes: park a sync as
    # essays.lti.grades.sync_queue does, and check the task Huey gets back.
    queue.stop()
    assert outbox.enqueue_or_park(grade_sync_task, 41) is False
    parked = ParkedTask.objects.get()
    assert parked.name == "essays.lti.tasks.grade_sync_task"
    queue.start()
    assert outbox.parked_drain() == 1
    message = HUEY.dequeue()
    assert message.name == "grade_sync_task" and message.args == (41,)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SKIP LOCKED; SQLite drains one at a time"
)
def test_two_workers_draining_at_once_never_take_the_same_row(school, queue):
    queue.stop()
    outbox.enqueue_or_park(send_feedback_mail, 1, "released")
    outbox.enqueue_or_park(send_feedback_mail, 2, "released")
    queue.start()
    first = ParkedTask.objects.order_by("pk").first()
    assert first is not None
    locked, done = threading.Event(), threading.Event()

    def other_worker() -> None:  # holds the oldest row, as a drain in progress would
        try:
            with transaction.atomic():
                ParkedTask.objects.select_for_update().filter(pk=first.pk).get()
                locked.set()
                done.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(30)
        assert outbox.parked_drain() == 1  # skipped the locked row, sent the other
        assert list(ParkedTask.objects.values_list("pk", flat=True)) == [first.pk]
    finally:
        done.set()
        thread.join()
    assert HUEY.pending_count() == 1


def test_the_queue_down_error_is_what_redis_raises():
    """What enqueue_or_park catches is what an enqueue against a closed port raises."""
    from e2e.harness import free_port

    dead = RedisStorage("dead", url=f"redis://127.0.0.1:{free_port()}/0")
    with pytest.raises(outbox.QUEUE_DOWN) as caught:
        dead.enqueue(b"x")
    assert isinstance(caught.value, redis.exceptions.ConnectionError)
