"""The scheme's reports: the office reads the figures of any period; the scheme manager writes
the introduction, generates the PDF and publishes it; the panel and the public read what is
published."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from custody_visits.charts import report_charts
from custody_visits.figures import visiting_figures
from custody_visits.forms.reports import (
    PublishedReportFilter,
    ReportIntroductionForm,
    ReportPeriodForm,
)
from custody_visits.models import VisitingReport
from custody_visits.report_periods import last_complete_quarter
from custody_visits.services import reports as services
from custody_visits.services.common import MANAGE_SCHEME
from opcc import access
from opcc.access import RoleRequiredMixin
from opcc.csv_export import csv_response, json_response
from opcc.forms import add_service_errors
from opcc.models import DocumentStatus
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES
from opcc.views.forms import keep_typing_against_latest, refused


class ReportsView(RoleRequiredMixin, TemplateView):
    """Every report generated, newest period first, and the choice of a period to look at."""

    roles = OFFICE_ROLES
    template_name = "custody_visits/reports/list.html"

    def get_context_data(self, **kwargs):
        last = last_complete_quarter()
        form = ReportPeriodForm(
            initial={
                "kind": last.kind,
                "financial_year": last.financial_year,
                "quarter": last.quarter,
            }
        )
        reports = VisitingReport.objects.visible_to(self.request.user).select_related("document")
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "page": paginate(self.request, reports),
            "may_manage": self.request.user.has_perm(MANAGE_SCHEME),
        }


class ReportPeriodView(RoleRequiredMixin, View):
    """One period's figures and charts, live; the scheme manager generates its PDF from here."""

    roles = OFFICE_ROLES
    http_method_names = ["get", "post", "head", "options"]
    template_name = "custody_visits/reports/period.html"

    def dispatch(self, request, *args, **kwargs):
        self.period_form = ReportPeriodForm(request.GET or None)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        if not self.period_form.is_bound:
            return redirect("custody_visits:reports")
        if not self.period_form.is_valid():
            return self.render_period_errors()
        report = self.report_of(self.period_form.cleaned_data["period"])
        form = None
        if request.user.has_perm(MANAGE_SCHEME):
            form = ReportIntroductionForm(
                initial={
                    "introduction": report.introduction if report else "",
                    "version": report.version if report else None,
                }
            )
        return self.render_period(form, report)

    def post(self, request):
        if not request.user.has_perm(MANAGE_SCHEME):
            access.refuse(request.user, "generate a custody visiting report")
        if not self.period_form.is_valid():
            return self.render_period_errors()
        period = self.period_form.cleaned_data["period"]
        form = ReportIntroductionForm(request.POST)
        if not form.is_valid():
            return self.render_period(form, self.report_of(period), status=400)
        try:
            report = services.generate_visiting_report(
                request.user,
                period=period,
                introduction=form.cleaned_data["introduction"],
                expected_version=form.cleaned_data["version"],
            )
        except services.ReportChanged as error:
            report = self.report_of(period)
            if report is not None:
                keep_typing_against_latest(form, VisitingReport, report.pk)
            form.add_error(None, error.message)
            return self.render_period(form, report, status=409)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render_period(form, self.report_of(period), status=400)
        messages.success(request, f"The {period.label} report is being generated.")
        return redirect("document", code=report.document.code)

    def report_of(self, period):
        return (
            VisitingReport.objects.select_related("document")
            .filter(kind=period.kind, period_start=period.start)
            .first()
        )

    def render_period_errors(self):
        return render(
            self.request,
            "custody_visits/reports/choose_period.html",
            {"form": self.period_form},
            status=400,
        )

    def render_period(self, form, report, status=200):
        period = self.period_form.cleaned_data["period"]
        figures = visiting_figures(period.start, period.end)
        context = {
            "period": period,
            "figures": figures,
            "charts": report_charts(figures),
            "report": report,
            "form": form,
        }
        return render(self.request, self.template_name, context, status=status)


class ReportPublishView(RoleRequiredMixin, View):
    roles = OFFICE_ROLES
    http_method_names = ["post"]

    def post(self, request, code):
        report = access.object_for(request.user, VisitingReport.objects, "publish", code=code)
        try:
            report = services.publish_visiting_report(request.user, report)
        except ValidationError as error:
            return refused(request, error.messages, back_url=reverse("custody_visits:reports"))
        messages.success(request, f"The {report.period.label} report is published.")
        return redirect("custody_visits:reports")


EXPORT_HEADER = ("title", "kind", "period_start", "period_end", "published_on", "pdf_url")


class PublishedReportsMixin:
    """The published reports, newest first, narrowed by the public filter (400 if it is bad)."""

    def published_reports(self):
        self.filter_form = PublishedReportFilter(self.request.GET)
        reports = VisitingReport.objects.published().order_by("-published_at", "-id")
        return self.filter_form.filter(reports)

    def export_rows(self, reports):
        for report in reports:
            yield (
                report.period.title,
                report.kind,
                report.period_start,
                report.period_end,
                timezone.localdate(report.published_at),
                self.request.build_absolute_uri(
                    reverse("custody_visiting_report_pdf", args=[report.code])
                ),
            )


class PublishedReportsView(PublishedReportsMixin, TemplateView):
    """The public page: every published report with its PDF, newest first."""

    template_name = "custody_visits/reports/public_list.html"

    def get(self, request, *args, **kwargs):
        page = paginate(request, self.published_reports())
        context = self.get_context_data(
            page=page, filter_form=self.filter_form, query=self.filter_query()
        )
        status = 400 if self.filter_form.errors else 200
        return self.render_to_response(context, status=status)

    def filter_query(self) -> str:
        kind = self.filter_form.cleaned_data.get("kind") if self.filter_form.is_valid() else ""
        return f"kind={kind}" if kind else ""


class PublishedReportsCsvView(PublishedReportsMixin, View):
    def get(self, request):
        reports = self.published_reports()
        if self.filter_form.errors:
            return HttpResponseBadRequest(" ".join(self.filter_form.errors["kind"]))
        return csv_response(
            "custody-visiting-reports.csv", EXPORT_HEADER, self.export_rows(reports)
        )


class PublishedReportsJsonView(PublishedReportsMixin, View):
    def get(self, request):
        reports = self.published_reports()
        if self.filter_form.errors:
            return JsonResponse({"errors": self.filter_form.errors}, status=400)
        return json_response(EXPORT_HEADER, self.export_rows(reports))


class PublishedReportPdfView(View):
    def get(self, request, code):
        report = get_object_or_404(
            VisitingReport.objects.published().select_related("document"), code=code
        )
        if report.document is None or report.document.status != DocumentStatus.READY:
            raise Http404
        return FileResponse(
            report.document.file.open("rb"),
            as_attachment=True,
            filename=report.download_name,
            content_type="application/pdf",
        )
