"""A visit's page, the list of filed reports, and the steps after a report is submitted: the
second visitor confirms or sends it back, the scheme manager reviews it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from custody_visits.forms.rota import ReasonForm
from custody_visits.forms.visit_report import ReviewForm
from custody_visits.models import REPORTED, CustodySuite, CustodyVisit, VisitStatus
from custody_visits.services import visit_reports as services
from custody_visits.services.common import MANAGE_SCHEME
from custody_visits.views.common import (
    READER_ROLES,
    SCHEME_ROLES,
    SchemeManagerRequiredMixin,
    VisitMixin,
    with_visitors,
)
from opcc import access
from opcc.access import RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.views.forms import BadRequestOnInvalidForm, RecordStepView


def report_context(visit: CustodyVisit) -> dict:
    """The report's detainees and findings, and the detainee figures."""
    detainees = list(visit.detainees.all())
    findings = list(visit.findings.all())
    return {
        "detainees": detainees,
        "findings": findings,
        "today": timezone.localdate(),
    }


@method_decorator(never_cache, name="dispatch")
class VisitDetailView(RoleRequiredMixin, VisitMixin, TemplateView):
    roles = SCHEME_ROLES
    template_name = "custody_visits/visits/detail.html"

    def get_context_data(self, **kwargs):
        visit, user = self.visit, self.request.user
        manages = user.has_perm(MANAGE_SCHEME)
        is_visitor = visit.is_visitor(user)
        status = visit.status
        return {
            **super().get_context_data(**kwargs),
            **report_context(visit),
            "shows_report": status in REPORTED
            or (status == VisitStatus.PLANNED and visit.visited_on),
            "may_file": services.may_file(user, visit),
            "may_confirm": status == VisitStatus.SUBMITTED
            and is_visitor
            and visit.submitted_by_id != user.pk,
            "may_review": status == VisitStatus.CONFIRMED and manages,
            "may_cancel": status == VisitStatus.PLANNED and manages,
            "may_change": status == VisitStatus.PLANNED and manages and not visit.visited_on,
            "may_return": status == VisitStatus.SUBMITTED and manages,
            # Change history is for the office roles (it shows past values), never a visitor.
            "shows_history": access.has_role(user, *READER_ROLES),
        }


class VisitReportListView(RoleRequiredMixin, TemplateView):
    """Filed visit reports, for the scheme manager and the office holders (never the rota)."""

    roles = READER_ROLES
    template_name = "custody_visits/visits/list.html"

    def get_context_data(self, **kwargs):
        suites = list(CustodySuite.objects.order_by("name").values_list("pk", "name"))
        visits = access.visible(self.request.user, CustodyVisit.objects.filter(status__in=REPORTED))
        suite = self.request.GET.get("suite", "")
        query = ""
        # isdigit() alone lets through "²" and 5,000-digit strings, which int() refuses (a 500).
        if suite.isascii() and suite.isdigit() and len(suite) < 19 and int(suite) in dict(suites):
            visits = visits.filter(suite_id=int(suite))
            query = f"suite={suite}"
        else:
            suite = ""
        page = paginate(
            self.request, with_visitors(visits).order_by("-visited_on", "-week_starting", "-id")
        )
        return {
            **super().get_context_data(**kwargs),
            "page": page,
            "suites": suites,
            "suite": suite,
            "query": query,
        }


class ConfirmReportView(RoleRequiredMixin, VisitMixin, RecordStepView):
    roles = SCHEME_ROLES
    action = "file"
    record_attribute = "visit"
    done_message = "You have confirmed the report. The scheme manager will review it."

    def act(self):
        services.confirm_report(self.request.user, self.visit)


class SendBackReportView(RoleRequiredMixin, VisitMixin, BadRequestOnInvalidForm, FormView):
    """The second visitor sends the submitted report back for correction."""

    roles = SCHEME_ROLES
    action = "file"
    template_name = "custody_visits/form.html"
    form_class = ReasonForm
    introduction = "The visitor who submitted it is told what to correct, and submits it again."

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "label": "What needs correcting?",
            "what": "what needs correcting",
            "submit_label": "Send the report back",
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": "Send the report back",
            "caption": str(self.visit),
            "introduction": self.introduction,
        }

    def send_back(self, reason):
        services.send_back_report(self.request.user, self.visit, reason=reason)

    def form_valid(self, form):
        try:
            self.send_back(form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The report has been sent back for correction.")
        return redirect(self.visit.get_absolute_url())


class ReturnReportView(SchemeManagerRequiredMixin, SendBackReportView):
    """The scheme manager sends back a submitted report the other visitor cannot confirm."""

    action = "return"
    introduction = (
        "Use this when the other visitor cannot confirm the report. The visitor who submitted "
        "it is told what to correct, and submits it again."
    )

    def send_back(self, reason):
        services.return_report(self.request.user, self.visit, reason=reason)


class ReviewReportView(RoleRequiredMixin, VisitMixin, BadRequestOnInvalidForm, FormView):
    roles = SCHEME_ROLES
    action = "review"
    template_name = "custody_visits/form.html"
    form_class = ReviewForm

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": "Review the visit report",
            "caption": str(self.visit),
        }

    def form_valid(self, form):
        try:
            services.review_report(self.request.user, self.visit, notes=form.cleaned_data["notes"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The report has been reviewed.")
        return redirect(self.visit.get_absolute_url())
