"""Factories for the custody visiting scheme. Visits made here skip the services' checks: use
them to build data; test rules through custody_visits.services."""

import datetime

import factory

from custody_visits.models import (
    Condition,
    CustodySuite,
    CustodyVisit,
    DetaineeOutcome,
    DetaineeRecord,
    Finding,
    FindingCategory,
    Severity,
    VisitAssignment,
    Visitor,
    VisitStatus,
)
from opcc.roles import Role
from tests.opcc.factories import UserFactory


class CustodySuiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CustodySuite

    name = factory.Sequence(lambda n: f"Suite {n} Police Station")
    address = "1 High Street, Anytown"
    cells = 20
    visits_per_month_target = 4


class VisitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visitor

    user = factory.SubFactory(UserFactory, role=Role.VISITOR)
    appointed_on = datetime.date(2024, 4, 1)
    vetting_expires_on = datetime.date(2029, 3, 31)
    training_completed_on = datetime.date(2024, 5, 1)


class CustodyVisitFactory(factory.django.DjangoModelFactory):
    """A planned visit; pass ``visitors=[v1, v2]`` to put visitors on it."""

    class Meta:
        model = CustodyVisit
        skip_postgeneration_save = True

    suite = factory.SubFactory(CustodySuiteFactory)
    week_starting = datetime.date(2026, 11, 2)

    @factory.post_generation
    def visitors(visit, create, extracted, **kwargs):
        for visitor in extracted or ():
            VisitAssignment.objects.create(visit=visit, visitor=visitor)


class ReportedVisitFactory(CustodyVisitFactory):
    """A visit whose report has been filed and reviewed."""

    status = VisitStatus.REVIEWED
    visited_on = datetime.date(2026, 11, 4)
    arrived_at = datetime.time(19, 30)
    departed_at = datetime.time(21, 0)
    detainees_in_custody = 6
    admission_delayed = False
    cleanliness = Condition.GOOD
    temperature = Condition.ADEQUATE
    equipment = Condition.GOOD


class DetaineeRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DetaineeRecord

    visit = factory.SubFactory(ReportedVisitFactory)
    custody_number = factory.Sequence(lambda n: f"11/ABC/{n + 1000}")
    outcome = DetaineeOutcome.VISITED
    rights_offered = True


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    visit = factory.SubFactory(ReportedVisitFactory)
    category = FindingCategory.CELL
    severity = Severity.MEDIUM
    description = "Cell 4's call bell did not work."


def visitor_for(user) -> Visitor:
    """The visitor record of ``user`` (a person with the visitor role), made once."""
    return Visitor.objects.filter(user=user).first() or VisitorFactory(user=user)
