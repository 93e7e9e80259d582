"""A cache for what the public pages show, dropped whenever any record changes.

Public pages (the decisions register, the transparency hub) read the same published rows for
every visitor, and reading them is most of a request's cost at scale. They keep their results
here under a *version* number; saving or deleting any record of the portal's apps moves the
version on, so the next request computes afresh and a change is never hidden by the cache.

The version moves on at once (so the same transaction, and a test, reads afresh) and again when
the transaction commits: otherwise a request that read the version between the change and the
commit could store the old rows under the new version, and they would stay there.

Pages use it for anonymous requests only (``remember``); ``shared`` keeps a public fact that no
viewer changes (the hub's last-updated dates) for everyone. Anything about a signed-in person,
or that is not public, is never stored here.
"""

import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "public-pages:version"
TIMEOUT = 60 * 60  # an hour: old versions' entries expire rather than fill the cache
# The apps whose records the pages show (a change to any of them may show somewhere), and
# those of permissions, which decide what a signed-in person's kept page shows
# (opcc.page_cache.personal_page).
APPS = frozenset(
    {"opcc", "governance", "complaints", "scrutiny", "custody_visits", "auth", "guardian"}
)

T = TypeVar("T")


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        # Start from the clock, so a restarted cache never reuses the numbers of one before it.
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        current = cache.get(VERSION_KEY, 0)
    return current


# The version as this process last read it, and until when it may be used without asking
# again (``recent_version``).
_recent = {"version": None, "until": 0.0}
RECENT_SECONDS = 1.0


def recent_version() -> int:
    """The version, read at most once a second per process: for the public's whole pages
    (opcc.page_cache), where a change made in another process may take up to a second to
    show to visitors who are not signed in. A change made in this process shows at once."""
    now = time.monotonic()
    if _recent["version"] is None or now >= _recent["until"]:
        _recent["version"], _recent["until"] = version(), now + RECENT_SECONDS
    return _recent["version"]


def bump() -> None:
    """Move the version on: everything cached so far is no longer read."""
    _recent["version"] = None
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there (evicted or never read): the next read starts afresh
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def remember(request, name: str, parts, compute: Callable[[], T]) -> T:
    """``compute()``, kept for anonymous requests under ``name``, ``parts`` (what the result
    depends on, e.g. the filters and the page) and the current version. A signed-in person
    always gets a fresh result."""
    if request.user.is_authenticated:
        return compute()
    return shared(name, parts, compute)


def shared(name: str, parts, compute: Callable[[], T]) -> T:
    """``compute()`` kept for every viewer: only for public facts that do not depend on who asks
    (such as the date each transparency category was last updated)."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"public-pages:{name}:{version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def fresh(request, name: str, parts, compute: Callable[[], T]) -> T:
    """``remember``'s shape, never kept: for what is not worth keeping (e.g. free text)."""
    return compute()


def _record_changed(sender, **kwargs):
    if sender._meta.app_label not in APPS:
        return
    bump()
    transaction.on_commit(bump, using=kwargs.get("using"))


post_save.connect(_record_changed, dispatch_uid="public_cache_saved")
post_delete.connect(_record_changed, dispatch_uid="public_cache_deleted")
m2m_changed.connect(_record_changed, dispatch_uid="public_cache_m2m")
