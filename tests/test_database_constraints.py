"""The rules that matter are kept by the database itself, not only by forms and services, so a
race, a script or a data fix cannot break them. Each case writes round the services
(``objects.create``, ``bulk_create``, ``update``) and the database must refuse.

Runs on SQLite in `make test` and on PostgreSQL in CI's second pass. The `services` tests at
the end race two real transactions for a reference number on PostgreSQL."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from complaints.models import Complaint, ComplaintSubject
from complaints.models.panels import Hearing, HearingKind, HearingSeat
from complaints.services import complaints as complaint_services
from custody_visits.models import CustodySuite, CustodyVisit, VisitAssignment, Visitor
from custody_visits.models.reports import VisitingReport
from custody_visits.report_periods import ReportKind
from custody_visits.services import scheme as scheme_services
from governance.models import AdviceKind, Decision, DecisionAdvice
from governance.models.annual import AnnualReport
from governance.models.registers import Contract, GiftOffer, InterestEntry
from governance.services import decisions as decision_services
from opcc.roles import Role
from scrutiny.models import Body, MeasureValue, Meeting
from scrutiny.models.inspections import InspectionItem
from scrutiny.models.panel_reports import PanelQuarterlyReport
from scrutiny.services import meetings as meeting_services
from scrutiny.services import panel_reports as panel_report_services
from scrutiny.services import plan as plan_services
from tests.complaints.factories import (
    ComplainantFactory,
    ComplaintReviewFactory,
    PanelMemberFactory,
)
from tests.custody_visits.factories import (
    CustodySuiteFactory,
    CustodyVisitFactory,
    DetaineeRecordFactory,
    VisitorFactory,
)
from tests.governance.factories import (
    ContractFactory,
    DecisionFactory,
    GiftOfferFactory,
    InterestEntryFactory,
    ProtocolDeclarationFactory,
)
from tests.opcc.factories import UserFactory
from tests.races import race
from tests.scrutiny.factories_inspections import InspectionItemFactory, PanelReportFactory
from tests.scrutiny.factories_meetings import AgendaItemFactory, BodyFactory, MeetingFactory
from tests.scrutiny.factories_plan import MeasureFactory, MeasureValueFactory

pytestmark = pytest.mark.django_db


# Each case: a rule, and a function that sets up a valid record (which the database accepts)
# and returns the write that would break the rule, with a word the database's refusal names
# on both SQLite and PostgreSQL (the constraint, or the column of a unique key).


def decision_reference_twice():
    DecisionFactory(year=2026, number=41, reference="2026/041")
    return lambda: DecisionFactory(year=2026, number=42, reference="2026/041"), "reference"


def decision_number_twice_in_a_year():
    DecisionFactory(year=2026, number=43, reference="2026/043")
    return lambda: DecisionFactory(year=2026, number=43, reference="2026/43"), "number"


def second_advice_of_a_kind_in_a_round():
    decision = DecisionFactory()
    adviser = UserFactory(role=Role.CHIEF_EXECUTIVE)
    advice = {"decision": decision, "kind": AdviceKind.LEGAL, "given_by": adviser, "text": "A"}
    DecisionAdvice.objects.create(advice_round=1, **advice)
    DecisionAdvice.objects.create(advice_round=2, **advice)  # a new round asks again
    DecisionAdvice.objects.create(advice_round=1, **advice | {"kind": AdviceKind.FINANCIAL})
    return lambda: DecisionAdvice.objects.create(advice_round=1, **advice), "advice_round"


def complaint_reference_twice():
    def complaint():
        return Complaint(
            reference="C-2026-0007",
            subject=ComplaintSubject.CHIEF_CONSTABLE,
            complainant=ComplainantFactory(),
            channel="online",
            details="Something happened.",
        )

    complaint().save()
    return lambda: Complaint.objects.bulk_create([complaint()]), "reference"


def review_reference_twice():
    ComplaintReviewFactory(reference="R-2026-0900")
    return lambda: ComplaintReviewFactory(reference="R-2026-0900"), "reference"


def a_member_seated_twice_on_one_hearing():
    hearing = Hearing.objects.create(
        kind=HearingKind.MISCONDUCT_HEARING, held_on=datetime.date(2026, 12, 1), officer="PC 1"
    )
    member = PanelMemberFactory()
    HearingSeat.objects.create(hearing=hearing, member=member)
    return lambda: HearingSeat.objects.create(hearing=hearing, member=member), "member"


def a_visitor_twice_on_one_visit():
    visitor = VisitorFactory()
    visit = CustodyVisitFactory(visitors=[visitor])
    return lambda: VisitAssignment.objects.create(visit=visit, visitor=visitor), "visitor"


def two_visitor_records_for_one_person():
    visitor = VisitorFactory()
    again = {
        name: getattr(visitor, name) for name in ("user_id", "appointed_on", "vetting_expires_on")
    }
    return lambda: Visitor.objects.create(**again), "user"


def a_report_confirmed_by_the_visitor_who_submitted_it():
    first, second = VisitorFactory(), VisitorFactory()
    visit = CustodyVisitFactory(visitors=[first, second])
    visits = CustodyVisit.objects.filter(pk=visit.pk)
    visits.update(submitted_by=first.user, confirmed_by=second.user)
    return (
        lambda: visits.update(confirmed_by=first.user),
        "report_confirmed_by_the_other_visitor",
    )


def a_custody_number_twice_on_one_report():
    record = DetaineeRecordFactory(custody_number="11/ABC/2001")
    DetaineeRecordFactory(custody_number="11/ABC/2001")  # the same detainee on another visit
    return (
        lambda: DetaineeRecordFactory(visit=record.visit, custody_number="11/ABC/2001"),
        "custody_number",
    )


def a_suite_name_twice():
    CustodySuiteFactory(name="Northgate Police Station")
    return lambda: CustodySuiteFactory(name="Northgate Police Station"), "name"


def two_visiting_reports_for_one_period():
    author = UserFactory(role=Role.STAFF)
    quarter = {
        "kind": ReportKind.QUARTERLY,
        "period_start": datetime.date(2026, 7, 1),
        "period_end": datetime.date(2026, 9, 30),
        "created_by": author,
    }
    VisitingReport.objects.create(**quarter)
    return lambda: VisitingReport.objects.create(**quarter), "period_start"


def a_visiting_report_period_ending_before_it_starts():
    report = VisitingReport.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2026, 9, 30),
        created_by=UserFactory(role=Role.STAFF),
    )
    reports = VisitingReport.objects.filter(pk=report.pk)
    return (
        lambda: reports.update(period_end=datetime.date(2026, 6, 30)),
        "report_period_ends_after_it_starts",
    )


def two_agenda_items_in_one_place():
    item = AgendaItemFactory(position=1)
    return lambda: AgendaItemFactory(meeting=item.meeting, position=1), "position"


def minutes_approved_both_at_a_meeting_and_by_the_chair():
    body = BodyFactory()
    later = MeetingFactory(body=body, held_on=datetime.date(2026, 11, 1))
    meeting = MeetingFactory(body=body, minutes_approved_at_meeting=later)
    meetings = Meeting.objects.filter(pk=meeting.pk)
    return lambda: meetings.update(minutes_approved_by_chair=True), "minutes_approved_one_way"


def a_body_name_twice():
    BodyFactory(name="Joint Audit and Standards Committee")
    return lambda: Body.objects.create(name="Joint Audit and Standards Committee"), "name"


def a_recommendation_numbered_twice_in_one_report():
    # Its response lives on the recommendation's own row, so one recommendation has one response.
    item = InspectionItemFactory(number=3)
    return (
        lambda: InspectionItem.objects.create(
            inspection=item.inspection, kind=item.kind, number=3, text="Again"
        ),
        "number",
    )


def two_panel_reports_for_one_quarter():
    report = PanelReportFactory()
    return lambda: PanelReportFactory(quarter=report.quarter), "quarter"


def two_figures_for_a_measure_in_one_quarter():
    value = MeasureValueFactory()
    return (
        lambda: MeasureValueFactory(measure=value.measure, quarter=value.quarter),
        "quarter",
    )


def a_person_signing_one_protocol_version_twice():
    declaration = ProtocolDeclarationFactory()
    return (
        lambda: ProtocolDeclarationFactory(version=declaration.version, person=declaration.person),
        "person",
    )


def two_annual_reports_for_one_year():
    author = UserFactory(role=Role.STAFF)
    AnnualReport.objects.create(financial_year=2025, created_by=author)
    return (
        lambda: AnnualReport.objects.create(financial_year=2025, created_by=author),
        "financial_year",
    )


def a_contract_ending_before_it_starts():
    contract = ContractFactory()
    return (
        lambda: Contract.objects.filter(pk=contract.pk).update(ends_on=datetime.date(2026, 3, 1)),
        "contract_ends_after_it_starts",
    )


def a_contract_worth_nothing():
    ContractFactory(value=Decimal("0.01"))
    return lambda: ContractFactory(value=Decimal("0")), "contract_value_above_zero"


def a_gift_of_negative_value():
    GiftOfferFactory(estimated_value=Decimal("0"))  # declined tea and biscuits: £0 is fine
    return (
        lambda: GiftOffer.objects.bulk_create([GiftOffer(**gift_fields(Decimal("-1")))]),
        "gift_offer_value_not_negative",
    )


def gift_fields(value):
    return {
        "offered_on": datetime.date(2026, 6, 15),
        "recipient": UserFactory(role=Role.PCC),
        "offered_by": "County Business Awards",
        "description": "Dinner",
        "estimated_value": value,
        "accepted": False,
        "reason": "Declined.",
    }


def an_interest_ending_before_it_was_registered():
    entry = InterestEntryFactory(ended_on=datetime.date(2026, 5, 1))  # ends the day it began
    entries = InterestEntry.objects.filter(pk=entry.pk)
    return (
        lambda: entries.update(ended_on=datetime.date(2026, 4, 30)),
        "interest_ends_after_it_is_registered",
    )


RULES = [
    decision_reference_twice,
    decision_number_twice_in_a_year,
    second_advice_of_a_kind_in_a_round,
    complaint_reference_twice,
    review_reference_twice,
    a_member_seated_twice_on_one_hearing,
    a_visitor_twice_on_one_visit,
    two_visitor_records_for_one_person,
    a_report_confirmed_by_the_visitor_who_submitted_it,
    a_custody_number_twice_on_one_report,
    a_suite_name_twice,
    two_visiting_reports_for_one_period,
    a_visiting_report_period_ending_before_it_starts,
    two_agenda_items_in_one_place,
    minutes_approved_both_at_a_meeting_and_by_the_chair,
    a_body_name_twice,
    a_recommendation_numbered_twice_in_one_report,
    two_panel_reports_for_one_quarter,
    two_figures_for_a_measure_in_one_quarter,
    a_person_signing_one_protocol_version_twice,
    two_annual_reports_for_one_year,
    a_contract_ending_before_it_starts,
    a_contract_worth_nothing,
    a_gift_of_negative_value,
    an_interest_ending_before_it_was_registered,
]


@pytest.mark.parametrize("rule", RULES, ids=[rule.__name__ for rule in RULES])
def test_the_database_refuses(rule):
    breaking_write, named = rule()
    with pytest.raises(IntegrityError) as refusal, transaction.atomic():
        breaking_write()
    assert named in str(refusal.value)


# A race the services' own checks cannot see: the other person's record lands between the
# check and the save, so the database refuses, and the person is told why (never a 500).


@pytest.fixture
def someone_else_saves_first(monkeypatch):
    """Make the other person's record land just as the service validates its own."""

    def arrange(model, **theirs):
        def full_clean(record, *args, **kwargs):
            model.objects.create(**theirs)

        monkeypatch.setattr(model, "full_clean", full_clean)

    return arrange


def test_a_suite_added_twice_at_once_is_refused_with_a_message(people, someone_else_saves_first):
    fields = {"address": "1 High St", "cells": 10, "is_open": True, "visits_per_month_target": 4}
    someone_else_saves_first(CustodySuite, name="Eastgate Police Station", **fields)
    with pytest.raises(ValidationError) as refusal:
        scheme_services.add_suite(people[Role.STAFF], name="Eastgate Police Station", **fields)
    assert refusal.value.message_dict == {"name": ["A custody suite with this name already exists"]}


def test_a_body_set_up_twice_at_once_is_refused_with_a_message(people, someone_else_saves_first):
    someone_else_saves_first(Body, name="Ethics Committee", kind="ethics_committee")
    with pytest.raises(ValidationError) as refusal:
        meeting_services.save_body(
            people[Role.STAFF],
            name="Ethics Committee",
            kind="ethics_committee",
            members="Chair",
            meetings_public=True,
        )
    assert refusal.value.message_dict == {"name": ["A body with this name already exists"]}


def test_a_panel_report_started_twice_at_once_is_refused_with_a_message(
    people, someone_else_saves_first
):
    staff = people[Role.STAFF]
    quarter = datetime.date(2026, 7, 1)
    someone_else_saves_first(PanelQuarterlyReport, quarter=quarter, created_by=staff)
    with pytest.raises(ValidationError) as refusal:
        panel_report_services.start_report(staff, quarter=quarter)
    assert "There is already a report for" in refusal.value.message_dict["quarter"][0]


def test_a_quarters_first_figure_recorded_twice_at_once_is_a_conflict(
    people, someone_else_saves_first
):
    staff = people[Role.STAFF]
    measure = MeasureFactory()
    quarter = datetime.date(2026, 7, 1)
    someone_else_saves_first(
        MeasureValue, measure=measure, quarter=quarter, value=Decimal("70"), recorded_by=staff
    )
    with pytest.raises(plan_services.ConcurrentEdit) as conflict:
        plan_services.record_value(staff, measure, quarter=quarter, value=Decimal("71"))
    assert "Someone else saved this quarter's figure" in conflict.value.message


# Reference numbers under a real race, on PostgreSQL


def require_postgresql():
    if connection.vendor != "postgresql":
        pytest.fail("set DATABASE_URL to a PostgreSQL database: this test races real locks")


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_complaints_received_at_once_get_different_references():
    require_postgresql()

    def receive(name):
        return lambda: complaint_services.receive_complaint(
            subject=ComplaintSubject.CHIEF_CONSTABLE,
            name=name,
            email=f"{name.lower()}@example.org",
            phone="",
            details="Nobody answered my letters.",
        )

    results = race(*(receive(name) for name in ("Ana", "Ben", "Cai", "Dee")))

    assert all(isinstance(result, Complaint) for result in results), results
    references = sorted(result.reference for result in results)
    year = references[0].split("-")[1]
    assert references == [f"C-{year}-{n:04d}" for n in (1, 2, 3, 4)]


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_decisions_drafted_at_once_get_different_numbers():
    require_postgresql()
    staff = UserFactory(role=Role.STAFF)

    def draft(title):
        return lambda: decision_services.draft_decision(
            staff, title=title, summary="S", decision_text="D", reasons="R"
        )

    results = race(*(draft(f"Decision {n}") for n in range(4)))

    assert all(isinstance(result, Decision) for result in results), results
    assert sorted(result.number for result in results) == [1, 2, 3, 4]
    assert len({result.reference for result in results}) == 4
