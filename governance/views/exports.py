"""CSV and JSON of the governance lists that have no filters of their own: published statutory
reports (redacted versions only), the public forward plan, the published annual reports and the
scheme of delegation (the categories offered)."""

from django.urls import reverse
from django.utils import timezone

from governance.models import AnnualReport, DecisionCategory, ForwardPlanItem, StatutoryReport
from opcc.csv_export import ExportView

REPORT_FIELDS = (
    ("kind", "monitoring_officer (s.5 report) or s114 (Chief Finance Officer's report)"),
    ("title", "The title published (the redacted version's)"),
    ("published_on", "The date the redacted version was published"),
    ("url", "The redacted report's page"),
)
FORWARD_PLAN_FIELDS = (
    ("title", "The decision the Commissioner expects to make"),
    ("expected_by", "When it is expected"),
    ("decision_maker", "Who is expected to make it"),
    ("decision_url", "The decision, once published"),
)
ANNUAL_REPORT_FIELDS = (
    ("financial_year", "The financial year, e.g. 2025/26"),
    ("published_on", "The date it was published"),
    ("pdf_url", "The report as a PDF"),
)
DELEGATION_FIELDS = (
    ("category", "The category of decision"),
    ("description", "What the category covers"),
    ("who_may_decide", "The Commissioner, or the Commissioner or the Deputy"),
    ("delegated_to_deputy", "yes if the scheme lets the Deputy make these decisions"),
    (
        "statutory_function",
        "The function listed in s.18(7) of the Police Reform and Social Responsibility Act 2011 "
        "that the category carries, in the Act's words (empty if none)",
    ),
    (
        "statutory_citation",
        "Where the Act lists it, e.g. Police Reform and Social Responsibility Act 2011 s.18(7)(a)",
    ),
    (
        "deputy_barred_by_statute",
        "yes if s.18(3)(b) bars the Deputy from it: s.18(7)(a), (e) and (f)",
    ),
)


class StatutoryReportsExport(ExportView):
    fields = tuple(name for name, _ in REPORT_FIELDS)
    filename = "statutory-reports.csv"

    def rows(self, request):
        for report in StatutoryReport.objects.redacted_published().only(
            "code", "kind", "redacted_title", "redacted_published_at"
        ):
            yield (
                report.kind,
                report.redacted_title,
                timezone.localdate(report.redacted_published_at),
                request.build_absolute_uri(reverse("report_published", args=[report.code])),
            )


class ForwardPlanExport(ExportView):
    fields = tuple(name for name, _ in FORWARD_PLAN_FIELDS)
    filename = "forward-plan.csv"

    def rows(self, request):
        items = (
            ForwardPlanItem.objects.filter(is_public=True, expected_on__gte=timezone.localdate())
            .select_related("decision")
            .order_by("expected_on", "id")
        )
        for item in items:
            decision = item.decision
            published = decision is not None and decision.is_published
            yield (
                item.title,
                item.expected_on,
                item.get_decision_maker_display(),
                request.build_absolute_uri(decision.get_public_url()) if published else "",
            )


class AnnualReportsExport(ExportView):
    fields = tuple(name for name, _ in ANNUAL_REPORT_FIELDS)
    filename = "annual-reports.csv"

    def rows(self, request):
        reports = AnnualReport.objects.filter(published_at__isnull=False).order_by(
            "-financial_year"
        )
        for report in reports:
            yield (
                f"{report.financial_year}/{(report.financial_year + 1) % 100:02d}",
                timezone.localdate(report.published_at),
                request.build_absolute_uri(
                    reverse("annual_report_pdf", args=[report.financial_year])
                ),
            )


class SchemeOfDelegationExport(ExportView):
    fields = tuple(name for name, _ in DELEGATION_FIELDS)
    filename = "scheme-of-delegation.csv"

    def rows(self, request):
        for category in DecisionCategory.objects.offered():
            reserved = category.reserved
            deputy = category.may_be_decided_by("deputy")
            yield (
                category.name,
                category.description,
                "The Commissioner or the Deputy" if deputy else "The Commissioner",
                deputy,
                reserved.words if reserved else "",
                reserved.citation if reserved else "",
                category.deputy_barred_by_statute,
            )
