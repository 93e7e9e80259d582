"""The visit report, one question page at a time (GOV.UK question pages), for the visitors on
the visit while it is not yet submitted: details, delay, conditions, detainees, findings, check
your answers, submit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from custody_visits.forms.visit_report import (
    ConditionsForm,
    DelayForm,
    DetailsForm,
    DetaineeForm,
    FindingForm,
    SubmitReportForm,
)
from custody_visits.models import CustodyVisit, VisitStatus
from custody_visits.services import visit_reports as services
from custody_visits.services.common import ConcurrentEdit
from custody_visits.views.common import SCHEME_ROLES, VisitMixin
from opcc.access import RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.views.forms import BadRequestOnInvalidForm, keep_typing_against_latest

STEPS = (
    ("report_details", "Visit details"),
    ("report_delay", "Getting in"),
    ("report_conditions", "Conditions of the suite"),
    ("report_detainees", "Detainees"),
    ("report_findings", "Findings"),
    ("report_check", "Check your answers"),
)


def step_url(name: str, visit: CustodyVisit) -> str:
    return reverse(f"custody_visits:{name}", args=[visit.code])


@method_decorator(never_cache, name="dispatch")
class FilingMixin(RoleRequiredMixin, VisitMixin):
    """A page of a report still being filled in, for a visitor on the visit. Once it is
    submitted, its pages lead back to the visit."""

    roles = SCHEME_ROLES
    action = "file"
    step = ""

    def get(self, request, *args, **kwargs):
        if self.visit.status != VisitStatus.PLANNED:
            return self.already_submitted()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.visit.status != VisitStatus.PLANNED:
            return self.already_submitted()
        return super().post(request, *args, **kwargs)

    def already_submitted(self):
        messages.info(
            self.request,
            f"This report is {self.visit.get_status_display().lower()}: "
            "it can no longer be changed.",
        )
        return redirect(self.visit.get_absolute_url())

    def next_url(self) -> str:
        if self.request.GET.get("return") == "check":
            return step_url("report_check", self.visit)
        names = [name for name, _ in STEPS]
        return step_url(names[names.index(self.step) + 1], self.visit)

    def get_context_data(self, **kwargs):
        names = [name for name, _ in STEPS]
        number = names.index(self.step) + 1
        return {
            **super().get_context_data(**kwargs),
            "step_title": dict(STEPS)[self.step],
            "step_number": number,
            "step_count": len(STEPS),
            "back_url": step_url(names[number - 2], self.visit)
            if number > 1
            else self.visit.get_absolute_url(),
        }


class ReportStepView(FilingMixin, BadRequestOnInvalidForm, FormView):
    template_name = "custody_visits/report/step.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "visit": self.visit}

    def form_valid(self, form):
        try:
            services.update_report(
                self.request.user,
                self.visit,
                expected_version=form.cleaned_data["version"] or 0,
                **form.report_data(),
            )
        except ConcurrentEdit as conflict:
            keep_typing_against_latest(form, CustodyVisit, self.visit.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return redirect(self.next_url())


class DetailsStepView(ReportStepView):
    form_class = DetailsForm
    step = "report_details"


class DelayStepView(ReportStepView):
    form_class = DelayForm
    step = "report_delay"


class ConditionsStepView(ReportStepView):
    form_class = ConditionsForm
    step = "report_conditions"


class DetaineesView(FilingMixin, TemplateView):
    """The detainees recorded so far, each with change and remove, and "Add a detainee"."""

    template_name = "custody_visits/report/detainees.html"
    step = "report_detainees"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "detainees": list(self.visit.detainees.all()),
            "continue_url": self.next_url(),
        }


class FindingsView(FilingMixin, TemplateView):
    template_name = "custody_visits/report/findings.html"
    step = "report_findings"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "findings": list(self.visit.findings.all()),
            "continue_url": self.next_url(),
        }


class ItemFormView(FilingMixin, BadRequestOnInvalidForm, FormView):
    """Add or change one detainee or one finding of the report."""

    template_name = "custody_visits/report/item.html"
    item_kwarg = ""
    heading = ""

    def get_item(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.items(), pk=self.kwargs["pk"])

    def items(self):
        raise NotImplementedError

    def save(self, item, data):
        raise NotImplementedError

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), self.item_kwarg: self.get_item()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        verb = "Change" if "pk" in self.kwargs else "Add"
        return {**context, "heading": f"{verb} {self.heading}", "back_url": self.list_url()}

    def list_url(self):
        return step_url(self.step, self.visit)

    def form_valid(self, form):
        try:
            self.save(self.get_item(), form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return redirect(self.list_url())


class DetaineeFormView(ItemFormView):
    form_class = DetaineeForm
    item_kwarg = "detainee"
    step = "report_detainees"
    heading = "a detainee"

    def items(self):
        return self.visit.detainees.all()

    def save(self, item, data):
        services.save_detainee(self.request.user, self.visit, detainee=item, **data)


class FindingFormView(ItemFormView):
    form_class = FindingForm
    item_kwarg = "finding"
    step = "report_findings"
    heading = "a finding"

    def items(self):
        return self.visit.findings.all()

    def save(self, item, data):
        services.save_finding(self.request.user, self.visit, finding=item, **data)


class RemoveItemView(FilingMixin, View):
    http_method_names = ["post"]

    def items(self):
        raise NotImplementedError

    def post(self, request, code, pk):
        if self.visit.status != VisitStatus.PLANNED:
            return self.already_submitted()
        item = get_object_or_404(self.items(), pk=pk)
        self.remove(item)
        messages.success(request, f"{self.what} has been removed.")
        return redirect(step_url(self.step, self.visit))


class RemoveDetaineeView(RemoveItemView):
    step = "report_detainees"
    what = "The detainee"

    def items(self):
        return self.visit.detainees.all()

    def remove(self, item):
        services.remove_detainee(self.request.user, item)


class RemoveFindingView(RemoveItemView):
    step = "report_findings"
    what = "The finding"

    def items(self):
        return self.visit.findings.all()

    def remove(self, item):
        services.remove_finding(self.request.user, item)


class CheckAnswersView(FilingMixin, TemplateView):
    """Every answer with a change link, and the button that submits the report."""

    template_name = "custody_visits/report/check.html"
    step = "report_check"

    def get_context_data(self, **kwargs):
        detainees = list(self.visit.detainees.all())
        return {
            **super().get_context_data(**kwargs),
            "detainees": detainees,
            "findings": list(self.visit.findings.all()),
            "missing": services.missing_answers(self.visit, len(detainees)),
            "version": self.visit.version,
            "change_urls": {
                part: step_url(f"report_{part}", self.visit) + "?return=check"
                for part in ("details", "delay", "conditions", "detainees", "findings")
            },
        }

    def post(self, request, code):
        if self.visit.status != VisitStatus.PLANNED:
            return self.already_submitted()
        form = SubmitReportForm(request.POST)
        problems, status = [], 400
        if not form.is_valid():
            problems = ["Reload the page and submit the report again"]
        else:
            try:
                services.submit_report(
                    request.user, self.visit, expected_version=form.cleaned_data["version"]
                )
            except ConcurrentEdit:
                problems = [
                    "The other visitor changed this report while you were checking it. "
                    "Check the answers below, then submit again."
                ]
                status = 409
            except ValidationError as error:
                problems = error.messages
            else:
                messages.success(
                    request,
                    "You have submitted the report. The other visitor will be asked to confirm it.",
                )
                return redirect(self.visit.get_absolute_url())
        self.visit.refresh_from_db()
        context = self.get_context_data()
        context["problems"] = problems
        return render(request, self.template_name, context, status=status)
