"""'Analysis N changed' notifications: Redis pub/sub, or a short DB poll without Redis.

A notification only wakes the stream view up; the database is always the truth, so a
lost message costs at most one poll interval.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator
from typing import Protocol

from django.conf import settings

logger = logging.getLogger(__name__)


def channel(analysis_id: int) -> str:
    return f"{settings.HUEY_NAME}:analysis:{analysis_id}"


@functools.cache
def _sync_redis():
    import redis

    return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=5)


def publish(analysis_id: int, what: str) -> None:
    if not settings.REDIS_URL:
        return
    try:
        _sync_redis().publish(channel(analysis_id), what)
    except Exception:  # a missed wake-up only delays the panel until the next poll
        logger.warning("could not publish change of analysis %s", analysis_id, exc_info=True)


def ping() -> bool:
    try:
        return bool(_sync_redis().ping())
    except Exception:
        return False


class Waiter(Protocol):
    async def wait(self, seconds: float) -> None: ...


class _PollWaiter:
    def __init__(self, interval: float) -> None:
        self._interval = interval

    async def wait(self, seconds: float) -> None:
        await asyncio.sleep(min(seconds, self._interval))


# With Redis down a stream falls back to polling the database, but not as often as the
# embedded default does: a stream opens a connection for each poll.
_FALLBACK_POLL_SECONDS = 2.0


class _RedisWaiter:
    def __init__(self, pubsub) -> None:
        self._pubsub = pubsub
        self._fallback: _PollWaiter | None = None

    async def wait(self, seconds: float) -> None:
        if self._fallback is not None:
            await self._fallback.wait(seconds)
            return
        try:
            # Wake on the first message or at the timeout; either way the caller re-reads
            # the DB.
            await self._pubsub.get_message(ignore_subscribe_messages=True, timeout=seconds)
        except Exception:
            logger.warning("stream lost Redis: polling the database instead")
            self._fallback = _PollWaiter(max(settings.STREAM_POLL_INTERVAL, _FALLBACK_POLL_SECONDS))
            await self._fallback.wait(seconds)


@contextlib.asynccontextmanager
async def listen(analysis_id: int) -> AsyncIterator[Waiter]:
    """Subscribe before the caller's first read, so no change can fall between the two."""
    if not settings.REDIS_URL:
        yield _PollWaiter(settings.STREAM_POLL_INTERVAL)
        return
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2)
    pubsub = client.pubsub()
    try:
        try:
            await pubsub.subscribe(channel(analysis_id))
        except Exception:
            logger.warning("stream cannot subscribe (Redis down?): polling the database")
            yield _PollWaiter(max(settings.STREAM_POLL_INTERVAL, _FALLBACK_POLL_SECONDS))
        else:
            yield _RedisWaiter(pubsub)
    finally:
        with contextlib.suppress(Exception):
            await pubsub.unsubscribe()
        with contextlib.suppress(Exception):
            await pubsub.aclose()
        with contextlib.suppress(Exception):
            await client.aclose()
