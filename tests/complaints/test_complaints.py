"""Complaint services: receiving (references, acknowledgement), recording or not, the routes a
complaint about an office holder takes (IOPC, panel, reg. 15), handler assignment with its
object permissions, closure, and who may take each step (the conflict rule included)."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from guardian.shortcuts import get_perms

from complaints.models import (
    Complaint,
    ComplaintStatus,
    ComplaintSubject,
    DisapplicationGround,
)
from complaints.services import complaints as services
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.complaints.access_rows_complaints import ComplaintFactory
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db

COMPLAINT = {
    "subject": ComplaintSubject.PCC,
    "name": "Sam Complainant",
    "email": "sam@example.org",
    "phone": "",
    "details": "The Commissioner shared my details at a public meeting.",
}
NOVEMBER_20 = datetime.date(2026, 11, 20)
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def receive(**overrides):
    return services.receive_complaint(**{**COMPLAINT, **overrides})


@pytest.fixture
def ce(people):
    return people[Role.CHIEF_EXECUTIVE]


def recorded(ce, **overrides):
    return services.record_complaint(ce, receive(**overrides))


def test_online_complaint_gets_a_yearly_reference_and_an_acknowledgement(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        first = receive()
        second = receive(email="", phone="01632 960123")

    assert (first.reference, second.reference) == ("C-2026-0001", "C-2026-0002")
    assert first.status == ComplaintStatus.RECEIVED
    assert first.received_on == datetime.date(2026, 11, 23)
    assert first.history.get().history_change_reason == "Received by the online form"
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]  # the phone caller is rung
    assert "C-2026-0001" in mail.outbox[0].subject
    assert "the Police and Crime Commissioner" in mail.outbox[0].body


def test_reference_numbering_survives_a_taken_number():
    ComplaintFactory(reference="C-2026-0001")

    assert receive().reference == "C-2026-0002"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"subject": "someone_else"}, "subject"),
        ({"email": "", "phone": ""}, "email"),
        ({"details": "  "}, "details"),
        ({"received_on": datetime.date(2026, 11, 24)}, "received_on"),
    ],
)
def test_bad_complaint_is_refused_and_nothing_saved(changes, field):
    with pytest.raises(ValidationError) as refused:
        receive(**changes)

    assert field in refused.value.message_dict
    assert not Complaint.objects.exists()
    assert not OutboundMessage.objects.exists()


def test_only_the_office_records_a_complaint_received_by_letter(people):
    with pytest.raises(PermissionDenied):
        receive(channel="letter")
    with pytest.raises(PermissionDenied):
        receive(channel="letter", actor=people[Role.PCC])

    complaint = receive(channel="letter", actor=people[Role.STAFF], received_on=NOVEMBER_20)

    assert complaint.received_on == NOVEMBER_20
    assert complaint.history.get().history_user == people[Role.STAFF]


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.STAFF, Role.PANEL, Role.CFO])
def test_only_the_chief_executive_records_or_declines(people, role):
    complaint = receive(subject=ComplaintSubject.CHIEF_CONSTABLE)

    with pytest.raises(PermissionDenied):
        services.record_complaint(people[role], complaint)
    with pytest.raises(PermissionDenied):
        services.decline_to_record(people[role], complaint, reason="Not a complaint")

    assert Complaint.objects.get().status == ComplaintStatus.RECEIVED


def test_recording_stamps_the_date_the_version_and_who(ce):
    complaint = recorded(ce)

    assert complaint.status == ComplaintStatus.RECORDED
    assert complaint.recorded_on == datetime.date(2026, 11, 23)
    assert complaint.version == 2
    assert complaint.history.latest().history_user == ce


def test_declining_needs_a_reason_and_then_only_closes(ce):
    complaint = receive()
    with pytest.raises(ValidationError):
        services.decline_to_record(ce, complaint, reason=" ")

    complaint = services.decline_to_record(ce, complaint, reason="About policy, not conduct.")

    assert complaint.status == ComplaintStatus.NOT_RECORDED
    with pytest.raises(ValidationError, match="cannot become recorded"):
        services.record_complaint(ce, complaint)
    closed = services.close_complaint(ce, complaint, outcome="Explained to the complainant.")
    assert closed.status == ComplaintStatus.CLOSED


def test_a_serious_complaint_about_the_deputy_is_referred_to_the_iopc(ce):
    complaint = recorded(ce, subject=ComplaintSubject.DEPUTY, received_on=NOVEMBER_20)

    complaint = services.refer_to_iopc(
        ce, complaint, referred_on=NOVEMBER_20, serious=True, conduct_matter=False
    )

    assert complaint.status == ComplaintStatus.REFERRED_TO_IOPC
    assert complaint.serious_complaint and not complaint.conduct_matter
    assert complaint.iopc_referred_on == NOVEMBER_20


def test_an_office_holder_complaint_that_is_neither_serious_nor_conduct_goes_to_the_panel(ce):
    complaint = recorded(ce)

    with pytest.raises(ValidationError) as refused:
        services.refer_to_iopc(
            ce, complaint, referred_on=NOVEMBER_20, serious=False, conduct_matter=False
        )
    assert "serious" in refused.value.message_dict

    complaint = services.pass_to_panel(ce, complaint)
    assert complaint.status == ComplaintStatus.INFORMAL_RESOLUTION


@pytest.mark.parametrize("flag", ["serious", "conduct_matter"])
def test_a_serious_complaint_or_conduct_matter_is_never_passed_to_the_panel(ce, flag):
    complaint = recorded(ce)

    with pytest.raises(ValidationError, match="must be referred to the IOPC"):
        services.pass_to_panel(ce, complaint, **{flag: True})

    assert Complaint.objects.get().status == ComplaintStatus.RECORDED


@pytest.mark.parametrize(
    ("referred_on", "message"),
    [
        (datetime.date(2026, 11, 24), "today or in the past"),
        (datetime.date(2026, 11, 1), "on or after the date the complaint arrived"),
        (None, "Enter the date"),
    ],
)
def test_referral_date_must_be_plausible(ce, referred_on, message):
    complaint = recorded(ce, received_on=NOVEMBER_20)

    with pytest.raises(ValidationError, match=message):
        services.refer_to_iopc(
            ce, complaint, referred_on=referred_on, serious=True, conduct_matter=True
        )


def test_a_chief_constable_complaint_cannot_go_to_the_panel_or_be_disapplied(ce):
    complaint = recorded(ce, subject=ComplaintSubject.CHIEF_CONSTABLE)

    with pytest.raises(ValidationError):
        services.pass_to_panel(ce, complaint)
    with pytest.raises(ValidationError):
        services.disapply(ce, complaint, ground=DisapplicationGround.VEXATIOUS)


def test_disapplying_records_the_reg_15_ground(ce):
    complaint = recorded(ce, subject=ComplaintSubject.DEPUTY)
    with pytest.raises(ValidationError):
        services.disapply(ce, complaint, ground="because")

    complaint = services.disapply(ce, complaint, ground=DisapplicationGround.REPETITIOUS)

    assert complaint.status == ComplaintStatus.DISAPPLIED
    assert complaint.disapplication_ground == DisapplicationGround.REPETITIOUS


def test_steps_follow_the_transition_table(ce):
    complaint = receive()

    with pytest.raises(ValidationError, match="cannot become"):
        services.pass_to_panel(ce, complaint)  # not yet recorded
    with pytest.raises(ValidationError, match="cannot become closed"):
        services.close_complaint(ce, complaint, outcome="Done")


def test_assigning_a_handler_grants_the_case_and_reassigning_moves_it(ce, people):
    complaint = recorded(ce, subject=ComplaintSubject.CHIEF_CONSTABLE)
    first, second = people[Role.STAFF], UserFactory(role=Role.STAFF)

    complaint = services.assign_handler(ce, complaint, handler=first)
    assert complaint.status == ComplaintStatus.BEING_HANDLED
    assert set(get_perms(first, complaint)) == {"view_complaint", "change_complaint"}
    assert list(Complaint.objects.visible_to(first)) == [complaint]

    complaint = services.assign_handler(ce, complaint, handler=second)
    assert complaint.handler == second
    assert get_perms(first, complaint) == []
    assert not Complaint.objects.visible_to(first).exists()
    assert services.may_see_personal_details(second, complaint)
    assert not services.may_see_personal_details(first, complaint)


@pytest.mark.parametrize("role", [Role.PCC, Role.CFO, Role.PANEL, Role.VISITOR])
def test_only_staff_or_the_chief_executive_handle_a_complaint(ce, people, role):
    complaint = recorded(ce, subject=ComplaintSubject.CHIEF_CONSTABLE)

    with pytest.raises(ValidationError) as refused:
        services.assign_handler(ce, complaint, handler=people[role])

    assert "handler" in refused.value.message_dict
    assert Complaint.objects.get().handler is None


def test_only_the_chief_executive_assigns_and_office_holder_complaints_have_no_handler(ce, people):
    complaint = recorded(ce, subject=ComplaintSubject.CHIEF_CONSTABLE)
    with pytest.raises(PermissionDenied):
        services.assign_handler(people[Role.STAFF], complaint, handler=people[Role.STAFF])
    with pytest.raises(ValidationError):
        services.assign_handler(ce, recorded(ce), handler=people[Role.STAFF])


def test_the_handler_refers_and_closes_a_chief_constable_complaint(ce, people):
    staff = people[Role.STAFF]
    complaint = recorded(ce, subject=ComplaintSubject.CHIEF_CONSTABLE)
    complaint = services.assign_handler(ce, complaint, handler=staff)

    complaint = services.refer_to_iopc(
        staff, complaint, referred_on=TODAY, serious=False, conduct_matter=False
    )
    assert complaint.status == ComplaintStatus.REFERRED_TO_IOPC
    with pytest.raises(ValidationError):
        services.close_complaint(staff, complaint, outcome="")

    complaint = services.close_complaint(staff, complaint, outcome="The IOPC found no case.")
    assert complaint.status == ComplaintStatus.CLOSED
    assert complaint.closed_on == datetime.date(2026, 11, 23)
    assert complaint.history.latest().history_user == staff


def test_staff_not_handling_a_case_cannot_touch_it(ce, people):
    complaint = services.assign_handler(
        ce, recorded(ce, subject=ComplaintSubject.CHIEF_CONSTABLE), handler=people[Role.STAFF]
    )
    other = UserFactory(role=Role.STAFF)

    with pytest.raises(PermissionDenied):
        services.close_complaint(other, complaint, outcome="Closed")


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY])
def test_the_conflict_rule_stops_office_holders_acting_on_complaints(ce, people, role):
    about_them = recorded(ce, subject=role)
    about_chief_constable = recorded(ce, subject=ComplaintSubject.CHIEF_CONSTABLE)

    for complaint in (about_them, about_chief_constable):
        with pytest.raises(PermissionDenied):
            services.close_complaint(people[role], complaint, outcome="Nothing in it")
    assert not services.may_see_personal_details(people[role], about_them)
    assert list(Complaint.objects.visible_to(people[role])) == [about_chief_constable]
