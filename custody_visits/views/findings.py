"""Findings: the list (filtered, overdue ones tagged), a finding's page, and its follow-up with
the force: raised with the custody inspector, the force's response, closed."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from custody_visits.forms.findings import ForceResponseForm, RaiseFindingForm
from custody_visits.models import (
    REPORTED,
    CustodySuite,
    Finding,
    FindingCategory,
    FindingStatus,
    Severity,
)
from custody_visits.services import findings as services
from custody_visits.services.common import MANAGE_SCHEME, ConcurrentEdit
from custody_visits.views.common import READER_ROLES, SCHEME_ROLES
from opcc import access
from opcc.access import RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.views.forms import (
    BadRequestOnInvalidForm,
    RecordStepView,
    keep_typing_against_latest,
)

OVERDUE = "overdue"


class FindingListView(RoleRequiredMixin, TemplateView):
    roles = READER_ROLES
    template_name = "custody_visits/findings/list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        findings = access.visible(
            self.request.user, Finding.objects.filter(visit__status__in=REPORTED)
        )
        suites = list(CustodySuite.objects.order_by("name").values_list("pk", "name"))
        chosen, query = {}, []
        for name, choices in (
            ("status", [*FindingStatus.values, OVERDUE]),
            ("category", FindingCategory.values),
            ("severity", Severity.values),
            ("suite", [str(pk) for pk, _ in suites]),
        ):
            value = self.request.GET.get(name, "")
            if value in choices:
                chosen[name] = value
                query.append(f"{name}={value}")
        if chosen.get("status") == OVERDUE:
            findings = findings.overdue(today)
        elif "status" in chosen:
            findings = findings.filter(status=chosen["status"])
        if "category" in chosen:
            findings = findings.filter(category=chosen["category"])
        if "severity" in chosen:
            findings = findings.filter(severity=chosen["severity"])
        if "suite" in chosen:
            findings = findings.filter(visit__suite_id=int(chosen["suite"]))
        page = paginate(
            self.request,
            findings.select_related("visit__suite").order_by("-visit__visited_on", "-id"),
        )
        return {
            **super().get_context_data(**kwargs),
            "page": page,
            "today": today,
            "chosen": chosen,
            "query": "&".join(query),
            "filters": [
                ("status", "Status", [*FindingStatus.choices, (OVERDUE, "Overdue")]),
                ("category", "Category", FindingCategory.choices),
                ("severity", "Severity", Severity.choices),
                ("suite", "Suite", [(str(pk), name) for pk, name in suites]),
            ],
        }


class FindingMixin:
    action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.has_role(request.user, *SCHEME_ROLES):
            self.finding = access.object_for(
                request.user,
                Finding.objects.select_related("visit__suite", "raised_by", "closed_by"),
                self.action,
                code=kwargs["code"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "finding": self.finding}


class FindingDetailView(RoleRequiredMixin, FindingMixin, TemplateView):
    roles = SCHEME_ROLES
    template_name = "custody_visits/findings/detail.html"

    def get_context_data(self, **kwargs):
        finding = self.finding
        followed_up = finding.visit.status in services.FOLLOWED_UP
        manages = self.request.user.has_perm(MANAGE_SCHEME) and followed_up
        return {
            **super().get_context_data(**kwargs),
            "today": timezone.localdate(),
            "target_days": settings.CUSTODY_FINDING_RESPONSE_WORKING_DAYS,
            "may_raise": manages
            and finding.status in (FindingStatus.OPEN, FindingStatus.RESPONDED),
            "may_respond": manages and finding.status == FindingStatus.RAISED,
            "may_close": manages and finding.status == FindingStatus.RESPONDED,
            "shows_all_findings": access.has_role(self.request.user, *READER_ROLES),
        }


class FollowUpView(RoleRequiredMixin, FindingMixin, BadRequestOnInvalidForm, FormView):
    roles = SCHEME_ROLES
    action = "follow_up"
    template_name = "custody_visits/form.html"
    heading = ""
    done_message = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "finding": self.finding}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": self.heading,
            "caption": f"Finding: {self.finding}, {self.finding.visit}",
            "inset": self.finding.description,
        }

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version") or 0
        try:
            self.act(data, version)
        except ConcurrentEdit:
            keep_typing_against_latest(form, Finding, self.finding.pk)
            form.add_error(
                None,
                "Someone else saved this finding while you were editing it, so your changes "
                "have not been saved. Check the finding and save again.",
            )
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message)
        return redirect(self.finding.get_absolute_url())


class RaiseFindingView(FollowUpView):
    form_class = RaiseFindingForm
    heading = "Raise the finding with the custody inspector"
    done_message = "The finding has been recorded as raised with the custody inspector."

    def act(self, data, version):
        services.raise_with_inspector(
            self.request.user, self.finding, expected_version=version, **data
        )


class ForceResponseView(FollowUpView):
    form_class = ForceResponseForm
    heading = "Record the force's response"
    done_message = "The force's response has been recorded."

    def act(self, data, version):
        services.record_force_response(
            self.request.user, self.finding, expected_version=version, **data
        )


class CloseFindingView(RoleRequiredMixin, FindingMixin, RecordStepView):
    roles = SCHEME_ROLES
    action = "follow_up"
    record_attribute = "finding"
    done_message = "The finding has been closed."

    def act(self):
        services.close_finding(self.request.user, self.finding)
