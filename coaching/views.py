"""Feedback pages: the feedback on a revision, its live event stream, and comparisons."""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import Any, TypeVar

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coaching.marking import (
    answered_request,
    kind_statistics,
    released_feedback,
    submission_rows,
)
from coaching.models import STAGES, Analysis, Calibration, TeacherReview
from coaching.notify import listen
from coaching.presenters import score_changes
from coaching.selectors import (
    feedback_visible,
    panel_context,
    progress,
    revision_diff,
    stage_results,
)
from coaching.services import analysis_retry, analysis_send_again
from coaching.streams import stream_slot
from config import metrics
from config.http import AuthedRequest
from config.timezones import user_zone
from essays.models import Revision, User
from essays.selectors import (
    assignment_for_teacher,
    essay_for_user,
    is_author,
    revision_for_user,
    revisions_of,
    scores_wait_for_release,
    teaches,
)

_T = TypeVar("_T")


def _analysis_of(revision: Revision) -> Analysis:
    try:
        return Analysis.objects.get(revision=revision)
    except Analysis.DoesNotExist as exc:  # a revision always gets one; be safe anyway
        raise Http404 from exc


@login_required
@require_GET
def revision_feedback(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    revision = revision_for_user(user, pk)
    analysis = _analysis_of(revision)
    if analysis.error == Analysis.NOT_QUEUED and analysis_send_again(analysis_id=analysis.pk):
        analysis.refresh_from_db()
    visible = feedback_visible(user, revision)
    results = {r.stage: r.data for r in stage_results(analysis)} if visible else {}
    panels = [
        {
            "stage": stage,
            "ready": stage in results,
            **(panel_context(stage, results[stage], revision) if stage in results else {}),
        }
        for stage in STAGES
    ]
    context = {
        "revision": revision,
        "essay": revision.essay,
        "assignment": revision.essay.assignment,
        "analysis": analysis,
        "visible": visible,
        "panels": panels,
        "progress": progress(analysis, set(results), can_retry=is_author(user, revision.essay)),
        "live": visible and not analysis.finished,
        "after": len(results),
        "revisions": revisions_of(revision.essay),
        "hide_unreleased": scores_wait_for_release(user, revision.essay),
        "is_author": is_author(user, revision.essay),
    }
    review = TeacherReview.objects.filter(revision=revision).select_related("released_by").first()
    context["teacher_feedback"] = released_feedback(review)
    context["return_request"] = review if review and review.returned_at else None
    context["answers"] = answered_request(revision)
    if teaches(user, revision.essay.assignment.classroom_id):
        context["review_url"] = reverse("coaching:review_page", args=[revision.pk])
    return render(request, "coaching/feedback.html", context)


@login_required
@require_GET
def assignment_marking(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    essays = [row for row in submission_rows(assignment) if row.essay_id is not None]
    calibration = Calibration.objects.filter(assignment=assignment).first()
    marked = TeacherReview.objects.filter(revision__essay__assignment=assignment).count()
    first_to_mark = next(
        (row.latest_id for row in essays if row.latest_id and row.teacher_total is None), None
    )
    context = {
        "assignment": assignment,
        "essays": essays,
        "first_to_mark": first_to_mark,
        "kind_stats": kind_statistics(assignment),
        "kind_min": settings.NOTE_KIND_MIN_DECISIONS,
        "kind_share": round(100 * settings.NOTE_KIND_DISMISSED_SHARE),
        "calibration": calibration,
        "report": calibration.model.get("report", {}) if calibration else {},
        "marked": marked,
        "needed": settings.CALIBRATION_MIN_ESSAYS,
    }
    return render(request, "coaching/marking.html", context)


@login_required
@require_POST
def analysis_retry_view(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    revision = revision_for_user(user, pk)
    if not is_author(user, revision.essay):
        raise Http404
    analysis_retry(analysis=_analysis_of(revision))
    messages.info(request, _("We are analysing your essay again."))
    return redirect("coaching:revision_feedback", pk=revision.pk)


def _sse(event: str, html: str, event_id: int | None = None) -> str:
    lines = []
    if event_id is not None:
        lines.append(f"id: {event_id}")
    lines.append(f"event: {event}")
    lines.extend(f"data: {line}" for line in html.splitlines() or [""])
    return "\n".join(lines) + "\n\n"


def _render_events(
    request: HttpRequest, revision_id: int, user: User, after: int
) -> tuple[list[str], int, bool]:
    """Render, for this user, every stage past `after` plus the progress line."""
    try:
        revision = revision_for_user(user, revision_id)
        analysis = _analysis_of(revision)
        events: list[str] = []
        results = stage_results(analysis, after=after) if feedback_visible(user, revision) else []
        done = set(analysis.stages.values_list("stage", flat=True))
        for result in results:
            html = render_to_string(
                f"coaching/_panel_{result.stage}.html",
                panel_context(result.stage, result.data, revision),
            )
            events.append(_sse(result.stage, html, result.seq))
            after = max(after, result.seq)
        finished = analysis.finished
        state = progress(analysis, done, can_retry=is_author(user, revision.essay))
        # (a stream that (re)opens on a late or waiting analysis says so too)
        if events or finished or state["slow"] or state["delayed"] or state["waiting"]:
            html = render_to_string("coaching/_progress.html", {"progress": state}, request)
            events.append(_sse("progress", html))
        if finished:
            # The page's list of submissions shows this revision's score now too.
            html = render_to_string(
                "essays/_revision_list.html",
                {
                    "revisions": revisions_of(revision.essay),
                    "essay": revision.essay,
                    "hide_unreleased": scores_wait_for_release(user, revision.essay),
                },
                request,
            )
            events.append(_sse("revisions", html))
            events.append(_sse("done", analysis.status))
        return events, after, finished
    finally:
        # A stream lives for minutes: do not hold a database connection between polls.
        if not connection.in_atomic_block:
            connection.close()


def _render_events_for(
    request: HttpRequest, revision_id: int, user: User, after: int
) -> tuple[list[str], int, bool]:
    # The stream renders after the middleware has returned: use the viewer's time zone here.
    with timezone.override(user_zone(user)):
        return _render_events(request, revision_id, user, after)


def _last_event_id(request: HttpRequest) -> int:
    raw = request.headers.get("Last-Event-ID") or request.GET.get("after") or "0"
    try:
        return max(0, min(int(raw), len(STAGES)))
    except ValueError:
        return 0


def _analysis_state(analysis_id: int) -> tuple[str, int, bool]:
    """(status, number of stages saved, task not sent yet): what a stream needs to know
    that something changed."""
    try:
        status, stages, error = (
            Analysis.objects.filter(pk=analysis_id)
            .annotate(stages_saved=Count("stages"))
            .values_list("status", "stages_saved", "error")
            .get()
        )
        return str(status), int(stages), error == Analysis.NOT_QUEUED
    finally:
        if not connection.in_atomic_block:
            connection.close()


def _stream_target(request: HttpRequest, revision_id: int) -> tuple[User | None, int | None]:
    """The access check of the page, then the id of the analysis to follow.

    The session and user are read here too, and the connection closed after: a stream
    waits for minutes and must hold no database connection meanwhile."""
    try:
        user = request.user
        if not user.is_authenticated:
            return None, None
        assert isinstance(user, User)
        revision = revision_for_user(user, revision_id)
        return user, _analysis_of(revision).pk
    finally:
        if not connection.in_atomic_block:
            connection.close()


# Streams that wake together (a class watching, one student's 200 tabs) take turns at the
# database: at most STREAM_DB_CONCURRENCY of one process's streams query at once, each
# on a connection it closes before it waits again. One gate per event loop.
_db_gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def _db_gate() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    gate = _db_gates.get(loop)
    if gate is None:
        gate = _db_gates[loop] = asyncio.Semaphore(settings.STREAM_DB_CONCURRENCY)
    return gate


async def _stream_db(fn: Callable[..., _T], *args: Any) -> _T:
    async with _db_gate():
        return await sync_to_async(fn)(*args)


async def _stream_events(
    request: HttpRequest, pk: int, user: User, analysis_id: int, after: int
) -> AsyncGenerator[str, None]:
    # "connected": the page clears a "too many pages open" notice it may still show
    yield "retry: 1000\n\n" + _sse("connected", "")
    deadline = time.monotonic() + settings.STREAM_MAX_SECONDS
    last_sent = time.monotonic()
    seen: tuple[str, int, bool] | None = None
    sent_again = time.monotonic()
    batch: list[str]
    metrics.OPEN_STREAMS.inc()
    try:
        async with listen(analysis_id) as waiter:
            while True:
                # One cheap query per wake-up; render only when a stage or the status moved.
                state = await _stream_db(_analysis_state, analysis_id)
                if state == seen:
                    batch, finished = [], False
                else:
                    seen = state
                    batch, after, finished = await _stream_db(
                        _render_events_for, request, pk, user, after
                    )
                for event in batch:
                    yield event
                    last_sent = time.monotonic()
                if finished or time.monotonic() > deadline:
                    return  # the browser reconnects if it still wants more
                if state[2] and time.monotonic() - sent_again > _SEND_AGAIN_SECONDS:
                    # the queue was down at submit: try again while the student watches
                    sent_again = time.monotonic()
                    await _stream_db(_send_again, analysis_id)
                await waiter.wait(10.0)
                if time.monotonic() - last_sent > 10:
                    yield ": keep-alive\n\n"
                    last_sent = time.monotonic()
    finally:
        metrics.OPEN_STREAMS.dec()


_SEND_AGAIN_SECONDS = 5.0


def _send_again(analysis_id: int) -> bool:
    try:
        return analysis_send_again(analysis_id=analysis_id)
    finally:
        if not connection.in_atomic_block:
            connection.close()


def _stream_busy() -> str:
    """Too many streams open for this person: a short, well-formed answer that asks the
    browser to come back later (EventSource reconnects after `retry`), not an error. The
    page keeps what it shows and its Refresh link, and shows this message in its status
    line (htmx swaps it in as HTML: escaped) until a stream is let in ("connected")."""
    retry = settings.STREAM_BUSY_RETRY_SECONDS
    message = _("Too many feedback pages are open; this one updates again shortly.")
    return f"retry: {retry * 1000}\n\n" + _sse("busy", escape(message))


@require_GET  # EventSource only GETs; a POST used to open a stream too
async def revision_stream(request: HttpRequest, pk: int) -> HttpResponseBase:
    user, analysis_id = await _stream_db(_stream_target, request, pk)
    if user is None or analysis_id is None:
        return HttpResponse(status=403)
    after = _last_event_id(request)

    async def events() -> AsyncIterator[str]:
        # The slot is taken inside the generator: its `finally` runs once it has started.
        async with stream_slot(user.pk) as taken:
            if not taken:
                yield _stream_busy()
                return
            stream = _stream_events(request, pk, user, analysis_id, after)
            async with contextlib.aclosing(stream):
                async for event in stream:
                    yield event

    response = StreamingHttpResponse(events(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response


@login_required
@require_GET
def essay_compare(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    essay = essay_for_user(user, pk)
    revisions = list(revisions_of(essay))
    by_number = {r.number: r for r in revisions}
    context: dict[str, Any] = {"essay": essay, "revisions": revisions}
    if len(revisions) < 2:
        return render(request, "coaching/compare.html", context)
    try:
        a = int(request.GET.get("a") or revisions[1].number)
        b = int(request.GET.get("b") or revisions[0].number)
    except ValueError:
        a, b = revisions[1].number, revisions[0].number
    if a not in by_number or b not in by_number:
        messages.error(request, _("Pick two revisions of this essay to compare."))
        a, b = revisions[1].number, revisions[0].number
    old, new = by_number[a], by_number[b]
    scores: dict[int, dict | None] = {}
    percents: dict[int, float | None] = {}
    if feedback_visible(user, old) and feedback_visible(user, new):
        for rev in (old, new):
            analysis = getattr(rev, "analysis", None)
            result = analysis.stages.filter(stage="scores").first() if analysis else None
            scores[rev.pk] = result.data if result else None
            percents[rev.pk] = analysis.overall_percent if analysis else None
    context.update(
        {
            "old": old,
            "new": new,
            "diff": revision_diff(old, new),
            "score_rows": score_changes(scores.get(old.pk), scores.get(new.pk)),
            "old_percent": percents.get(old.pk),
            "new_percent": percents.get(new.pk),
            "hide_unreleased": scores_wait_for_release(user, essay),
        }
    )
    return render(request, "coaching/compare.html", context)
