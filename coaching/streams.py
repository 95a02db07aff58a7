"""How many feedback streams one person may hold open (STREAM_MAX_PER_USER).

Each open stream is a member of a Redis sorted set per user, scored with the time it
expires at (a stream closes itself after STREAM_MAX_SECONDS, so a process killed
mid-stream frees its slots by itself). Without Redis, or while Redis is down, each web
process counts its own streams: the cap still holds per process.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator

from django.conf import settings

logger = logging.getLogger(__name__)

# A stream lives STREAM_MAX_SECONDS, plus one wait (10 s) and its last render.
_SLACK_SECONDS = 60

_local_lock = threading.Lock()
_local: Counter[int] = Counter()


def _key(user_id: int) -> str:
    return f"{settings.HUEY_NAME}:streams:{user_id}"


def _take_local(user_id: int) -> bool:
    with _local_lock:
        if _local[user_id] >= settings.STREAM_MAX_PER_USER:
            return False
        _local[user_id] += 1
        return True


def _give_back_local(user_id: int) -> None:
    with _local_lock:
        _local[user_id] -= 1
        if _local[user_id] <= 0:
            del _local[user_id]


async def _take_shared(client, user_id: int, member: str) -> bool:
    now = time.time()
    key = _key(user_id)
    async with client.pipeline(transaction=True) as pipe:
        pipe.zremrangebyscore(key, "-inf", now)
        pipe.zadd(key, {member: now + settings.STREAM_MAX_SECONDS + _SLACK_SECONDS})
        pipe.zcard(key)
        pipe.expire(key, settings.STREAM_MAX_SECONDS + _SLACK_SECONDS)
        _, _, held, _ = await pipe.execute()
    if held <= settings.STREAM_MAX_PER_USER:
        return True
    await client.zrem(key, member)
    return False


@contextlib.asynccontextmanager
async def stream_slot(user_id: int) -> AsyncIterator[bool]:
    """Yield True while this stream holds one of the user's slots, False if all are taken."""
    if not settings.REDIS_URL:
        taken = _take_local(user_id)
        try:
            yield taken
        finally:
            if taken:
                _give_back_local(user_id)
        return

    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(settings.REDIS_URL, socket_timeout=5, socket_connect_timeout=2)
    member = uuid.uuid4().hex
    shared = True
    try:
        taken = await _take_shared(client, user_id, member)
    except Exception:
        logger.warning("stream slots: Redis unavailable, counting in this process")
        shared = False
        taken = _take_local(user_id)
    try:
        yield taken
    finally:
        if taken and not shared:
            _give_back_local(user_id)
        with contextlib.suppress(Exception):
            if taken and shared:
                await client.zrem(_key(user_id), member)
        with contextlib.suppress(Exception):
            await client.aclose()
