"""Property: no query string gives a 500, on any list, search, filter, export or feed.

Each page is asked, as someone who may see it (the public when it is public), with query strings
Hypothesis draws over the parameters that page reads (found by recording what the view asks of
``request.GET``), common ones (page, q, sort, format, ...) and unknown ones, with arbitrary text:
NUL bytes, lone surrogates, very long strings, numbers beyond any integer column, impossible
dates, repeated and malformed parameters. A page may ignore what it does not understand (200) or
refuse it with a clear page (400 or 404); it never fails.
"""

import inspect
from contextlib import contextmanager

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.http import QueryDict
from django.urls import resolve, reverse
from hypothesis import given, settings

from tests.conftest import ANONYMOUS
from tests.hypothesis_strategies import NASTY_DATES, _encode, query_strings
from tests.test_access_matrix import MATRIX, objects  # noqa: F401  (the matrix's records)

PROJECT = ("opcc", "governance", "complaints", "scrutiny", "custody_visits")
COMMON_PARAMETERS = {"page", "q", "sort", "format", "cursor", "year", "status", "month", "kind"}
ANSWERS = {200, 400, 404}
# Each in every parameter a page reads: NUL, past a bigint, past Python's 4,300-digit int(), a
# digit int() refuses ("²".isdigit() is true), negative, impossible and far-off dates, blanks.
CLASSIC = [
    "\x00",
    "9" * 30,
    "9" * 5_000,
    "\u00b2",
    "-1",
    "2026-02-30",
    "9999-12",
    "NaN",
    " ",
    "\ud800",
]


def reader_of(row):
    """Someone who may see the page: the public if it is public, else the first role that may."""
    allowed = [who for who, outcome in row.outcome.items() if outcome == 200]
    if not allowed:
        return None
    return ANONYMOUS if ANONYMOUS in allowed else allowed[0]


def needs_records(row) -> bool:
    try:
        row.kwargs({})
    except KeyError:
        return True
    return False


GET_PAGES = {
    name: row for name, row in MATRIX.items() if row.method == "get" and reader_of(row) is not None
}
# Every page that takes no record: the lists, searches, exports, feeds, and the form pages.
PAGES = sorted(
    name
    for name, row in GET_PAGES.items()
    if not needs_records(row) and name != "annual_report_pdf"  # a PDF of the records' year
)
# Pages of one record that read query parameters; test_every_page_reading_the_query_is_covered
# keeps this list whole.
RECORD_PAGES = [
    "custody_visits:report_detainees",
    "custody_visits:report_findings",
    "record_history",
    "scrutiny:plan_value_add",
]


class RecordingQueryDict(QueryDict):
    """A QueryDict that notes each parameter name the view asks for."""

    read: set

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def _getlist(self, key, default=None, force_list=False):
        self.read.add(key)
        return super()._getlist(key, default, force_list)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)


@contextmanager
def recording_reads(monkeypatch):
    read = set()
    # A class of its own, so copies the view makes (request.GET.copy()) note into ``read`` too.
    recording = type("RecordingQueryDict", (RecordingQueryDict,), {"read": read})

    def query(request):
        return recording(request.environ.get("QUERY_STRING", ""), request._encoding)

    with monkeypatch.context() as patch:
        patch.setattr(WSGIRequest, "GET", property(query))
        yield read


def parameters_read(client, url, monkeypatch) -> set:
    """The query parameters the page at ``url`` reads (asked with one unknown parameter, since
    many views only look when the query is not empty)."""
    with recording_reads(monkeypatch) as read:
        response = client.get(url, {"unknown": "1"})
    assert response.status_code == 200, (url, response.status_code)
    return read - {"unknown"}


def assert_answers(response, url, query):
    status = response.status_code
    assert status in ANSWERS, f"{url}?{query} answered {status}"
    if status != 200:
        assert response.content.strip(), f"{url}?{query}: an empty {status}"


def check_page(name, records, client_for, monkeypatch):
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(records))
    client = client_for(reader_of(row))
    read = parameters_read(client, url, monkeypatch)
    if not read:
        # A page that reads no parameter ignores any it is sent.
        query = "&".join(f"p{n}={_encode(value)}" for n, value in enumerate(CLASSIC))
        assert_answers(client.get(url, QUERY_STRING=f"page=-1&{query}"), url, query)
        return

    for value in CLASSIC:
        query = "&".join(f"{param}={_encode(value)}" for param in sorted(read))
        assert_answers(client.get(url, QUERY_STRING=query), url, query)
    for param in read:  # repeated, the first well-formed
        query = "&".join(f"{param}={_encode(value)}" for value in ["1", *NASTY_DATES[:3]])
        assert_answers(client.get(url, QUERY_STRING=query), url, query)

    @settings(max_examples=10)
    @given(query=query_strings(read | COMMON_PARAMETERS))
    def never_fails(query):
        assert_answers(client.get(url, QUERY_STRING=query), url, query)

    never_fails()


@pytest.mark.parametrize("name", PAGES)
def test_no_query_string_fails_a_page(name, client_for, monkeypatch):
    check_page(name, {}, client_for, monkeypatch)


@pytest.mark.parametrize("name", RECORD_PAGES)
def test_no_query_string_fails_a_record_page(name, objects, client_for, monkeypatch):  # noqa: F811
    check_page(name, objects, client_for, monkeypatch)


def may_read_the_query(url) -> bool:
    """Whether the view's own code (its class and the project's classes it builds on) could read
    the query string: asking every page of one record would render every PDF."""
    view = resolve(url).func
    view = getattr(view, "view_class", view)
    parts = view.__mro__ if isinstance(view, type) else [view]
    sources = [inspect.getsource(part) for part in parts if part.__module__.startswith(PROJECT)]
    return any(word in source for source in sources for word in ("GET", "paginate", "filter"))


def test_every_page_reading_the_query_is_covered(objects, client_for, monkeypatch):  # noqa: F811
    """A new page of one record that reads a query parameter must join RECORD_PAGES."""
    reading = set()
    for name, row in GET_PAGES.items():
        if name not in PAGES:
            url = reverse(name, kwargs=row.kwargs(objects))
            if may_read_the_query(url) and parameters_read(
                client_for(reader_of(row)), url, monkeypatch
            ):
                reading.add(name)
    assert reading == set(RECORD_PAGES)
