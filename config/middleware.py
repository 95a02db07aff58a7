import zoneinfo
from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.utils import timezone
from django.utils.decorators import sync_and_async_middleware

from config.timezones import user_zone


class GZipExceptStreamsMiddleware(GZipMiddleware):
    """Gzip pages, but never server-sent events: each event must reach the browser now."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if response.get("Content-Type", "").startswith("text/event-stream"):
            return response
        return super().process_response(request, response)


@sync_and_async_middleware
def health_check_middleware(get_response: Callable) -> Callable:
    """Answer /healthz/ and /readyz/ first: no allowed-hosts check, no HTTPS redirect,
    no session, no CSP. Health checkers call by IP address over plain HTTP.

    Sync and async: a sync-only middleware first in the chain would push every ASGI
    request, the feedback streams included, through a thread hop."""

    def answer(request: HttpRequest) -> HttpResponseBase | None:
        if request.method not in ("GET", "HEAD"):
            return None
        from config import views

        if request.path == "/healthz/":
            return _no_store(views.healthz(request))
        if request.path == "/readyz/":
            return _no_store(views.readyz(request))
        return None

    if iscoroutinefunction(get_response):

        async def amiddleware(request: HttpRequest) -> HttpResponseBase:
            if request.path in ("/healthz/", "/readyz/"):
                response = await sync_to_async(answer)(request)
                if response is not None:
                    return response
            return await get_response(request)

        return amiddleware

    def middleware(request: HttpRequest) -> HttpResponseBase:
        return answer(request) or get_response(request)

    return middleware


def _no_store(response: HttpResponseBase) -> HttpResponseBase:
    response["Cache-Control"] = "no-store"
    return response


class UserTimeZoneMiddleware:
    """Show times in the signed-in person's time zone (User.time_zone); empty or unknown:
    the server's TIME_ZONE. Templates' |date and forms then convert by themselves.
    Async-capable, so the feedback stream keeps running without a thread hop."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self.__acall__(request)
        if _is_stream(request):
            return self.get_response(request)
        user = getattr(request, "user", None)
        return self._respond(request, user_zone(user))

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        if _is_stream(request):
            return await self.get_response(request)
        zone = user_zone(await request.auser()) if hasattr(request, "auser") else None
        _activate(zone)
        try:
            return await self.get_response(request)
        finally:
            timezone.deactivate()

    def _respond(self, request: HttpRequest, zone: zoneinfo.ZoneInfo | None) -> HttpResponseBase:
        _activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def _is_stream(request: HttpRequest) -> bool:
    """A feedback stream reads the session and user itself, when its turn at the database
    comes, and renders in the person's zone (coaching.views). Reading the user here would
    hold a database connection for the stream's whole life, one per open feedback page:
    a class opening its pages together ran PostgreSQL out of connections."""
    return request.path.endswith("/stream/")


def _activate(zone: zoneinfo.ZoneInfo | None) -> None:
    if zone is None:
        timezone.deactivate()
    else:
        timezone.activate(zone)
