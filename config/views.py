"""Health endpoints for load balancers and orchestrators.

Both are answered by `config.middleware.HealthCheckMiddleware` before host validation
and the HTTPS redirect, so a platform's checker reaching the machine by its private
address over plain HTTP gets an answer (fly.toml, Dockerfile HEALTHCHECK).
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse


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
