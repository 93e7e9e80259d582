"""Access-matrix rows for the custody visiting reports (see tests/test_access_matrix.py): the
office reads the figures, the scheme manager (staff, Chief Executive) generates and publishes,
the panel and the public read published reports only, and visitors see none of the staff pages."""

import datetime
from io import BytesIO

from django.utils import timezone

from custody_visits.models import VisitingReport
from custody_visits.report_periods import ReportKind
from opcc.models import DocumentStatus, GeneratedDocument
from opcc.roles import Role
from tests.matrix import OFFICE, REDIRECT, Row, expect, only

MANAGERS = [Role.CHIEF_EXECUTIVE, Role.STAFF]


def code(name):
    return lambda objects: {"code": objects[name].code}


ROWS = {
    "custody_visits:reports": Row(only(OFFICE)),
    # With no period chosen the page sends the office back to the list (the pages' tests choose
    # one); panel and visitors are refused before that.
    "custody_visits:report_period": Row(only(OFFICE, allowed=REDIRECT)),
    # Publishing a published report changes nothing, so each manager in turn is sent back.
    "custody_visits:report_publish": Row(
        only(MANAGERS, allowed=REDIRECT), method="post", kwargs=code("ready_report")
    ),
    "custody_visiting_reports": Row(expect(200)),
    "custody_visiting_reports_csv": Row(expect(200)),
    "custody_visiting_reports_json": Row(expect(200)),
    "custody_visiting_report_pdf": Row(expect(200), kwargs=code("published_report")),
}


def _report(people, start, *, published):
    document = GeneratedDocument.objects.create(
        kind="custody_visiting_report",
        title="Custody visiting report",
        requested_by=people[Role.STAFF],
        status=DocumentStatus.READY,
        finished_at=timezone.now(),
    )
    document.file.save(document.filename, BytesIO(b"%PDF-1.7 test"))
    report = VisitingReport.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=start,
        period_end=start + datetime.timedelta(days=90),
        created_by=people[Role.STAFF],
        document=document,
        published_at=timezone.now() if published else None,
    )
    document.of = report
    document.save()
    return report


def make_objects(people):
    return {
        "ready_report": _report(people, datetime.date(2025, 4, 1), published=False),
        "published_report": _report(people, datetime.date(2025, 7, 1), published=True),
    }
