"""The Police and Crime Plan: the office's pages (plans, priorities, measures, quarterly
figures) and the public page (each measure as a table and a chart)."""

from datetime import date
from itertools import islice

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import FormView, TemplateView

from opcc import access
from opcc.access import PermissionRequiredMixin, RoleRequiredMixin
from opcc.csv_export import csv_response, json_response
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES
from opcc.views.forms import (
    BadRequestOnInvalidForm,
    RecordStepView,
    keep_typing_against_latest,
)
from scrutiny.charts import Point, bar_chart, line_chart
from scrutiny.forms.plan import MeasureForm, MeasureValueForm, PlanForm, PriorityForm
from scrutiny.models import MeasureValue, PlanMeasure, PlanPriority, PoliceAndCrimePlan
from scrutiny.services import plan as services
from scrutiny.services.meetings import ConcurrentEdit

CHANGE_PLAN = "scrutiny.change_policeandcrimeplan"


def priorities_with_measures(plan):
    """The plan's priorities, each with its measures and their values: three queries."""
    measures = PlanMeasure.objects.prefetch_related(
        Prefetch("values", queryset=MeasureValue.objects.order_by("quarter"))
    )
    return list(plan.priorities.prefetch_related(Prefetch("measures", queryset=measures)))


def chart_for(measure, draw=line_chart) -> str:
    """The measure's figures as an SVG chart: built only from numbers and escaped text."""
    points = [Point(value.quarter_label, value.value) for value in measure.values.all()]
    unit = measure.unit if measure.unit == "%" else f" {measure.unit}" if measure.unit else ""
    svg = draw(
        f"{measure.name}: the force's figure each quarter",
        points,
        target=measure.target,
        unit=unit,
        chart_id=f"measure-{measure.pk}",
    )
    # charts.py escapes every piece of text it places.
    return mark_safe(svg)  # noqa: S308  # nosec B308 B703


def charted(priorities) -> list:
    return [
        (priority, [(measure, chart_for(measure)) for measure in priority.measures.all()])
        for priority in priorities
    ]


class PlanListView(RoleRequiredMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/plan/list.html"

    def get_context_data(self, **kwargs):
        plans = access.visible(self.request.user, PoliceAndCrimePlan.objects.all())
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, plans)}


class PlanCreateView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "scrutiny.add_policeandcrimeplan"
    template_name = "scrutiny/plan/form.html"
    form_class = PlanForm
    extra_context = {"heading": "Create a Police and Crime Plan"}

    def form_valid(self, form):
        try:
            plan = services.create_plan(self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The plan {plan.title} has been created.")
        return redirect(plan.get_absolute_url())


class PlanMixin:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.is_office(request.user):
            self.plan = access.object_for(
                request.user, PoliceAndCrimePlan.objects.all(), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "plan": self.plan}


class PlanDetailView(RoleRequiredMixin, PlanMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/plan/detail.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "priorities": charted(priorities_with_measures(self.plan)),
            "may_change": self.request.user.has_perm(CHANGE_PLAN),
            "may_record": self.request.user.has_perm("scrutiny.add_measurevalue"),
        }


class PublishPlanView(PermissionRequiredMixin, PlanMixin, RecordStepView):
    permission = CHANGE_PLAN
    record_attribute = "plan"
    done_message = "The plan has been published."

    def act(self):
        services.publish_plan(self.request.user, self.plan)


class PlanStepView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    template_name = "scrutiny/plan/form.html"
    permission = CHANGE_PLAN
    heading = ""
    done_message = ""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "heading": self.heading}

    def act(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.act(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message)
        return redirect(self.success_url_for())


class AddPriorityView(PlanMixin, PlanStepView):
    form_class = PriorityForm
    heading = "Add a priority"
    done_message = "The priority has been added."

    def act(self, form):
        services.add_priority(self.request.user, self.plan, **form.cleaned_data)

    def success_url_for(self):
        return self.plan.get_absolute_url()


class AddMeasureView(PlanStepView):
    form_class = MeasureForm
    heading = "Add a measure"
    done_message = "The measure has been added."

    @cached_property
    def priority(self):
        return access.object_for(
            self.request.user, PlanPriority.objects.select_related("plan"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "priority": self.priority}

    def act(self, form):
        services.add_measure(self.request.user, self.priority, **form.cleaned_data)

    def success_url_for(self):
        return self.priority.plan.get_absolute_url()


class MeasureView(RoleRequiredMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/plan/measure.html"

    def get_context_data(self, **kwargs):
        measure = access.object_for(
            self.request.user,
            PlanMeasure.objects.select_related("priority__plan").prefetch_related(
                Prefetch("values", queryset=MeasureValue.objects.order_by("quarter"))
            ),
            pk=self.kwargs["pk"],
        )
        return {
            **super().get_context_data(**kwargs),
            "measure": measure,
            "chart": chart_for(measure, draw=bar_chart),
            "may_record": self.request.user.has_perm("scrutiny.add_measurevalue"),
        }


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


class RecordValueView(PlanStepView):
    permission = "scrutiny.add_measurevalue"
    form_class = MeasureValueForm
    heading = "Record a quarter's figure"
    done_message = "The figure has been saved."

    @cached_property
    def measure(self):
        return access.object_for(self.request.user, PlanMeasure.objects.all(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "measure": self.measure}

    def get_initial(self):
        # ?quarter= opens the form on that quarter's figure, to correct it.
        quarter = self.request.GET.get("quarter", "")
        entry = self.measure.values.filter(quarter=quarter).first() if _is_day(quarter) else None
        if entry is None:
            return {"version": 0}
        return {
            "quarter": quarter,
            "value": entry.value,
            "note": entry.note,
            "version": entry.version,
        }

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ConcurrentEdit as conflict:
            entry = self.measure.values.get(quarter=form.cleaned_data["quarter"])
            keep_typing_against_latest(form, MeasureValue, entry.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response

    def act(self, form):
        data = dict(form.cleaned_data)
        expected_version = data.pop("version") or 0
        services.record_value(
            self.request.user, self.measure, expected_version=expected_version, **data
        )

    def success_url_for(self):
        return self.measure.get_absolute_url()


# The fields every export carries, in order: one row per quarter's figure of the current plan.
EXPORT_FIELDS = (
    "plan",
    "priority",
    "measure",
    "unit",
    "target",
    "direction",
    "quarter",
    "quarter_starts_on",
    "figure",
    "meets_target",
)


def export_rows():
    plan = PoliceAndCrimePlan.objects.published().current()
    if plan is None:
        return
    values = (
        MeasureValue.objects.filter(measure__priority__plan=plan)
        .select_related("measure__priority")
        .order_by("measure__priority__number", "measure_id", "quarter")
    )
    for value in values.iterator(chunk_size=500):
        measure = value.measure
        yield {
            "plan": plan.title,
            "priority": str(measure.priority),
            "measure": measure.name,
            "unit": measure.unit,
            "target": measure.shown_target,
            "direction": measure.get_direction_display(),
            "quarter": value.quarter_label,
            "quarter_starts_on": value.quarter.isoformat(),
            "figure": value.shown,
            "meets_target": value.meets_target,
        }


class PublicPlanCsvView(View):
    def get(self, request):
        rows = ([row[field] for field in EXPORT_FIELDS] for row in export_rows())
        return csv_response("police-and-crime-plan.csv", EXPORT_FIELDS, rows)


class PublicPlanJsonView(View):
    def get(self, request):
        rows = ([row[field] for field in EXPORT_FIELDS] for row in export_rows())
        return json_response(EXPORT_FIELDS, islice(rows, 10000))


class PublicPlanView(TemplateView):
    """The current published plan: each measure's figures as a table and a chart."""

    template_name = "scrutiny/plan/public.html"

    def get_context_data(self, **kwargs):
        plan = PoliceAndCrimePlan.objects.published().current()
        return {
            **super().get_context_data(**kwargs),
            "plan": plan,
            "priorities": charted(priorities_with_measures(plan)) if plan else [],
        }
