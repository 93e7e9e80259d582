"""The portal's Redis cache, which treats Redis being down as an empty cache.

In production one Redis is both Celery's broker and this cache. When it is down (restarting,
out of memory, unreachable) the portal must go on: a record saved, a complaint sent, a page
shown, without what the cache would have added (the public pages computed afresh, the public
forms' hourly limit not counted). Django's RedisCache raises instead, and every request that
touches the cache would fail with a 500.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
WARN_EVERY_SECONDS = 60

_last_warning: float | None = None


def _warn(error: Exception) -> None:
    """Say so once a minute, not on every cache call of every request."""
    global _last_warning
    now = time.monotonic()
    if _last_warning is None or now - _last_warning >= WARN_EVERY_SECONDS:
        _last_warning = now
        log.warning("the cache (Redis) is unavailable, working without it: %r", error)


def _or_when_down(fallback):
    """Call the method; if Redis cannot be reached, log it and return ``fallback(args)``."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                _warn(error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (the cache is unavailable)")


class ResilientRedisCache(RedisCache):
    """RedisCache that answers as an empty cache, which stores nothing, while Redis is down."""

    add = _or_when_down(lambda *a, **k: False)(RedisCache.add)
    get = _or_when_down(lambda key, default=None, *a, **k: default)(RedisCache.get)
    set = _or_when_down(lambda *a, **k: None)(RedisCache.set)
    touch = _or_when_down(lambda *a, **k: False)(RedisCache.touch)
    delete = _or_when_down(lambda *a, **k: False)(RedisCache.delete)
    get_many = _or_when_down(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _or_when_down(lambda *a, **k: False)(RedisCache.has_key)
    # As for a key that is not there, so a counter starts again (Django's own contract).
    incr = _or_when_down(_missing_key)(RedisCache.incr)
    set_many = _or_when_down(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _or_when_down(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _or_when_down(lambda *a, **k: False)(RedisCache.clear)
