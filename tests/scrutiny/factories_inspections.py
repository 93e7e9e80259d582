"""Factories for HMICFRS inspections and the quarterly panel reports."""

import datetime

import factory

from opcc.roles import Role
from scrutiny.models import (
    HmicfrsInspection,
    InspectionItem,
    InspectionType,
    ItemKind,
    PanelQuarterlyReport,
)
from tests.opcc.factories import UserFactory


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HmicfrsInspection

    title = factory.Sequence(lambda n: f"Inspection report {n}")
    inspection_type = InspectionType.THEMATIC
    published_on = datetime.date(2026, 10, 1)
    link = factory.Sequence(lambda n: f"https://hmicfrs.example/reports/{n}")
    created_by = factory.SubFactory(UserFactory, role=Role.STAFF)


class InspectionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspectionItem

    inspection = factory.SubFactory(InspectionFactory)
    kind = ItemKind.RECOMMENDATION
    number = factory.Sequence(lambda n: n + 1)
    text = "The force should do better."


class PanelReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelQuarterlyReport

    quarter = factory.Sequence(lambda n: datetime.date(2020 + n // 4, n % 4 * 3 + 1, 1))
    introduction = "This quarter the Commissioner ..."
    created_by = factory.SubFactory(UserFactory, role=Role.STAFF)
