"""Whole pages kept in the cache: public ones for visitors who are not signed in
(``public_page``), and a signed-in person's own "My work" for that session (``personal_page``).

Drawing a page (the GOV.UK layout, the navigation, the results) costs more than anything else
a public request does once its rows are cached. ``public_page`` keeps the finished page for the
public under the public cache's version (opcc.public_cache), so saving or deleting any record
of the portal makes the next visitor's page afresh: publishing or withdrawing shows at once in
the process that made the change, and within a second in the others (each reads the version
at most once a second for public pages; ``personal_page`` reads it at every request).

Only what is the same for every visitor is kept. A request is served from here, or its page
stored, only when it carries no session or messages cookie (nothing about this visitor can be
in the page) and is a GET or HEAD; a page is stored only when it is a complete 200 that sets no
cookie, used no CSRF token and no CSP nonce (each of which is per visitor). The key holds the
host, the path with its query, and today's date; pages that depend on the clock within a day
(a meeting now past) are at most ``TIMEOUT`` behind. The middleware's headers (CSP, security,
framing) are added to each response afresh, cached or not. ``personal_page`` is described
where it is defined.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from opcc import public_cache

TIMEOUT = 5 * 60
PERSONAL_TIMEOUT = 60
# Each process also keeps the pages it last served, under the same keys (which hold the
# version, so a change reaches these copies as it does the shared ones): a page then costs one
# small read of the version instead of two round trips and the page's unpickling.
LOCAL_PAGES = 200
_local: OrderedDict = OrderedDict()
_local_lock = threading.Lock()
_CACHED_HEADER = "X-Page-Cache"  # "hit" or "miss", for the tests and the benchmark


def _public(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _personal(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and request.user.is_authenticated
        and CookieStorage.cookie_name not in request.COOKIES
        and not _messages_waiting(request)
    )


def _messages_waiting(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0  # len() reads them without using them up


def _key(request, *whose: str, version: int | None = None) -> str:
    where = "|".join(
        [request.get_host(), request.get_full_path(), timezone.localdate().isoformat(), *whose]
    )
    digest = hashlib.sha256(where.encode()).hexdigest()[:40]
    return f"page:{public_cache.version() if version is None else version}:{digest}"


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and getattr(request, "_csp_nonce", None) is None
        and not _messages_waiting(request)
    )


def _recall(key: str, timeout: int):
    with _local_lock:
        until, stored = _local.get(key, (0, None))
        if until > time.monotonic():
            _local.move_to_end(key)
            return stored
    stored = cache.get(key)
    if stored is not None:
        _keep_locally(key, stored, timeout)
    return stored


def _keep_locally(key: str, stored, timeout: int) -> None:
    with _local_lock:
        _local[key] = (time.monotonic() + timeout, stored)
        _local.move_to_end(key)
        while len(_local) > LOCAL_PAGES:
            _local.popitem(last=False)


def _kept(view, request, args, kwargs, key: str, timeout: int, *, csrf_allowed: bool):
    stored = _recall(key, timeout)
    if stored is not None:
        content, headers = stored
        response = HttpResponse(content, headers=headers)
        response[_CACHED_HEADER] = "hit"
        return response
    response = view(request, *args, **kwargs)
    if hasattr(response, "render"):
        response.render()
    if _storable(request, response) and (
        csrf_allowed or not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    ):
        stored = (response.content, dict(response.items()))
        cache.set(key, stored, timeout)
        _keep_locally(key, stored, timeout)
        response[_CACHED_HEADER] = "miss"
    return response


def public_page(view):
    """Keep ``view``'s page for the public (see the module's text)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _public(request):
            return view(request, *args, **kwargs)
        key = _key(request, "public", version=public_cache.recent_version())
        return _kept(view, request, args, kwargs, key, TIMEOUT, csrf_allowed=False)

    return wrapped


def personal_page(view):
    """Keep ``view``'s page for the signed-in person who asked, in this session only.

    The key holds the person, the session and the CSRF cookie (the page's forms carry a token
    made from it), so the page is never shown to anyone else, nor in another session. Changes
    to records or to permissions move the public cache's version on, as for public pages;
    what changes without a save (a message delivered by a bulk update) shows within
    ``PERSONAL_TIMEOUT``.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _personal(request):
            return view(request, *args, **kwargs)
        whose = (
            str(request.user.pk),
            request.session.session_key or "",
            request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
        )
        key = _key(request, "personal", *whose)
        # A page's CSRF token is good for the secret in the cookie the key holds; with no
        # cookie yet, the page makes a secret and is not kept.
        has_secret = settings.CSRF_COOKIE_NAME in request.COOKIES
        return _kept(view, request, args, kwargs, key, PERSONAL_TIMEOUT, csrf_allowed=has_secret)

    return wrapped
