"""Monitoring Officer and s.114 reports: drafting, issue, consideration, redacted publication."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from governance.forms.reports import ConsiderationForm, RedactedPublicationForm, ReportForm
from governance.models import ReportKind, ReportStatus, StatutoryReport
from governance.services import decisions as decision_services
from governance.services import reports as services
from opcc import access
from opcc.access import RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES, Role
from opcc.views.forms import (
    BadRequestOnInvalidForm,
    RecordStepView,
    keep_typing_against_latest,
)

READERS = OFFICE_ROLES | {Role.PANEL}  # panel members receive every issued report


class ReportMixin:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.report = access.object_for(
                request.user,
                StatutoryReport.objects.select_related("decision"),
                code=kwargs["code"],
            )
            self.check_report(request.user, self.report)
        return super().dispatch(request, *args, **kwargs)

    def check_report(self, user, report) -> None:
        """Refuse (403) a user who may see the report but not do this page's work on it."""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "report": self.report}


class ReportListView(RoleRequiredMixin, TemplateView):
    roles = READERS
    template_name = "governance/reports/list.html"

    def get_context_data(self, **kwargs):
        reports = access.visible(
            self.request.user, StatutoryReport.objects.select_related("decision")
        ).order_by("-created_at", "-id")
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, reports),
            "kinds": [
                kind
                for kind in ReportKind
                if self.request.user.has_perm(services.ISSUE_PERMISSION[kind])
            ],
        }


class ReportCreateView(RoleRequiredMixin, BadRequestOnInvalidForm, FormView):
    roles = OFFICE_ROLES
    template_name = "governance/reports/form.html"
    form_class = ReportForm

    def dispatch(self, request, *args, **kwargs):
        if kwargs["kind"] not in ReportKind.values:
            raise Http404
        self.kind = ReportKind(kwargs["kind"])
        if request.user.is_authenticated and not request.user.has_perm(
            services.ISSUE_PERMISSION[self.kind]
        ):
            access.refuse(request.user, f"draft a {self.kind} report")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kind": self.kind}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "kind": self.kind}

    def form_valid(self, form):
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            report = services.draft_report(self.request.user, kind=self.kind, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The draft report has been saved. It is not issued yet.")
        return redirect(report.get_absolute_url())


class ReportEditView(RoleRequiredMixin, ReportMixin, BadRequestOnInvalidForm, FormView):
    roles = OFFICE_ROLES
    template_name = "governance/reports/form.html"
    form_class = ReportForm

    def check_report(self, user, report):
        if not user.has_perm(services.ISSUE_PERMISSION[report.kind]):
            access.refuse(user, f"edit report {report.pk}")
        if report.status != ReportStatus.DRAFT:
            access.refuse(user, f"edit issued report {report.pk}")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kind": self.report.kind, "instance": self.report}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "kind": ReportKind(self.report.kind)}

    def form_valid(self, form):
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.update_report(
                self.request.user,
                self.report,
                expected_version=form.cleaned_data["version"] or 0,
                **fields,
            )
        except decision_services.ConcurrentEdit:
            keep_typing_against_latest(form, StatutoryReport, self.report.pk)
            form.add_error(
                None,
                "Someone else saved this report while you were editing it, so your changes have "
                "not been saved. Check the report and save again.",
            )
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The draft report has been saved.")
        return redirect(self.report.get_absolute_url())


class ReportDetailView(RoleRequiredMixin, ReportMixin, TemplateView):
    roles = READERS
    template_name = "governance/reports/detail.html"

    def get_context_data(self, **kwargs):
        report, user = self.report, self.request.user
        is_office = user.role in OFFICE_ROLES
        return {
            **super().get_context_data(**kwargs),
            "deliveries": list(services.deliveries(report)) if is_office else [],
            "response_deliveries": list(
                services.deliveries(report, kinds=(services.RESPONSE_COPY,))
            )
            if is_office
            else [],
            "bars_today": report.bars_on(timezone.localdate()),
            "auditor_email": settings.EXTERNAL_AUDITOR_EMAIL,
            "may_edit": report.status == ReportStatus.DRAFT
            and user.has_perm(services.ISSUE_PERMISSION[report.kind]),
            "may_issue": report.status == ReportStatus.DRAFT
            and user.has_perm(services.ISSUE_PERMISSION[report.kind]),
            "may_consider": report.status == ReportStatus.ISSUED
            and user.has_perm("governance.consider_statutoryreport"),
            "may_publish": report.status != ReportStatus.DRAFT
            and user.has_perm("governance.publish_redacted_report"),
        }


class ReportIssueView(RoleRequiredMixin, ReportMixin, RecordStepView):
    roles = OFFICE_ROLES
    record_attribute = "report"
    done_message = "The report has been issued and a copy sent to every member of the panel."

    def act(self):
        services.issue_report(self.request.user, self.report)


class ReportFormActionView(RoleRequiredMixin, ReportMixin, BadRequestOnInvalidForm, FormView):
    roles = OFFICE_ROLES
    template_name = "governance/reports/action_form.html"
    permission = ""
    heading = ""
    done_message = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(self.permission):
            access.refuse(request.user, self.heading)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "heading": self.heading}

    def form_valid(self, form):
        try:
            self.act(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message)
        return redirect(self.report.get_absolute_url())


class ReportConsiderView(ReportFormActionView):
    permission = "governance.consider_statutoryreport"
    form_class = ConsiderationForm
    heading = "Record the Commissioner's consideration"
    done_message = "The consideration has been recorded."

    def get_initial(self):
        return {"concluded_on": timezone.localdate()}

    def act(self, data):
        services.record_consideration(self.request.user, self.report, **data)


class ReportPublishRedactedView(ReportFormActionView):
    permission = "governance.publish_redacted_report"
    form_class = RedactedPublicationForm
    heading = "Publish a redacted version"
    done_message = "The redacted version is published on the transparency pages."

    def get_initial(self):
        return {
            "redacted_title": self.report.redacted_title,
            "redacted_text": self.report.redacted_text,
        }

    def act(self, data):
        services.publish_redacted(self.request.user, self.report, **data)


class PublishedReportListView(TemplateView):
    template_name = "governance/public/reports.html"

    def get_context_data(self, **kwargs):
        reports = StatutoryReport.objects.redacted_published()
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, reports)}


class PublishedReportView(TemplateView):
    template_name = "governance/public/report.html"

    def get_context_data(self, **kwargs):
        report = get_object_or_404(
            StatutoryReport.objects.redacted_published(), code=kwargs["code"]
        )
        return {**super().get_context_data(**kwargs), "report": report}
