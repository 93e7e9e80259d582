"""Access-matrix rows for the quarterly reports to the panel (see tests/test_access_matrix.py)."""

from django.utils import timezone

from opcc.roles import Role
from scrutiny.models import PanelReportStatus
from tests.matrix import OFFICE, Row, only
from tests.scrutiny.factories_inspections import PanelReportFactory

CE, STAFF, PCC, PANEL = Role.CHIEF_EXECUTIVE, Role.STAFF, Role.PCC, Role.PANEL
READERS = only([*OFFICE, PANEL])


def code(name):
    return lambda objects: {"code": objects[name].code}


ROWS = {
    "scrutiny:panel_reports": Row(READERS),
    "scrutiny:panel_report_add": Row(only([CE, STAFF])),
    # A sent report is in the panel's area; a draft is not (tested in test_panel_reports).
    "scrutiny:panel_report": Row(READERS, kwargs=code("panel_report_sent")),
    "scrutiny:panel_report_introduction": Row(only([CE, STAFF]), kwargs=code("panel_report_draft")),
    # A draft without an introduction cannot be generated, nor sent: told why (400).
    "scrutiny:panel_report_generate": Row(
        only([CE, STAFF], allowed=400), method="post", kwargs=code("panel_report_empty")
    ),
    "scrutiny:panel_report_send": Row(
        only([CE, PCC], allowed=400), method="post", kwargs=code("panel_report_draft")
    ),
}


def make_objects(people):
    return {
        "panel_report_sent": PanelReportFactory(
            status=PanelReportStatus.SENT, sent_at=timezone.now()
        ),
        "panel_report_draft": PanelReportFactory(),
        "panel_report_empty": PanelReportFactory(introduction=""),
    }
