from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware


class GZipExceptStreamsMiddleware(GZipMiddleware):
    """Gzip pages, but never server-sent events: each event must reach the browser now."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if response.get("Content-Type", "").startswith("text/event-stream"):
            return response
        return super().process_response(request, response)


class HealthCheckMiddleware:
    """Answer /healthz/ and /readyz/ first: no allowed-hosts check, no HTTPS redirect,
    no session, no CSP. Health checkers call by IP address over plain HTTP."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in ("GET", "HEAD"):
            from config import views

            if request.path == "/healthz/":
                return _no_store(views.healthz(request))
            if request.path == "/readyz/":
                return _no_store(views.readyz(request))
        return self.get_response(request)


def _no_store(response: HttpResponseBase) -> HttpResponseBase:
    response["Cache-Control"] = "no-store"
    return response
