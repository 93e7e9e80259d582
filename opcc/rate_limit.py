"""A per-address hourly limit for the public forms, counted in the cache (Redis in production)."""

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def too_many_submissions(request, scope: str) -> bool:
    """Count this submission from the sender's address under ``scope`` (each public form has its
    own count); True once the hour's limit (PUBLIC_FORM_RATE_LIMIT) is passed."""
    key = f"public-form:{scope}:{request.META.get('REMOTE_ADDR', 'unknown')}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count > settings.PUBLIC_FORM_RATE_LIMIT
