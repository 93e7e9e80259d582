"""A per-address hourly limit for the public forms, counted in the cache (Redis in production)."""

import ipaddress

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104  # nosec B104 - an address stored, never bound to


def client_address(request) -> str:
    """The address a request came from. Behind TRUSTED_PROXY_COUNT proxies (each appends the
    address it saw to X-Forwarded-For) it is the entry the outermost trusted proxy added;
    anything to its left was written by the sender and may be forged. Without this, every
    visitor behind the TLS proxy would share the proxy's address, and one count."""
    trusted = settings.TRUSTED_PROXY_COUNT
    candidates = []
    if trusted:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        hops = [hop.strip() for hop in forwarded if hop.strip()]
        if len(hops) >= trusted:
            candidates.append(hops[-trusted])
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    # Always an address (django-axes stores it in an address column): a request with none, such
    # as the one Django builds for a programmatic sign-in, counts as the unspecified address.
    return UNKNOWN_ADDRESS


def too_many_submissions(request, scope: str, *, limit: int | None = None) -> bool:
    """Count this submission from the sender's address under ``scope`` (each public form has its
    own count); True once the hour's limit (``limit``, by default PUBLIC_FORM_RATE_LIMIT) is
    passed."""
    key = f"public-form:{scope}:{client_address(request)}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count > (settings.PUBLIC_FORM_RATE_LIMIT if limit is None else limit)
