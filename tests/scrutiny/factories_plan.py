"""Factories for the Police and Crime Plan and the forward plan."""

import datetime
from decimal import Decimal

import factory

from opcc.roles import Role
from scrutiny.models import (
    Direction,
    ForwardPlanTopic,
    HorizonScanEntry,
    MeasureValue,
    PlanMeasure,
    PlanPriority,
    PoliceAndCrimePlan,
    Relevance,
    TopicSource,
)
from tests.opcc.factories import UserFactory


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PoliceAndCrimePlan

    title = factory.Sequence(lambda n: f"Police and Crime Plan {n}")
    starts_on = datetime.date(2025, 4, 1)
    ends_on = datetime.date(2029, 3, 31)


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanPriority

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority {n}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanMeasure

    priority = factory.SubFactory(PriorityFactory)
    name = factory.Sequence(lambda n: f"Measure {n}")
    unit = "%"
    target = Decimal("80")
    direction = Direction.HIGHER_IS_BETTER


class MeasureValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureValue

    measure = factory.SubFactory(MeasureFactory)
    quarter = datetime.date(2026, 4, 1)
    value = Decimal("75")
    recorded_by = factory.SubFactory(UserFactory, role=Role.STAFF)


class HorizonScanEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HorizonScanEntry

    noted_on = datetime.date(2026, 10, 1)
    source = "Home Office"
    summary = factory.Sequence(lambda n: f"Something on the horizon {n}")
    relevance = Relevance.MEDIUM
    noted_by = factory.SubFactory(UserFactory, role=Role.STAFF)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForwardPlanTopic

    title = factory.Sequence(lambda n: f"Scrutiny topic {n}")
    source = TopicSource.PLAN_PRIORITY
    planned_quarter = datetime.date(2026, 10, 1)
    lead = factory.SubFactory(UserFactory, role=Role.STAFF)
