import datetime
from decimal import Decimal

import factory

from governance.models import (
    Contract,
    Decision,
    ForwardPlanItem,
    GiftOffer,
    InterestCategory,
    InterestEntry,
    ProcurementRoute,
    ProtocolDeclaration,
    ProtocolVersion,
    ReportGround,
    ReportKind,
    StatutoryReport,
)
from opcc.roles import Role
from tests.opcc.factories import UserFactory


class DecisionFactory(factory.django.DjangoModelFactory):
    """A draft decision, numbered as governance.services.decisions would number it."""

    class Meta:
        model = Decision

    year = 2026
    number = factory.Sequence(lambda n: n + 1)
    reference = factory.LazyAttribute(lambda d: f"{d.year}/{d.number:03d}")
    title = factory.Sequence(lambda n: f"Decision on community safety grant round {n}")
    summary = "Award of grants to community safety partnerships."
    background = "The Police and Crime Plan commits to supporting local partnerships."
    options_considered = "Option 1: do nothing. Option 2: award grants."
    decision_text = "To award the grants set out in the annex."
    reasons = "The grants support the plan's priorities."
    financial_implications = "Within the approved budget."
    legal_implications = "The Commissioner may award crime and disorder reduction grants."
    equality_implications = "No adverse impact identified."
    created_by = factory.SubFactory(UserFactory, role=Role.STAFF)


class ForwardPlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForwardPlanItem

    title = factory.Sequence(lambda n: f"Expected decision {n}")
    expected_on = datetime.date(2027, 2, 1)


class StatutoryReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatutoryReport

    kind = ReportKind.MONITORING_OFFICER
    title = factory.Sequence(lambda n: f"Report {n} on a proposed contract award")
    matter = "The proposal to award a contract without competition."
    ground = ReportGround.UNLAWFUL
    findings = "The proposed award would breach the procurement rules."
    recommendations = "Do not award the contract; run a competition."
    drafted_by = factory.SubFactory(UserFactory, role=Role.CHIEF_EXECUTIVE)


class InterestEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterestEntry

    person = factory.SubFactory(UserFactory, role=Role.PCC)
    category = InterestCategory.MEMBERSHIPS
    description = "Trustee of a local youth charity"
    registered_on = datetime.date(2026, 5, 1)


class GiftOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GiftOffer

    offered_on = datetime.date(2026, 6, 15)
    recipient = factory.SubFactory(UserFactory, role=Role.PCC)
    offered_by = "County Business Awards"
    description = "Dinner at the annual awards evening"
    estimated_value = Decimal("45.00")
    accepted = True
    reason = "Attended to present an award on behalf of the office."


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    title = factory.Sequence(lambda n: f"Victim support service {n}")
    supplier = "Victim Support"
    value = Decimal("250000.00")
    starts_on = datetime.date(2026, 4, 1)
    ends_on = datetime.date(2029, 3, 31)
    procurement_route = ProcurementRoute.OPEN


class ProtocolVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProtocolVersion

    version = factory.Sequence(lambda n: f"{n + 1}.0")
    approved_on = datetime.date(2026, 4, 1)
    declaration_text = (
        "I have read the Commissioner and Officer Protocol and will act in accordance with it."
    )


class ProtocolDeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProtocolDeclaration

    version = factory.SubFactory(ProtocolVersionFactory)
    person = factory.SubFactory(UserFactory, role=Role.STAFF)
