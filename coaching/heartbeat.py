"""The worker's heartbeat: `/readyz/` tells a load balancer whether any worker is alive.

Every consumer beats when it starts and once a minute (a periodic task). With Redis the
beat is a key every web process can read; on the embedded default (one machine) it is a
file in the data folder.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)


def _key() -> str:
    return f"{settings.HUEY_NAME}:worker-heartbeat"


def _file() -> Path:
    return Path(settings.VAR_DIR) / "worker-heartbeat"


def beat(now: float | None = None) -> None:
    global _last_local_beat
    now = time.time() if now is None else now
    _last_local_beat = now
    try:
        if settings.REDIS_URL:
            from coaching.notify import _sync_redis

            _sync_redis().set(_key(), str(now), ex=24 * 3600)
        else:
            path = _file()
            path.write_text(str(now))
    except Exception:  # a missed beat shows as "not ready" later, never as a failed task
        logger.warning("could not record the worker heartbeat", exc_info=True)


def last_seen() -> float | None:
    """Seconds since the epoch of the newest beat, or None when no worker ever beat."""
    try:
        if settings.REDIS_URL:
            from coaching.notify import _sync_redis

            raw = _sync_redis().get(_key())
            return float(raw) if raw else None
        return float(_file().read_text())
    except (OSError, ValueError):
        return None


def worker_age() -> float | None:
    seen = last_seen()
    return None if seen is None else max(0.0, time.time() - seen)


_last_local_beat = 0.0
_server_started = False
_server_lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.rstrip("/") == "/metrics":
            self._metrics()
            return
        age = time.time() - _last_local_beat
        ok = age <= settings.WORKER_HEARTBEAT_MAX_AGE
        body = json.dumps({"worker": ok, "beat_seconds_ago": round(age)}).encode()
        self.send_response(200 if ok else 503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _metrics(self) -> None:
        """A worker machine's own samples (stage times, failures, Harper's memory)."""
        from config.metrics import CONTENT_TYPE_LATEST, authorised, exposition

        if not settings.METRICS_TOKEN:
            self.send_error(404)
            return
        if not authorised(self.headers.get("Authorization", "")):
            self.send_error(401)
            return
        body = exposition()
        self.send_response(200)
        self.send_header("Content-Type", CONTENT_TYPE_LATEST)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_worker_health(port: int) -> None:
    """A worker has no web server: this tiny one lets a platform check it (fly.toml,
    Dockerfile HEALTHCHECK). 200 while this process beats, 503 once it stops."""
    global _server_started
    with _server_lock:
        if _server_started:
            return
        try:
            server = ThreadingHTTPServer(("0.0.0.0", port), _Handler)  # noqa: S104
        except OSError:
            logger.warning("worker health port %s is taken; not serving it", port)
            return
        _server_started = True
    threading.Thread(target=server.serve_forever, name="worker-health", daemon=True).start()
