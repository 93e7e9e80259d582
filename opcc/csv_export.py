"""CSV and JSON exports of public lists: small helpers, shared by every list that publishes one.

A cell is written as text; one that a spreadsheet would read as a formula (it starts with
= + - @, a tab or a carriage return) is prefixed with a single quote, so opening a download
can never run anything (OWASP "CSV injection").
"""

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse
from django.views import View

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """One value as CSV text: dates in ISO 8601, money with two decimals, text made inert."""
    if type(value) is str:  # most cells: checked first, as exports run this for every cell
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class StreamingExport(StreamingHttpResponse):
    """A download sent while it is written: the first bytes leave at once and the worker holds
    one batch of rows at a time, however long the list. Reading ``content`` (as a test or any
    caller wanting the whole file at once does) drains the stream, once."""

    @property
    def content(self) -> bytes:
        body = b"".join(self.streaming_content)
        self.streaming_content = [body]
        return body

    @property
    def text(self) -> str:
        return self.content.decode(self.charset)


# Rows written per chunk sent: fewer, larger writes to the socket than one per line.
BATCH = 500


class _Line:
    """A file-like object whose write() hands back the line csv.writer formats."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(header)
    batch = []
    for row in rows:
        batch.append(writer.writerow([cell(value) for value in row]))
        if len(batch) == BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A CSV download named ``filename``: the ``header`` row, then one line per row of values,
    streamed (``rows`` is read lazily: give it a queryset's ``iterator()``)."""
    response = StreamingExport(_csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


OPEN_GOVERNMENT_LICENCE = "Open Government Licence v3.0"


def _json(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def _json_parts(header: Sequence[str], rows: Iterable[Sequence], about: dict) -> Iterator[str]:
    opening = {"licence": OPEN_GOVERNMENT_LICENCE, "fields": list(header), **about}
    yield _json(opening)[:-1] + (", " if opening else "") + '"rows": ['
    batch, first = [], True
    for row in rows:
        text = _json(dict(zip(header, row, strict=True)))
        batch.append(text if first else ", " + text)
        first = False
        if len(batch) == BATCH:
            yield "".join(batch)
            batch = []
    yield "".join(batch) + "]}"


def json_response(header: Sequence[str], rows: Iterable[Sequence], **about) -> HttpResponse:
    """The same rows as JSON: the licence, the field names, anything ``about`` the selection
    (its filters), and one object per row keyed by the field names (dates in ISO 8601). Every
    row is sent, streamed as it is written, so a long list is never cut short."""
    return StreamingExport(_json_parts(header, rows, about), content_type="application/json")


class ExportView(View):
    """A public list as a file: ``as_view(format="csv")`` or ``"json"``. Subclasses name the
    ``fields`` (in order), the CSV ``filename``, and give ``rows(request)`` as tuples."""

    format = "csv"
    fields: tuple[str, ...] = ()
    filename = "export.csv"
    http_method_names = ["get", "head"]

    def rows(self, request) -> Iterable[Sequence]:
        raise NotImplementedError

    def get(self, request):
        if self.format == "json":
            return json_response(self.fields, self.rows(request))
        return csv_response(self.filename, self.fields, self.rows(request))
