"""Prometheus metrics at /metrics/ (and on a worker's health port), behind a token.

With several processes on one machine (uvicorn workers, Huey workers) set
PROMETHEUS_MULTIPROC_DIR to an empty folder made at boot: every process writes its
samples there and any one of them answers for all (prometheus_client's multiprocess
mode; scripts/serve.sh and the Docker entrypoint do this). Without it each process
reports only itself.
"""

from __future__ import annotations

import hmac
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

from asgiref.sync import iscoroutinefunction
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.utils.decorators import sync_and_async_middleware
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

REQUEST_SECONDS = Histogram(
    "essaycoach_request_seconds",
    "Server time per request, by view",
    ["view", "method", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10),
)
STAGE_SECONDS = Histogram(
    "essaycoach_analysis_stage_seconds",
    "Time to produce each stage of an analysis (engine, calibration, saving)",
    ["stage"],
    buckets=(0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10, 30),
)
ANALYSIS_FAILURES = Counter(
    "essaycoach_analysis_failures_total", "Analysis attempts that raised", ["final"]
)
OPEN_STREAMS = Gauge(
    "essaycoach_open_streams", "Feedback streams held open", multiprocess_mode="livesum"
)
HARPER_RSS = Gauge(
    "essaycoach_harper_rss_bytes",
    "Resident memory of this worker's Node process running harper.js",
    multiprocess_mode="liveall",
)


class QueueCollector(Collector):
    """Asked at scrape time: what waits in the queue and in the analyses table."""

    def describe(self) -> list[GaugeMetricFamily]:
        # Without this, registering calls collect(): a query at import time, whose
        # connection each web and worker process then held for its whole life.
        return []

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from huey.contrib.djhuey import HUEY

        from coaching.models import Analysis

        pending = GaugeMetricFamily("essaycoach_queue_pending", "Tasks waiting in the Huey queue")
        try:
            pending.add_metric([], HUEY.pending_count())
        except Exception:
            pending.add_metric([], float("nan"))
        yield pending
        by_status = GaugeMetricFamily(
            "essaycoach_analyses", "Analyses not yet finished, by status", labels=["status"]
        )
        counts = dict.fromkeys(("queued", "running"), 0)
        try:
            for row in Analysis.objects.filter(status__in=counts).values("status"):
                counts[row["status"]] += 1
        except Exception:
            counts = {k: float("nan") for k in counts}  # type: ignore[misc]
        for status, n in counts.items():
            by_status.add_metric([status], n)
        yield by_status


_QUEUE = QueueCollector()
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    REGISTRY.register(_QUEUE)


def exposition() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(_QUEUE)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def authorised(header: str) -> bool:
    token = settings.METRICS_TOKEN
    return bool(token) and hmac.compare_digest(header.encode(), f"Bearer {token}".encode())


def metrics_view(request: HttpRequest) -> HttpResponse:
    """404 unless METRICS_TOKEN is set; 401 without `Authorization: Bearer <token>`."""
    if not settings.METRICS_TOKEN:
        raise Http404
    if not authorised(request.headers.get("Authorization", "")):
        response = HttpResponse("A bearer token is needed.\n", status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    response = HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response


def _view_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else "unmatched"


def _observe(request: HttpRequest, response: HttpResponseBase, started: float) -> None:
    REQUEST_SECONDS.labels(
        _view_name(request), request.method or "", str(response.status_code)
    ).observe(time.perf_counter() - started)


@sync_and_async_middleware
def metrics_middleware(get_response: Callable) -> Callable:
    """Latency by view name (never by path: paths hold ids, and labels must stay few)."""
    if iscoroutinefunction(get_response):

        async def amiddleware(request: HttpRequest) -> HttpResponseBase:
            started = time.perf_counter()
            response = await get_response(request)
            _observe(request, response, started)
            return response

        return amiddleware

    def middleware(request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = get_response(request)
        _observe(request, response, started)
        return response

    return middleware


def record_harper_memory() -> None:
    """Read the Node process's resident memory (Linux /proc) after an analysis."""
    from coaching.engine.harper_js import server_info

    pid = server_info().get("pid")
    if not pid:
        return
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    HARPER_RSS.set(int(line.split()[1]) * 1024)
                    return
    except OSError:
        pass


def stage_timer() -> Callable[[str], Any]:
    """`mark = stage_timer(); ...; mark("notes")` observes the time since the last mark."""
    last = time.perf_counter()

    def mark(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        STAGE_SECONDS.labels(stage).observe(now - last)
        last = now

    return mark
