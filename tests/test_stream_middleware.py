"""A feedback stream must not read the user before its turn at the database: the time
zone middleware leaves streams alone (in both its sync and async modes)."""

from __future__ import annotations

import asyncio

from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.functional import SimpleLazyObject

from config.middleware import UserTimeZoneMiddleware


def _untouchable():  # a user that fails the test if anyone loads it
    raise AssertionError("the user was read before the stream's database gate")


def _request(path: str):
    request = RequestFactory().get(path)
    request.user = SimpleLazyObject(_untouchable)

    async def auser():
        return _untouchable()

    request.auser = auser
    return request


def test_sync_mode_leaves_streams_alone():
    middleware = UserTimeZoneMiddleware(lambda request: HttpResponse("ok"))
    assert middleware(_request("/revisions/7/stream/")).status_code == 200


def test_async_mode_leaves_streams_alone():
    async def view(request):
        return HttpResponse("ok")

    middleware = UserTimeZoneMiddleware(view)
    assert asyncio.run(middleware(_request("/revisions/7/stream/"))).status_code == 200


def test_other_pages_still_read_the_user():
    middleware = UserTimeZoneMiddleware(lambda request: HttpResponse("ok"))
    try:
        middleware(_request("/revisions/7/"))
    except AssertionError:
        return
    raise AssertionError("a page did not read the user's time zone")
