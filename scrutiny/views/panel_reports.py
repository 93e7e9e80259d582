"""The quarterly report to the Police and Crime Panel: the office starts it, writes the
introduction, generates the PDF and sends it; panel members read the sent reports here."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from opcc import access
from opcc.access import PermissionRequiredMixin, RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES, Role
from opcc.views.forms import (
    BadRequestOnInvalidForm,
    RecordStepView,
    keep_typing_against_latest,
)
from scrutiny.forms.inspections import IntroductionForm
from scrutiny.forms.panel_reports import StartReportForm
from scrutiny.models import PanelQuarterlyReport, PanelReportStatus
from scrutiny.services import panel_reports as services

READERS = frozenset(OFFICE_ROLES | {Role.PANEL})
CHANGE = "scrutiny.change_panelquarterlyreport"


class PanelReportMixin:
    """Loads the report named in the URL: panel members see only sent reports (404 otherwise)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.has_role(request.user, *READERS):
            self.report = access.object_for(
                request.user,
                PanelQuarterlyReport.objects.select_related("document"),
                code=kwargs["code"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "report": self.report}


class PanelReportListView(RoleRequiredMixin, TemplateView):
    """The panel's area: sent reports, newest first (the office also sees drafts)."""

    roles = READERS
    template_name = "scrutiny/panel_reports/list.html"

    def get_context_data(self, **kwargs):
        reports = access.visible(
            self.request.user, PanelQuarterlyReport.objects.select_related("document")
        ).order_by("-quarter")
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, reports),
            "may_start": self.request.user.has_perm("scrutiny.add_panelquarterlyreport"),
        }


class PanelReportCreateView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "scrutiny.add_panelquarterlyreport"
    template_name = "scrutiny/panel_reports/form.html"
    form_class = StartReportForm
    extra_context = {"heading": "Start a quarterly report to the panel"}

    def form_valid(self, form):
        try:
            report = services.start_report(self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The report for {report.quarter_label} has been started.")
        return redirect(report.get_absolute_url())


class PanelReportDetailView(RoleRequiredMixin, PanelReportMixin, TemplateView):
    roles = READERS
    template_name = "scrutiny/panel_reports/detail.html"

    def get_context_data(self, **kwargs):
        report, user = self.report, self.request.user
        office = access.is_office(user)
        may_change = office and user.has_perm(CHANGE) and report.status != PanelReportStatus.SENT
        return {
            **super().get_context_data(**kwargs),
            "office": office,
            "may_change": may_change,
            "may_generate": may_change and bool(report.introduction.strip()),
            "may_send": report.status == PanelReportStatus.GENERATED
            and user.has_perm("scrutiny.send_panelquarterlyreport"),
            "deliveries": list(services.deliveries(report)) if office else [],
        }


class IntroductionView(
    PermissionRequiredMixin, PanelReportMixin, BadRequestOnInvalidForm, FormView
):
    permission = CHANGE
    template_name = "scrutiny/panel_reports/form.html"
    form_class = IntroductionForm
    extra_context = {"heading": "The introduction"}

    def get_initial(self):
        return {"introduction": self.report.introduction, "version": self.report.version}

    def form_valid(self, form):
        try:
            services.edit_introduction(
                self.request.user,
                self.report,
                introduction=form.cleaned_data["introduction"],
                expected_version=form.cleaned_data["version"],
            )
        except services.ConcurrentEdit as conflict:
            keep_typing_against_latest(form, PanelQuarterlyReport, self.report.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The introduction has been saved.")
        return redirect(self.report.get_absolute_url())


class ReportStepView(PermissionRequiredMixin, PanelReportMixin, RecordStepView):
    record_attribute = "report"


class GenerateReportView(ReportStepView):
    permission = CHANGE
    done_message = "The report is being generated."

    def act(self):
        services.generate_report(self.request.user, self.report)


class SendReportView(ReportStepView):
    permission = "scrutiny.send_panelquarterlyreport"
    done_message = "The report has been sent to every panel member."

    def act(self):
        services.send_report(self.request.user, self.report)
