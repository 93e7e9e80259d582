"""Demo quarterly reports to the panel: last quarter's generated, the one before sent. Made
through the services (Celery runs eagerly in the demo, so the PDFs are made at once)."""

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from opcc.models import DocumentStatus, User
from scrutiny.models import PanelQuarterlyReport
from scrutiny.quarters import quarter_label, quarter_start
from scrutiny.services import panel_reports as services

STAFF_EMAIL = "staff@opcc.example"
PCC_EMAIL = "pcc@opcc.example"


def seed_panel_reports(scale: int, log) -> None:
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    pcc = User.objects.filter(email=PCC_EMAIL).first()
    if staff is None or pcc is None:
        log("panel reports: demo people missing, skipped")
        return
    last_quarter = quarter_start(timezone.localdate()) - relativedelta(months=3)
    made = 0
    for quarter, send in ((last_quarter - relativedelta(months=3), True), (last_quarter, False)):
        if PanelQuarterlyReport.objects.filter(quarter=quarter).exists():
            continue
        report = services.start_report(
            staff,
            quarter=quarter,
            introduction=f"This report sets out the Commissioner's work in "
            f"{quarter_label(quarter)}: the decisions made, the meetings held, inspections "
            "and the force's performance against the Police and Crime Plan.",
        )
        report = services.generate_report(staff, report)
        report.document.refresh_from_db()
        if send and report.document.status == DocumentStatus.READY:
            services.send_report(pcc, report)
        made += 1
    log(f"panel reports: {made} demo quarterly reports added")
