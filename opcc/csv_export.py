"""CSV and JSON exports of public lists: small helpers, shared by every list that publishes one.

A cell is written as text; one that a spreadsheet would read as a formula (it starts with
= + - @, a tab or a carriage return) is prefixed with a single quote, so opening a download
can never run anything (OWASP "CSV injection").
"""

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse, JsonResponse
from django.views import View

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """One value as CSV text: dates in ISO 8601, money with two decimals, text made inert."""
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


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A CSV download named ``filename``: the ``header`` row, then one line per row of values."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return response


OPEN_GOVERNMENT_LICENCE = "Open Government Licence v3.0"


def json_response(header: Sequence[str], rows: Iterable[Sequence], **about) -> JsonResponse:
    """The same rows as JSON: the licence, the field names, anything ``about`` the selection
    (its filters), and one object per row keyed by the field names (dates in ISO 8601)."""
    return JsonResponse(
        {
            "licence": OPEN_GOVERNMENT_LICENCE,
            "fields": list(header),
            **about,
            "rows": [dict(zip(header, row, strict=True)) for row in rows],
        },
        json_dumps_params={"ensure_ascii": False},
    )


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
