"""Helpers shared by the Commissioner and Officer Protocol tests (test_protocol_*.py and the
protocol fixtures in conftest.py): dates counted back from today, and a small valid PDF."""

import datetime

from django.utils import timezone

PDF_BYTES = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)
