"""The Police and Crime Plan: priorities, their measures, and the force's quarterly figures."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from opcc import workflow
from scrutiny.models import MeasureValue, PlanMeasure, PlanPriority, PoliceAndCrimePlan
from scrutiny.quarters import quarter_start
from scrutiny.services.meetings import ConcurrentEdit


def create_plan(actor, *, title: str, starts_on: date, ends_on: date) -> PoliceAndCrimePlan:
    workflow.require(actor, "scrutiny.add_policeandcrimeplan", "create a Police and Crime Plan")
    if starts_on and ends_on and ends_on <= starts_on:
        raise ValidationError({"ends_on": "The end of the plan must be after its start"})
    plan = PoliceAndCrimePlan(title=title.strip(), starts_on=starts_on, ends_on=ends_on)
    with transaction.atomic():
        plan._history_user = actor
        plan.full_clean()
        plan.save()
    return plan


def publish_plan(actor, plan: PoliceAndCrimePlan) -> PoliceAndCrimePlan:
    """Put the plan, its measures and their figures on the public pages."""
    workflow.require(actor, "scrutiny.change_policeandcrimeplan", f"publish plan {plan.pk}")
    with transaction.atomic():
        current = PoliceAndCrimePlan.objects.select_for_update().get(pk=plan.pk)
        if current.published_at is not None:
            raise ValidationError("This plan is already published.")
        if not PlanMeasure.objects.filter(priority__plan=current).exists():
            raise ValidationError("Add at least one priority with a measure before publishing.")
        current.published_at = timezone.now()
        current._history_user = actor
        current.save()
    return current


def add_priority(actor, plan: PoliceAndCrimePlan, *, title: str, description: str = ""):
    """Add the next numbered priority to the plan."""
    workflow.require(actor, "scrutiny.change_policeandcrimeplan", f"add a priority to {plan.pk}")
    with transaction.atomic():
        current = PoliceAndCrimePlan.objects.select_for_update().get(pk=plan.pk)
        last = current.priorities.order_by("-number").values_list("number", flat=True).first()
        priority = PlanPriority(
            plan=current, number=(last or 0) + 1, title=title.strip(), description=description
        )
        priority._history_user = actor
        priority.full_clean()
        priority.save()
    return priority


def add_measure(
    actor, priority: PlanPriority, *, name: str, unit: str, target: Decimal, direction: str
) -> PlanMeasure:
    workflow.require(actor, "scrutiny.change_policeandcrimeplan", f"add a measure to {priority}")
    measure = PlanMeasure(
        priority=priority, name=name.strip(), unit=unit.strip(), target=target, direction=direction
    )
    with transaction.atomic():
        measure._history_user = actor
        measure.full_clean()
        measure.save()
    return measure


def record_value(
    actor,
    measure: PlanMeasure,
    *,
    quarter: date,
    value: Decimal,
    note: str = "",
    expected_version: int = 0,
) -> MeasureValue:
    """Record (or correct) the force's figure for a measure in a quarter that has begun.
    ``expected_version`` is the version of that quarter's figure the person saw (0: none yet);
    the save is refused if someone else has recorded or corrected the figure since."""
    workflow.require(actor, "scrutiny.add_measurevalue", f"record a value for {measure.pk}")
    start = quarter_start(quarter) if quarter else None
    if start and start > timezone.localdate():
        raise ValidationError({"quarter": "Choose a quarter that has begun"})
    conflict = ConcurrentEdit(
        "Someone else saved this quarter's figure while you were editing it, so your "
        "changes have not been saved. Your changes are shown below: check the figure "
        "and save again."
    )
    try:
        with transaction.atomic():
            current = MeasureValue.objects.select_for_update().filter(
                measure=measure, quarter=start
            )
            entry = current.first() or MeasureValue(measure=measure, quarter=start, version=0)
            if entry.version != expected_version:
                raise conflict
            entry.value = value
            entry.note = note.strip()
            entry.recorded_by = actor
            entry.recorded_at = timezone.now()
            return workflow.save_versioned(entry, actor)
    except IntegrityError:
        # A quarter's first figure has no row to lock: two first figures at once meet at the
        # unique constraint, and the second is the conflict.
        raise conflict from None
