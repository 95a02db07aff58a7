"""Structured logs: one JSON object a line, each with the request id that caused it.

The id comes from the proxy's X-Request-ID (when it looks like one) or is made here; it
is returned in the response header, and travels with a submission into the worker, so
`grep <id>` finds the request and the analysis it queued.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from asgiref.sync import iscoroutinefunction
from django.http import HttpRequest, HttpResponseBase
from django.utils.decorators import sync_and_async_middleware

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_VALID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# LogRecord's own attributes: anything else on a record came from `extra=` and is kept
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


def current() -> str:
    return _request_id.get()


def bind(request_id: str | None) -> contextvars.Token[str]:
    """Use this id for the logs of the current context (a request, a task)."""
    return _request_id.set(request_id or "")


def unbind(token: contextvars.Token[str]) -> None:
    _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", "")
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, int | float | bool | str) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def _incoming(request: HttpRequest) -> str:
    given = request.headers.get("X-Request-ID", "")
    return given if _VALID.match(given) else uuid.uuid4().hex


@sync_and_async_middleware
def request_id_middleware(get_response: Callable) -> Callable:
    if iscoroutinefunction(get_response):

        async def amiddleware(request: HttpRequest) -> HttpResponseBase:
            request_id = _incoming(request)
            token = bind(request_id)
            try:
                response = await get_response(request)
            finally:
                unbind(token)
            response["X-Request-ID"] = request_id
            return response

        return amiddleware

    def middleware(request: HttpRequest) -> HttpResponseBase:
        request_id = _incoming(request)
        token = bind(request_id)
        try:
            response = get_response(request)
        finally:
            unbind(token)
        response["X-Request-ID"] = request_id
        return response

    return middleware
