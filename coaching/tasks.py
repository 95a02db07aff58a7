"""Huey tasks: thin, take an id, call the pipeline, safe to run twice."""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, on_startup

from coaching import heartbeat, outbox, pipeline
from coaching.review import calibration_fit, stale_calibrations
from coaching.runtime import get_engine
from config import logs
from essays.models import Assignment

logger = logging.getLogger(__name__)


@db_task(retries=2, retry_delay=2)
def analyse_revision(analysis_id: int, request_id: str | None = None) -> None:
    token = logs.bind(request_id)
    try:
        logger.info("analysing", extra={"analysis_id": analysis_id})
        pipeline.analysis_run(analysis_id=analysis_id)
    finally:
        try:
            # a slot may have freed: the student's next waiting essay goes into the queue
            student_id = pipeline.student_of(analysis_id)
            if student_id is not None:
                for waiting_id in pipeline.analyses_to_start(student_id=student_id):
                    analyse_revision(waiting_id, request_id=request_id)
        finally:
            logs.unbind(token)


@db_task(retries=1, retry_delay=5)
def fit_calibration(assignment_id: int) -> None:
    assignment = Assignment.objects.filter(pk=assignment_id).first()
    if assignment is not None:
        calibration_fit(assignment=assignment)


@db_periodic_task(crontab(minute="*"))
def requeue_lost_analyses() -> None:
    # parked work first: it has waited longest, and an analysis the queue refuses below
    # must not keep the e-mails parked for another minute
    outbox.parked_drain()
    pipeline.analyses_out_of_attempts()
    for analysis_id in pipeline.analyses_to_requeue():
        analyse_revision(analysis_id)
        pipeline.analysis_sent(analysis_id)
    for analysis_id in pipeline.analyses_to_start():
        analyse_revision(analysis_id)


@db_periodic_task(crontab(minute="*/10"))
def refit_stale_calibrations() -> None:
    """After an engine upgrade, refit every assignment whose model knows the old features."""
    for assignment_id in stale_calibrations():
        fit_calibration(assignment_id)


@db_periodic_task(crontab(minute="*"))
def worker_heartbeat() -> None:
    heartbeat.beat()


@on_startup()
def beat_on_startup() -> None:
    heartbeat.beat()
    if settings.WORKER_HEALTH_PORT:
        heartbeat.serve_worker_health(settings.WORKER_HEALTH_PORT)


_resender_started = threading.Lock()


@on_startup()
def resend_unsent_analyses() -> None:
    """Analyses whose task could not be sent (the queue was down at submit), and the other
    tasks parked meanwhile (e-mails, invitations, grade sync: coaching/outbox.py), go out
    within ANALYSIS_RESEND_SECONDS of the queue coming back, not at the next minute's
    requeue. One thread per worker process (this hook runs once per worker thread)."""
    if settings.ANALYSIS_RESEND_SECONDS and _resender_started.acquire(blocking=False):
        threading.Thread(target=_resend_loop, name="resend-unsent", daemon=True).start()


def resend_unsent() -> int:
    """Send every analysis whose task never reached the queue; how many went."""
    sent = 0
    for analysis_id in pipeline.analyses_not_sent():
        analyse_revision(analysis_id)
        pipeline.analysis_sent(analysis_id)
        sent += 1
    return sent


def _resend_loop() -> None:
    while True:
        time.sleep(settings.ANALYSIS_RESEND_SECONDS)
        try:
            close_old_connections()
            resend_unsent()
        except Exception:  # the queue or the database is still down: try again later
            logger.debug("resending unsent analyses failed", exc_info=True)
        try:
            outbox.parked_drain()
        except Exception:  # the database is down: try again later
            logger.debug("sending parked tasks failed", exc_info=True)
        finally:
            connection.close()


@on_startup()
def warm_engine() -> None:
    # Load word lists and checkers before the first essay arrives, not during it.
    get_engine()


@db_task(retries=1, retry_delay=10)
def build_class_pdf(job_id: int) -> None:
    from coaching.printing import class_pdf_build

    class_pdf_build(job_id=job_id)


@db_periodic_task(crontab(minute="*"))
def recover_print_jobs() -> None:
    from coaching.printing import print_jobs_recover

    for job_id in print_jobs_recover():
        build_class_pdf(job_id)


@db_periodic_task(crontab(hour="3", minute="30"))
def apply_retention() -> None:
    from coaching.privacy import retention_purge

    retention_purge()


@db_task(retries=2, retry_delay=60)
def send_feedback_mail(review_id: int, event: str) -> None:
    from coaching.mail import feedback_mail_send

    feedback_mail_send(review_id=review_id, event=event)


@db_periodic_task(crontab(hour=str(settings.DIGEST_HOUR), minute="0"))
def daily_digest() -> None:
    """The teachers' digest, once a day at DIGEST_HOUR (server time)."""
    from coaching.mail import digest_send

    digest_send()
