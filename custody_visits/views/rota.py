"""The rota: the scheme manager's month of planned visits, planning, changing and cancelling a
visit, and
a visitor's own visits. Seen only by the scheme manager and each visit's visitors."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from custody_visits.forms.rota import ChangeVisitForm, PlanVisitForm, ReasonForm
from custody_visits.models import CustodyVisit
from custody_visits.services import rota as services
from custody_visits.views.common import SchemeManagerRequiredMixin, VisitMixin, with_visitors
from opcc import access
from opcc.access import RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import Role
from opcc.views.forms import BadRequestOnInvalidForm

# The rota's months: wide enough for any real visit, narrow enough that the month before and
# after still exist (date.min and date.max would overflow the navigation links).
FIRST_YEAR, LAST_YEAR = 2000, 2100


def month_from(value: str, today: date) -> date:
    """The first day of the month named YYYY-MM, or of this month when the value is not one
    (or is outside the years the rota covers)."""
    try:
        year, month = (int(part) for part in value.split("-"))
        if FIRST_YEAR <= year <= LAST_YEAR:
            return date(year, month, 1)
    except (TypeError, ValueError):
        pass
    return today.replace(day=1)


def next_month(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1)


class RotaView(SchemeManagerRequiredMixin, TemplateView):
    """Visits whose week begins in the month."""

    template_name = "custody_visits/rota/month.html"

    def get_context_data(self, **kwargs):
        first = month_from(self.request.GET.get("month", ""), timezone.localdate())
        after = next_month(first)
        visits = with_visitors(
            CustodyVisit.objects.filter(week_starting__gte=first, week_starting__lt=after)
        ).order_by("week_starting", "suite__name", "id")
        page = paginate(self.request, visits)
        return {
            **super().get_context_data(**kwargs),
            "month": first,
            "previous_month": (first - timedelta(days=1)).replace(day=1),
            "next_month": after,
            "page": page,
            "query": f"month={first:%Y-%m}",
            "month_label": f"{first:%B %Y}",
        }


class PlanVisitView(SchemeManagerRequiredMixin, BadRequestOnInvalidForm, FormView):
    template_name = "custody_visits/form.html"
    form_class = PlanVisitForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "today": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": "Plan a visit",
            "caption": "Rota",
            "introduction": "Visits are unannounced: the rota is seen only by the scheme "
            "manager and each visit's visitors.",
        }

    def form_valid(self, form):
        try:
            visit = services.plan_visit(
                self.request.user,
                suite=form.cleaned_data["suite"],
                week_starting=form.cleaned_data["week"],
                visitors=list(form.cleaned_data["visitors"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The visit to {visit.suite} has been planned.")
        return redirect(f"{reverse('custody_visits:rota')}?month={visit.week_starting:%Y-%m}")


class ChangeVisitView(SchemeManagerRequiredMixin, VisitMixin, BadRequestOnInvalidForm, FormView):
    template_name = "custody_visits/form.html"
    form_class = ChangeVisitForm
    action = "change"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "today": timezone.localdate()}

    def get_initial(self):
        return {
            "week": self.visit.week_starting.isoformat(),
            "visitors": [assignment.visitor_id for assignment in self.visit.assignments.all()],
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": "Change a planned visit",
            "caption": str(self.visit),
        }

    def form_valid(self, form):
        try:
            services.change_planned_visit(
                self.request.user,
                self.visit,
                week_starting=form.cleaned_data["week"],
                visitors=list(form.cleaned_data["visitors"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The visit has been changed.")
        return redirect(self.visit.get_absolute_url())


class CancelVisitView(SchemeManagerRequiredMixin, VisitMixin, BadRequestOnInvalidForm, FormView):
    template_name = "custody_visits/form.html"
    form_class = ReasonForm
    action = "cancel"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "label": "Why is the visit cancelled?",
            "what": "why the visit is cancelled",
            "submit_label": "Cancel the visit",
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": "Cancel a visit",
            "caption": str(self.visit),
        }

    def form_valid(self, form):
        try:
            services.cancel_visit(self.request.user, self.visit, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The visit has been cancelled.")
        return redirect(self.visit.get_absolute_url())


class MyVisitsView(RoleRequiredMixin, TemplateView):
    """A visitor's own visits, newest first: what is planned and what awaits them."""

    roles = frozenset({Role.VISITOR})
    template_name = "custody_visits/rota/my_visits.html"

    def get_context_data(self, **kwargs):
        visits = access.visible(self.request.user, CustodyVisit.objects.all())
        page = paginate(self.request, with_visitors(visits).order_by("-week_starting", "-id"))
        return {**super().get_context_data(**kwargs), "page": page}
