"""Read-only pages may read from a PostgreSQL replica; everything else uses the primary.

Only a GET or HEAD request reads from the replica (`DATABASE_REPLICA_URL`), and only
when the browser has not written anything lately: any write marks the response with a
short-lived cookie, and for `DATABASE_REPLICA_PIN_SECONDS` that browser reads from the
primary, so a student sees their own draft, submission or mark at once whatever the
replica's lag. Tasks, commands and any code outside a request use the primary.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.decorators import sync_and_async_middleware

PIN_COOKIE = "ec_primary"
REPLICA = "replica"

# a dict, not two flags: a view runs in a copy of the middleware's context (sync_to_async)
# and a write there must still reach the middleware that sets the cookie
_state: contextvars.ContextVar[dict[str, bool] | None] = contextvars.ContextVar(
    "db_routing", default=None
)


class ReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        state = _state.get()
        if state and state["replica"] and not state["wrote"] and settings.DATABASE_REPLICA_READS:
            return REPLICA
        return "default"

    def db_for_write(self, model: type, **hints: Any) -> str | None:
        state = _state.get()
        if state is not None:
            state["wrote"] = True
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True  # one database, two doors

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db == "default"


def _start(request: HttpRequest) -> contextvars.Token:
    replica = request.method in ("GET", "HEAD") and PIN_COOKIE not in request.COOKIES
    return _state.set({"replica": replica, "wrote": False})


def _finish(token: contextvars.Token, response: HttpResponseBase) -> HttpResponseBase:
    state = _state.get() or {}
    _state.reset(token)
    if state.get("wrote"):
        response.set_cookie(
            PIN_COOKIE,
            "1",
            max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


@sync_and_async_middleware
def replica_middleware(get_response: Callable) -> Callable:
    if iscoroutinefunction(get_response):

        async def amiddleware(request: HttpRequest) -> HttpResponseBase:
            token = _start(request)
            try:
                response = await get_response(request)
            except BaseException:
                _state.reset(token)
                raise
            return _finish(token, response)

        return amiddleware

    def middleware(request: HttpRequest) -> HttpResponseBase:
        token = _start(request)
        try:
            response = get_response(request)
        except BaseException:
            _state.reset(token)
            raise
        return _finish(token, response)

    return middleware
