"""Anonymisation at the end of retention reaches every piece of free text a case holds, the
e-mails sent to any address the person gave, and protocol concerns as well as complaints."""

import datetime

import pytest
import time_machine

from complaints.models import (
    Complaint,
    ComplaintReview,
    ComplaintStatus,
    ComplaintSubject,
    ConcernAbout,
    ConcernRoute,
    Disposal,
    ProtocolConcern,
    Recommendation,
    ReviewStatus,
)
from complaints.tasks import anonymise_due_cases
from opcc.models import OutboundMessage
from tests.complaints.factories import ComplainantFactory, ComplaintReviewFactory

pytestmark = pytest.mark.django_db

CLOSED_ON = datetime.date(2020, 3, 31)
RETENTION_ENDED = "2026-03-31"


def anonymise_on(day: str) -> int:
    with time_machine.travel(f"{day} 02:00 +0000", tick=False):
        return anonymise_due_cases.delay().get()


def test_a_review_loses_its_reasons_and_its_recommendations_text_in_history_too():
    review = ComplaintReviewFactory(
        status=ReviewStatus.CLOSED,
        closed_on=CLOSED_ON,
        routing_reason="Complaint about Chief Superintendent Lowe",
        finding_reasons="PC Grey did not speak to Sam's witness.",
    )
    recommendation = Recommendation.objects.create(
        review=review, text="Retrain PC Grey.", force_response="PC Grey retrained."
    )
    recommendation.status = "closed"
    recommendation.save()  # a second historical row

    assert anonymise_on(RETENTION_ENDED) == 1

    review.refresh_from_db()
    recommendation.refresh_from_db()
    assert (review.routing_reason, review.finding_reasons) == ("", "")
    assert not ComplaintReview.history.exclude(finding_reasons="").exists()
    assert not ComplaintReview.history.exclude(routing_reason="").exists()
    assert (recommendation.text, recommendation.force_response) == ("Anonymised", "")
    assert not Recommendation.history.filter(text__contains="Grey").exists()
    assert not Recommendation.history.exclude(force_response="").exists()
    assert Recommendation.objects.filter(review=review).count() == 1  # still counted


def test_a_complaint_loses_its_outcome_and_the_reason_it_was_not_recorded():
    complaint = Complaint.objects.create(
        reference="C-2020-0001",
        subject=ComplaintSubject.PCC,
        complainant=ComplainantFactory(),
        channel="letter",
        details="About Pat Lowe.",
        not_recorded_reason="Pat Lowe withdrew it.",
        outcome="Resolved with Pat Lowe.",
        status=ComplaintStatus.CLOSED,
        closed_on=CLOSED_ON,
    )

    assert anonymise_on(RETENTION_ENDED) == 1

    complaint.refresh_from_db()
    assert (complaint.details, complaint.not_recorded_reason, complaint.outcome) == ("", "", "")
    assert not Complaint.history.filter(outcome__contains="Lowe").exists()
    assert not Complaint.history.filter(not_recorded_reason__contains="Lowe").exists()


def test_e_mails_to_an_address_the_complainant_gave_earlier_are_forgotten_too():
    complainant = ComplainantFactory(email="sam.old@example.org")
    review = ComplaintReviewFactory(
        complainant=complainant, status=ReviewStatus.CLOSED, closed_on=CLOSED_ON
    )
    to_old_address = OutboundMessage.objects.create(
        kind="review_acknowledged",
        to="Sam.Old@example.org",
        about=review,
        subject="Your review",
        body_text="Dear Sam",
    )
    complainant.email = "sam.new@example.org"
    complainant.save()

    anonymise_on(RETENTION_ENDED)

    to_old_address.refresh_from_db()
    assert (to_old_address.to, to_old_address.body_text) == ("", "")


def closed_concern(**fields):
    values = {
        "raised_by": "Robin Officer",
        "raised_by_email": "robin@opcc.example",
        "about": ConcernAbout.PCC,
        "description": "The Commissioner told Robin to drop the audit.",
        "routed_to": ConcernRoute.MONITORING_OFFICER,
        "outcome": "Advice given to Robin.",
        "closed_on": CLOSED_ON,
    }
    return ProtocolConcern.objects.create(**(values | fields))


def test_a_closed_protocol_concern_is_anonymised_when_its_retention_ends(settings):
    settings.CONCERN_RETENTION_YEARS = 3
    concern = closed_concern()
    message = OutboundMessage.objects.create(
        kind="concern_received", to="robin@opcc.example", about=concern, subject="Received"
    )

    assert anonymise_on("2023-03-30") == 0
    assert anonymise_on("2023-03-31") == 1

    concern.refresh_from_db()
    message.refresh_from_db()
    assert (concern.raised_by, concern.raised_by_email) == ("Anonymised", "")
    assert (concern.description, concern.outcome) == ("", "")
    assert concern.anonymised_at is not None
    assert not ProtocolConcern.history.filter(raised_by="Robin Officer").exists()
    assert not ProtocolConcern.history.filter(description__contains="Robin").exists()
    assert message.to == ""
    disposal = Disposal.objects.get()
    assert (disposal.case_reference, disposal.kind) == (f"Concern {concern.pk}", "protocol concern")


def test_an_open_or_held_protocol_concern_is_kept():
    open_concern = closed_concern(closed_on=None, outcome="")
    held = closed_concern(retention_hold="Employment tribunal 2026/4")

    assert anonymise_on("2040-01-01") == 0

    assert ProtocolConcern.objects.get(pk=open_concern.pk).raised_by == "Robin Officer"
    assert ProtocolConcern.objects.get(pk=held.pk).raised_by == "Robin Officer"
