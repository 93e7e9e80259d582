"""Demo reports: last quarter's performance report and last financial year's annual report,
generated from the seeded visits and findings through the services and published. Idempotent:
a period already reported is left alone."""

from custody_visits.models import VisitingReport
from custody_visits.report_periods import last_complete_quarter, last_complete_year
from custody_visits.services import reports as services
from custody_visits.services.common import MANAGE_SCHEME
from opcc.documents import generate_document
from opcc.models import DocumentStatus, User

STAFF_EMAIL = "staff@opcc.example"  # the demo scheme manager

INTRODUCTIONS = {
    "quarterly": "Visitors kept up their unannounced visits across the county's custody suites "
    "this quarter. The figures below show where the scheme met its targets and where the force "
    "still owes a response to what visitors found.",
    "annual": "This is the custody visiting scheme's report on the financial year: the visits "
    "our volunteers made, what they found, and how the force responded.",
}


def seed_reports(scale: int, log) -> None:
    manager = User.objects.filter(email=STAFF_EMAIL).first()
    if manager is None or not manager.has_perm(MANAGE_SCHEME):
        log("custody visiting reports: demo scheme manager missing, skipped")
        return
    made = 0
    for period in (last_complete_year(), last_complete_quarter()):
        if VisitingReport.objects.filter(kind=period.kind, period_start=period.start).exists():
            continue
        report = services.generate_visiting_report(
            manager, period=period, introduction=INTRODUCTIONS[period.kind], expected_version=None
        )
        # Without a broker the PDF is made in-process already; with one, make it here so the
        # report can be published now.
        document = report.document
        document.refresh_from_db()
        if document.status == DocumentStatus.QUEUED:
            generate_document(document.pk)
            document.refresh_from_db()
        if document.status != DocumentStatus.READY:
            log(f"custody visiting reports: the {period.label} PDF failed: {document.error}")
            continue
        services.publish_visiting_report(manager, report)
        made += 1
    log(f"custody visiting reports: {made} demo reports generated and published")
