"""Pages of a launched session live in the LMS's iframe.

`lti_frame_middleware` (after django-csp's middleware in settings.MIDDLEWARE, so it
sees the response first) lets the registered platform's origins frame the page: CSP
`frame-ancestors` lists them and X-Frame-Options is left off. Every other response keeps
`frame-ancestors 'self'` and X-Frame-Options.

`lti_cookie_middleware` (before the session middleware, so it sees the cookies it set)
makes the session, CSRF and messages cookies, and PyLTI1p3's state cookies, of such requests
`SameSite=None; Secure; Partitioned`: a third-party frame keeps only partitioned cookies.
"""

from __future__ import annotations

from collections.abc import Callable

from csp.constants import SELF
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from essays.lti.cookies import partition

Handler = Callable[[HttpRequest], HttpResponseBase]
LTI_PATH = "/lti/"
SESSION_KEY = "lti"


def _launched(request: HttpRequest) -> dict | None:
    session = getattr(request, "session", None)
    if session is None:
        return None
    data = session.get(SESSION_KEY)
    return data if isinstance(data, dict) else None


def lti_frame_middleware(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponseBase:
        response = get_response(request)
        launched = _launched(request)
        framed = launched is not None or getattr(response, "lti_frame", False)
        if framed:
            origins = list(launched.get("origins", [])) if launched else []
            response.xframe_options_exempt = True  # type: ignore[attr-defined]
            response._csp_replace = {  # type: ignore[attr-defined]
                **getattr(response, "_csp_replace", {}),
                # before any launch (login, errors): no platform is known yet, so any
                # registered one may show the page; after it, only the launching one
                "frame-ancestors": [SELF, *(origins or _all_platform_origins())],
            }
        if framed or request.path.startswith(LTI_PATH):
            request.lti_cookies = True  # type: ignore[attr-defined]
        return response

    return middleware


def _all_platform_origins() -> list[str]:
    from lti_tool.models import LtiRegistration

    from essays.lti.models import frame_origins

    origins: set[str] = set()
    for registration in LtiRegistration.objects.active():
        origins.update(frame_origins(registration))
    return sorted(origins)


def lti_cookie_middleware(get_response: Handler) -> Handler:
    # the messages cookie too: "saved", "synced" notes must survive the frame's redirects
    names = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"}

    def middleware(request: HttpRequest) -> HttpResponseBase:
        response = get_response(request)
        if getattr(request, "lti_cookies", False) and request.is_secure():
            partitioned = settings.LTI_PARTITIONED_COOKIES
            partition(response, names, prefix="lti1p3-", partitioned=partitioned)
            partition(response, {"essaycoach-lti-check"}, partitioned=partitioned)
        return response

    return middleware
