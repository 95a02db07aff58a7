"""Redis as Django's cache, but a Redis outage is not a 500.

Sign-in, sign-up and the join page keep their rate-limit counters in the cache (allauth);
with plain RedisCache, Redis down meant every login answered 500. Here a failing call
falls back to this process's local memory and Redis is left alone for a few seconds
before it is tried again: limits still hold per process, pages still render, and the
shared cache comes back by itself.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# After a failure, how long to use local memory before asking Redis again (seconds).
RETRY_AFTER = 5.0


def _failures() -> tuple[type[BaseException], ...]:
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._fallback = LocMemCache(
            f"resilient-{server}",
            {"OPTIONS": {"MAX_ENTRIES": 10_000}, "TIMEOUT": self.default_timeout},
        )
        self._down_until = 0.0

    @property
    def redis_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _either(self, name: str) -> Callable[..., Any]:
        redis_call = getattr(super(), name)
        local_call = getattr(self._fallback, name)

        @functools.wraps(redis_call)
        def call(*args: Any, **kwargs: Any) -> Any:
            if self.redis_down:
                return local_call(*args, **kwargs)
            try:
                return redis_call(*args, **kwargs)
            except _failures():
                if not self.redis_down:
                    logger.warning(
                        "cache: Redis unavailable, using local memory for %ss", RETRY_AFTER
                    )
                self._down_until = time.monotonic() + RETRY_AFTER
                return local_call(*args, **kwargs)

        return call

    def add(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("add")(*args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("get")(*args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("set")(*args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("touch")(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("delete")(*args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("get_many")(*args, **kwargs)

    def has_key(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("has_key")(*args, **kwargs)

    def incr(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("incr")(*args, **kwargs)

    def set_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("set_many")(*args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("delete_many")(*args, **kwargs)

    def clear(self) -> Any:
        return self._either("clear")()
