"""The worker's side of an analysis: claim the row, run the engine stage by stage.

Each stage is saved as soon as it is computed and announced, so the student's page
fills in panel by panel. A crash leaves the row claimable again; nothing is lost.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from coaching.engine import ENGINE_VERSION, EssayInput
from coaching.engine.llm import refine
from coaching.models import IN_FLIGHT, STAGES, Analysis, Calibration, StageResult, digest_of
from coaching.notify import publish
from coaching.review import calibrated_scores
from coaching.runtime import get_engine, llm_config, result_key, rubric_levels, rubric_spec
from config import metrics

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


def analysis_claim(*, analysis_id: int) -> bool:
    """Take the analysis for this worker with one conditional UPDATE; False if taken."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.ANALYSIS_STALE_SECONDS)
    claimed = (
        Analysis.objects.filter(pk=analysis_id)
        .filter(
            Q(status=Analysis.Status.QUEUED)
            | Q(status=Analysis.Status.RUNNING, claimed_at__lt=stale)
        )
        .update(status=Analysis.Status.RUNNING, claimed_at=now, attempts=F("attempts") + 1)
    )
    return claimed == 1


def _previous(analysis: Analysis) -> tuple[str | None, dict | None]:
    revision = analysis.revision
    previous = (
        type(revision)
        .objects.filter(essay_id=revision.essay_id, number__lt=revision.number)
        .order_by("-number")
        .select_related("analysis")
        .first()
    )
    if previous is None:
        return None, None
    prev_analysis = getattr(previous, "analysis", None)
    if prev_analysis is not None and prev_analysis.status == Analysis.Status.FAILED:
        # Its text failed the engine once: analysing it again here would fail this
        # revision too. A failed previous revision costs only the comparison.
        return None, None
    result = None
    if prev_analysis is not None and prev_analysis.status == Analysis.Status.DONE:
        result = {s.stage: s.data for s in prev_analysis.stages.all()}
    return previous.text, result


def _cache_get(key: str) -> dict[str, dict] | None:
    try:
        return cache.get(key)
    except Exception:  # a cache outage costs a recomputation, never the analysis
        logger.warning("engine result cache unavailable", exc_info=True)
        return None


def _cache_set(key: str, result: dict[str, dict]) -> None:
    try:
        cache.set(key, result, timeout=settings.ENGINE_RESULT_CACHE_SECONDS)
    except Exception:
        logger.warning("engine result cache unavailable", exc_info=True)


def _with_llm(
    stages: Iterator[tuple[str, dict]], essay_input: EssayInput, produced: dict[str, dict]
) -> Iterator[tuple[str, dict]]:
    """Pass stages through, recording the offline ones in `produced` (what gets cached).

    With an LLM configured, hold the scores until the summary is ready and let the LLM
    refine both; it falls back to the offline result by itself on any failure.
    """
    config = llm_config()
    held: dict | None = None
    for stage, data in stages:
        produced[stage] = data
        if config is None or essay_input.rubric is None:
            yield stage, data
        elif stage == "scores":
            held = data
        elif stage == "summary" and held is not None:
            labels, points = rubric_levels(essay_input.rubric)
            outcome = refine(
                config,
                text=essay_input.text,
                prompt=essay_input.prompt,
                rubric_levels=labels,
                level_points=points,
                offline_scores=held,
                offline_summary=data,
            )
            yield "scores", outcome.scores
            yield "summary", outcome.summary
        else:
            yield stage, data


def analysis_run(*, analysis_id: int) -> bool:
    """Run a claimed analysis to the end. Returns False when another worker has it."""
    if not analysis_claim(analysis_id=analysis_id):
        return False
    analysis = Analysis.objects.select_related("revision__essay__assignment__rubric").get(
        pk=analysis_id
    )
    revision = analysis.revision
    assignment = revision.essay.assignment
    previous_text, previous_result = _previous(analysis)
    essay_input = EssayInput(
        text=revision.text,
        prompt=assignment.prompt,
        rubric=rubric_spec(assignment.rubric),
        previous_text=previous_text,
        previous_result=previous_result,
        spelling=assignment.spelling,
    )
    calibration = Calibration.objects.filter(assignment=assignment).first()
    key = result_key(essay_input)
    cached = _cache_get(key)
    produced: dict[str, dict] = {}
    mark = metrics.stage_timer()
    try:
        stages = iter(cached.items()) if cached else get_engine().run(essay_input)
        for stage, data in _with_llm(stages, essay_input, produced):
            if stage == "scores":
                data = calibrated_scores(data, calibration)
            StageResult.objects.update_or_create(
                analysis=analysis,
                stage=stage,
                defaults={"seq": STAGES.index(stage) + 1, "data": data},
            )
            if digest := digest_of(stage, data):
                analysis.digest = {**analysis.digest, **digest}
                fields = ["digest"]
                if stage == "scores":
                    analysis.overall_percent = data.get("overall", {}).get("percent")
                    fields.append("overall_percent")
                analysis.save(update_fields=fields)
            publish(analysis.pk, stage)
            mark(stage)
    except Exception as exc:
        _record_failure(analysis, exc)
        raise
    if not cached and not produced.get("notes", {}).get("skipped"):
        # (a result that a failing checker left short is not kept for the next essay)
        _cache_set(key, produced)
    analysis.status = Analysis.Status.DONE
    analysis.engine_version = ENGINE_VERSION
    analysis.error = ""
    analysis.finished_at = timezone.now()
    analysis.save(update_fields=["status", "engine_version", "error", "finished_at"])
    publish(analysis.pk, "done")
    metrics.record_harper_memory()
    return True


def _record_failure(analysis: Analysis, exc: Exception) -> None:
    """Queue the analysis for the task's retry, or fail it after its last attempt.

    When the database itself failed (restarted, failed over), the connection the error
    left behind is dead: drop it and try again for a few seconds. Otherwise the row stayed
    "running" under a claim nobody holds, the retry could not claim it, and the student
    waited ANALYSIS_STALE_SECONDS and the minute's requeue (PostgreSQL restart drill)."""
    for wait in (0.0, 0.5, 1.0, 2.0, 4.0):
        time.sleep(wait)
        if (wait or isinstance(exc, DatabaseError)) and not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()  # reconnects at the next query
        try:
            analysis.refresh_from_db(fields=["attempts"])
            final = analysis.attempts >= MAX_ATTEMPTS
            analysis.status = Analysis.Status.FAILED if final else Analysis.Status.QUEUED
            analysis.error = f"{type(exc).__name__}: {exc}"[:2000]
            analysis.finished_at = timezone.now() if final else None
            analysis.save(update_fields=["status", "error", "finished_at"])
            break
        except DatabaseError:
            logger.warning("analysis %s: could not record its failure yet", analysis.pk)
    else:
        logger.exception("analysis %s failed and the database is still away", analysis.pk)
        return
    metrics.ANALYSIS_FAILURES.labels("yes" if final else "no").inc()
    publish(analysis.pk, "failed" if final else "retrying")
    logger.exception("analysis %s failed (attempt %s)", analysis.pk, analysis.attempts)


def analyses_to_requeue() -> list[int]:
    """Analyses whose task was lost (worker killed, queue flushed): queued or running too long."""
    stale = timezone.now() - timedelta(seconds=settings.ANALYSIS_STALE_SECONDS)
    return list(
        Analysis.objects.filter(
            Q(status=Analysis.Status.QUEUED, queued_at__lt=stale)
            & (Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale))
            | Q(status=Analysis.Status.RUNNING, claimed_at__lt=stale)
            # its task was never sent (the queue was down at submit): no need to wait
            | Q(status=Analysis.Status.QUEUED, error=Analysis.NOT_QUEUED)
        )
        .filter(attempts__lt=MAX_ATTEMPTS)
        .values_list("pk", flat=True)[:100]
    )


def analyses_not_sent() -> list[int]:
    """Queued analyses whose task never reached the queue (it was down at submit)."""
    return list(
        Analysis.objects.filter(
            status=Analysis.Status.QUEUED, error=Analysis.NOT_QUEUED
        ).values_list("pk", flat=True)[:100]
    )


def analysis_sent(analysis_id: int) -> None:
    """Its task is in the queue now: the page stops saying the queue was down."""
    Analysis.objects.filter(pk=analysis_id, error=Analysis.NOT_QUEUED).update(error="")


def analyses_out_of_attempts() -> list[int]:
    """Analyses whose worker died on their last attempt (nothing requeues those): marked
    failed, so the student's page offers Try again instead of "running" for ever."""
    stale = timezone.now() - timedelta(seconds=settings.ANALYSIS_STALE_SECONDS)
    candidates = list(
        Analysis.objects.filter(status__in=IN_FLIGHT, attempts__gte=MAX_ATTEMPTS)
        .filter(Q(claimed_at__lt=stale) | Q(claimed_at__isnull=True, queued_at__lt=stale))
        .values_list("pk", flat=True)[:100]
    )
    failed = []
    for pk in candidates:
        marked = Analysis.objects.filter(
            Q(claimed_at__lt=stale) | Q(claimed_at__isnull=True),
            pk=pk,
            status__in=IN_FLIGHT,
        ).update(
            status=Analysis.Status.FAILED,
            error=f"The worker stopped during each of {MAX_ATTEMPTS} attempts.",
            finished_at=timezone.now(),
        )
        if marked:
            metrics.ANALYSIS_FAILURES.labels("yes").inc()
            publish(pk, "failed")
            failed.append(pk)
    return failed


# --- one student's analyses in flight ---------------------------------------------------
# A student has at most ANALYSES_IN_FLIGHT_PER_STUDENT analyses queued or running; the
# rest wait, saved, and are queued as those end, so one student's burst of submits cannot
# hold everyone else's feedback back. Admission and release lock the student's row, so
# two submits (or two workers) at once cannot both take the last slot.


def _lock_student(student_id: int) -> None:
    get_user_model().objects.select_for_update().filter(pk=student_id).values_list("pk").first()


def _in_flight(student_id: int) -> int:
    return Analysis.objects.filter(
        revision__essay__student_id=student_id, status__in=IN_FLIGHT
    ).count()


def analysis_admit(*, student_id: int) -> str:
    """The status a new (or retried) analysis of this student's starts in: queued while the
    student has a free slot, else waiting. Call it inside the transaction that saves it."""
    assert transaction.get_connection().in_atomic_block
    _lock_student(student_id)
    if _in_flight(student_id) < settings.ANALYSES_IN_FLIGHT_PER_STUDENT:
        return Analysis.Status.QUEUED
    return Analysis.Status.WAITING


def student_of(analysis_id: int) -> int | None:
    return (
        Analysis.objects.filter(pk=analysis_id)
        .values_list("revision__essay__student_id", flat=True)
        .first()
    )


def analyses_to_start(*, student_id: int | None = None) -> list[int]:
    """Waiting analyses that may start now, oldest first, up to each student's free slots;
    marked queued (the caller queues their tasks). All students' when none is given."""
    waiting = Analysis.objects.filter(status=Analysis.Status.WAITING)
    if student_id is not None:
        students = [student_id]
    else:
        students = list(
            waiting.order_by()
            .values_list("revision__essay__student_id", flat=True)
            .distinct()[:200]
        )
    started: list[int] = []
    for sid in students:
        with transaction.atomic():
            _lock_student(sid)
            free = settings.ANALYSES_IN_FLIGHT_PER_STUDENT - _in_flight(sid)
            if free <= 0:
                continue
            ids = list(
                waiting.filter(revision__essay__student_id=sid)
                .order_by("pk")
                .values_list("pk", flat=True)[:free]
            )
            Analysis.objects.filter(pk__in=ids, status=Analysis.Status.WAITING).update(
                status=Analysis.Status.QUEUED, queued_at=timezone.now(), claimed_at=None
            )
        started.extend(ids)
    return started
