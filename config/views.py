"""Health endpoints for load balancers and orchestrators.

Both are answered by `config.middleware.HealthCheckMiddleware` before host validation
and the HTTPS redirect, so a platform's checker reaching the machine by its private
address over plain HTTP gets an answer (fly.toml, Dockerfile HEALTHCHECK).
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults


def healthz(request: HttpRequest) -> JsonResponse:
    """Alive: the process answers. Nothing else is asked, so a slow database never
    gets a healthy web process restarted."""
    return JsonResponse({"alive": True})


def readyz(request: HttpRequest) -> JsonResponse:
    """Ready for traffic: the database and Redis answer and a worker was seen recently."""
    from coaching.heartbeat import worker_age

    checks: dict[str, object] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = True
    except Exception:
        checks["database"] = False
    if settings.REDIS_URL:
        from coaching.notify import ping

        checks["redis"] = ping()
    age = worker_age()
    checks["worker"] = age is not None and age <= settings.WORKER_HEARTBEAT_MAX_AGE
    checks["worker_seen_seconds_ago"] = None if age is None else round(age)
    ok = all(v for k, v in checks.items() if k != "worker_seen_seconds_ago")
    return JsonResponse(checks, status=200 if ok else 503)


UNAVAILABLE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Back in a moment · EssayCoach</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Back in a moment</h1>
<p>EssayCoach could not reach its database just now. Nothing you saved before is lost.
Try again in a few seconds.</p></main></body></html>
"""


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500. A database that is restarting or failing over (the connection refused or
    ended under a request) is a short outage, not a bug: 503 with Retry-After, so autosave
    retries and proxies and people try again. The page needs no database (no template
    context, no session). Anything else is Django's plain 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponse(UNAVAILABLE_PAGE, status=503)
        response["Retry-After"] = "5"
        return response
    return defaults.server_error(request)
