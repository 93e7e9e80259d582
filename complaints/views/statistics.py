"""Complaints information: the public page of figures by quarter and its CSV, and the CSV of
upheld review themes for scrutiny. None of them holds personal data."""

from django.views import View
from django.views.generic import TemplateView

from complaints import statistics
from complaints.models import ComplaintReview, ReviewFinding
from opcc.access import RoleRequiredMixin
from opcc.csv_export import ExportView, csv_response
from opcc.roles import OFFICE_ROLES


class ComplaintsInformationView(TemplateView):
    """Public: the figures for the last eight quarters (Specified Information Order)."""

    template_name = "complaints/statistics/information.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "figures": statistics.figures_for(statistics.latest_quarters()),
            "decide_target_days": statistics.decide_target_days(),
        }


class ComplaintsInformationCsvView(ExportView):
    """The figures of the complaints information page, by quarter, as CSV or JSON."""

    fields = statistics.CSV_HEADER
    filename = "complaints-information.csv"

    def rows(self, request):
        return (
            statistics.csv_row(row) for row in statistics.figures_for(statistics.latest_quarters())
        )


class UpheldThemesCsvView(RoleRequiredMixin, View):
    """The upheld-themes page as CSV: reference, decided date and theme, nothing of the case."""

    roles = OFFICE_ROLES
    http_method_names = ["get", "head"]

    def get(self, request):
        upheld = (
            ComplaintReview.objects.filter(finding=ReviewFinding.NOT_REASONABLE)
            .exclude(decided_on=None)
            .order_by("-decided_on", "-id")
            .values_list("reference", "decided_on", "theme")
        )
        header = ("reference", "decided_on", "theme")
        return csv_response("upheld-review-themes.csv", header, upheld)
