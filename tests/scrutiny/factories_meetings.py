"""Factories for meetings and actions. They write rows directly (no services), so a test can
start from any state; the services tests make their changes through the services."""

import datetime

import factory
from django.core.files.base import ContentFile

from scrutiny.models import (
    Action,
    ActionOwnerSide,
    AgendaItem,
    Body,
    BodyKind,
    Meeting,
    MeetingStatus,
    Paper,
)
from scrutiny.seed_meetings import tiny_pdf
from tests.opcc.factories import UserFactory


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Accountability Board {n}")
    kind = BodyKind.ACCOUNTABILITY_BOARD
    members = "Alex Morgan (Chair)\nChief Constable Dana Hughes"
    meetings_public = True


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    held_on = datetime.date(2026, 10, 1)
    starts_at = datetime.time(10, 0)
    place = "Committee Room 1"
    status = MeetingStatus.PLANNED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Public item {n}")
    presenter = "Chief Constable"


class ConfidentialItemFactory(AgendaItemFactory):
    title = factory.Sequence(lambda n: f"Secret estates deal {n}")
    is_confidential = True
    confidential_reason = "Commercially sensitive"
    minutes = "SECRET-MINUTE the sale price was agreed."


class PaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paper

    item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Paper {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(tiny_pdf(o.title), name="paper.pdf"))
    mimetype = "application/pdf"
    size = 400
    uploaded_by = factory.SubFactory(UserFactory)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    item = factory.SubFactory(AgendaItemFactory)
    description = factory.Sequence(lambda n: f"Report back on response times {n}")
    owner = "Supt Jane Cole"
    owner_side = ActionOwnerSide.FORCE
    due_on = datetime.date(2026, 11, 1)
