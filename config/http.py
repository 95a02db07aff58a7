"""Typed requests for views: what the middleware adds, as the type checker should see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from essays.models import User


class HtmxRequest(HttpRequest):
    htmx: HtmxDetails


class AuthedRequest(HtmxRequest):
    """A request that passed @login_required."""

    user: User


def clean_text(value: str) -> str:
    """Text as it may be stored: without NUL characters, which PostgreSQL refuses in any
    text column (a NUL pasted or sent on purpose answered 500). Other characters stay:
    right-to-left marks, emoji and markup are text like any other (and escaped on output)."""
    return value.replace("\x00", "")


def post_text(request: HttpRequest, name: str, default: str = "") -> str:
    """A text field read straight from a POST (views without a Django form: forms refuse
    NULs themselves, with ProhibitNullCharactersValidator)."""
    return clean_text(request.POST.get(name, default))


def get_text(request: HttpRequest, name: str, default: str = "") -> str:
    """A text parameter of a GET (search boxes): as post_text."""
    return clean_text(request.GET.get(name, default))
