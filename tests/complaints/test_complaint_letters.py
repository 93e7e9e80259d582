"""The complainant hears of each step on their complaint by e-mail, through the outbox: not
recorded (with why), referred to the IOPC, passed to the panel, closed (with the outcome)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from complaints.models import ComplaintSubject
from complaints.services import complaints as services
from opcc.roles import Role

pytestmark = pytest.mark.django_db

COMPLAINT = {
    "name": "Sam Complainant",
    "email": "sam@example.org",
    "phone": "",
    "details": "Shared my details at a public meeting.",
}


@pytest.fixture
def ce(people):
    return people[Role.CHIEF_EXECUTIVE]


def receive(subject=ComplaintSubject.PCC, **overrides):
    return services.receive_complaint(subject=subject, **(COMPLAINT | overrides))


def letters_after(step, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = step()
    return complaint, [m for m in mail.outbox if "received your complaint" not in m.body]


def test_a_complaint_not_recorded_tells_the_complainant_why(ce, django_capture_on_commit_callbacks):
    complaint, [letter] = letters_after(
        lambda: services.decline_to_record(ce, receive(), reason="It is about a council matter."),
        django_capture_on_commit_callbacks,
    )

    assert letter.to == ["sam@example.org"]
    assert complaint.reference in letter.subject and "not been recorded" in letter.subject
    assert "It is about a council matter." in letter.body
    assert "the Police and Crime Commissioner" in letter.body


def test_a_referral_to_the_iopc_is_told_with_its_date(ce, django_capture_on_commit_callbacks):
    def refer():
        complaint = services.record_complaint(ce, receive())
        return services.refer_to_iopc(
            ce, complaint, referred_on=complaint.received_on, serious=True, conduct_matter=False
        )

    complaint, [letter] = letters_after(refer, django_capture_on_commit_callbacks)

    assert "referred to the IOPC" in letter.subject
    assert f"{complaint.iopc_referred_on:%-d %B %Y}" in letter.body


def test_passing_to_the_panel_and_closing_are_told(ce, django_capture_on_commit_callbacks):
    def pass_and_close():
        complaint = services.pass_to_panel(ce, services.record_complaint(ce, receive()))
        return services.close_complaint(ce, complaint, outcome="Resolved with an apology.")

    complaint, letters = letters_after(pass_and_close, django_capture_on_commit_callbacks)

    assert [letter.subject for letter in letters] == [
        f"Your complaint ({complaint.reference}) has gone to the Police and Crime Panel",
        f"Your complaint ({complaint.reference}) has been closed",
    ]
    assert "Resolved with an apology." in letters[1].body


def test_a_complainant_without_an_email_address_gets_no_e_mail(
    ce, django_capture_on_commit_callbacks
):
    _, letters = letters_after(
        lambda: services.decline_to_record(
            ce, receive(email="", phone="01632 960123"), reason="Out of time."
        ),
        django_capture_on_commit_callbacks,
    )

    assert letters == []


def test_nothing_is_sent_when_the_step_is_refused(ce, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = receive()
        with pytest.raises(ValidationError):
            services.close_complaint(ce, complaint, outcome="Too early: it is not recorded.")

    assert [m.subject for m in mail.outbox] == [
        f"We have received your complaint ({complaint.reference})"
    ]
