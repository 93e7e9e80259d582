from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from governance.models import AnnualReport
from governance.services import annual as services
from opcc.access import PermissionRequiredMixin
from opcc.forms import GovukForm, add_service_errors
from opcc.models import DocumentStatus
from opcc.views.forms import BadRequestOnInvalidForm, refused


class AnnualReportForm(GovukForm, forms.Form):
    submit_label = "Generate the report"
    financial_year = forms.TypedChoiceField(
        label="Financial year", coerce=int, error_messages={"required": "Choose the financial year"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        last = services.current_financial_year()
        self.fields["financial_year"].choices = [
            (year, f"{year}/{(year + 1) % 100:02d}") for year in range(last, last - 6, -1)
        ]


class AnnualReportListView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "governance.view_annualreport"
    template_name = "governance/annual/list.html"
    form_class = AnnualReportForm

    def get_context_data(self, **kwargs):
        reports = AnnualReport.objects.select_related("document").order_by("-financial_year")
        return {**super().get_context_data(**kwargs), "reports": reports[:20]}

    def form_valid(self, form):
        try:
            report = services.generate_annual_report(
                self.request.user, financial_year=form.cleaned_data["financial_year"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return redirect("document", code=report.document.code)

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("governance.publish_annualreport"):
            from opcc.access import refuse

            refuse(request.user, "generate the annual report")
        return super().post(request, *args, **kwargs)


class AnnualReportPublishView(PermissionRequiredMixin, View):
    permission = "governance.publish_annualreport"
    http_method_names = ["post"]

    def post(self, request, year):
        report = get_object_or_404(AnnualReport, financial_year=year)
        try:
            services.publish_annual_report(request.user, report)
        except ValidationError as error:
            return refused(request, error.messages, back_url="/governance/annual-reports/")
        messages.success(request, f"The annual report {report.label} is published.")
        return redirect("governance:annual_reports")


class PublishedAnnualReportsView(TemplateView):
    template_name = "governance/public/annual_reports.html"

    def get_context_data(self, **kwargs):
        reports = AnnualReport.objects.filter(published_at__isnull=False).order_by(
            "-financial_year"
        )
        return {**super().get_context_data(**kwargs), "reports": reports[:50]}


class PublishedAnnualReportPdfView(View):
    def get(self, request, year):
        report = (
            AnnualReport.objects.select_related("document")
            .filter(financial_year=year, published_at__isnull=False)
            .first()
        )
        if report is None or report.document.status != DocumentStatus.READY:
            raise Http404
        return FileResponse(
            report.document.file.open("rb"),
            as_attachment=True,
            filename=f"annual-report-{report.financial_year}.pdf",
            content_type="application/pdf",
        )
