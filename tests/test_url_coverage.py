"""The access matrix reaches every URL: each pattern the resolver holds has a row, each row says
what every role and the public get, and no pattern hides behind another's name.

tests/test_access_matrix.py checks the rows by URL *name*; a name used twice would let one of
its two patterns go untested (reverse() finds only one), so the walk here is by pattern.
"""

from collections import Counter

from django.urls import URLPattern, URLResolver, get_resolver

from tests.matrix import EVERYONE, LOGIN, REDIRECT
from tests.test_access_matrix import MATRIX

# Django's own admin (its internal URLs are Django's, covered by the admin:index row).
NOT_IN_THE_MATRIX = {"admin"}


def patterns(resolver=None, namespace="", prefix=""):
    """(full name, route) for every URL pattern outside the admin."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.namespace in NOT_IN_THE_MATRIX:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from patterns(pattern, inner, route)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else None), route


def test_every_url_pattern_is_named_and_has_a_row():
    found = list(patterns())
    assert len(found) > 200
    unnamed = [route for name, route in found if name is None]
    assert not unnamed, "URL patterns without a name cannot have a matrix row"
    missing = sorted(f"{name} ({route})" for name, route in found if name not in MATRIX)
    assert not missing, "URL patterns without a row in the access matrix"


def test_no_two_url_patterns_share_a_name():
    names = Counter(name for name, _ in patterns())
    assert not [name for name, count in names.items() if count > 1]


def test_no_url_serves_files_or_debug_tools_outside_the_matrix():
    routes = [route for _, route in patterns()]
    for route in routes:
        assert not route.startswith(("static/", "media/", "__debug__/", "djdt")), route


def test_every_row_says_what_every_role_and_the_public_get():
    for name, row in MATRIX.items():
        assert set(row.outcome) == set(EVERYONE), name
        for who, outcome in row.outcome.items():
            assert outcome in {LOGIN, REDIRECT} or (
                isinstance(outcome, int) and 200 <= outcome < 500
            ), f"{name} {who}: {outcome!r}"
        assert row.method in {"get", "post"}, name


def test_the_public_is_never_let_into_an_office_page():
    """Deny by default: a page no signed-in role below the office may see is not public."""
    for name, row in MATRIX.items():
        if row.outcome["panel"] in {403, 404} and row.outcome["visitor"] in {403, 404}:
            assert row.outcome["anonymous"] in {LOGIN, 403, 404, REDIRECT}, name
