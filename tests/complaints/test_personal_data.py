"""Complainants' personal data, through the services: each view logged, the subject access
export (Chief Executive only), and anonymisation at the end of retention, history rows too."""

import datetime
import json
import logging

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from complaints.models import (
    Complainant,
    Complaint,
    ComplaintReview,
    ComplaintStatus,
    ComplaintSubject,
    Disposal,
    PersonalDataView,
    Recommendation,
    ReviewStatus,
)
from complaints.services import personal_data as services
from complaints.tasks import anonymise_due_cases as anonymise_task
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.complaints.factories import ComplainantFactory, ComplaintReviewFactory

pytestmark = pytest.mark.django_db

CLOSED_ON = datetime.date(2020, 3, 31)
GROUNDS = "My neighbour Pat Lowe saw the officer push me."


def closed_review(complainant=None, **fields):
    review = ComplaintReviewFactory(
        complainant=complainant or ComplainantFactory(name="Sam Private", address="1 High St"),
        status=ReviewStatus.CLOSED,
        closed_on=CLOSED_ON,
        grounds=GROUNDS,
        late_reason="In hospital until May.",
        **fields,
    )
    review.theme = "Witnesses"  # a second historical row, still holding the grounds
    review.save()
    return review


def complaint_of(complainant, **fields):
    values = {
        "reference": f"C-2020-{Complaint.objects.count() + 1:04d}",
        "subject": ComplaintSubject.CHIEF_CONSTABLE,
        "complainant": complainant,
        "channel": "letter",
        "details": "Pat Lowe and I were stopped on Mill Lane.",
        "status": ComplaintStatus.CLOSED,
        "closed_on": CLOSED_ON,
    }
    return Complaint.objects.create(**(values | fields))


def anonymise_on(day: str) -> int:
    with time_machine.travel(f"{day} 02:00 +0000", tick=False):
        return anonymise_task.delay().get()


# --- The view log ---------------------------------------------------------------------------


def test_a_view_is_logged_with_viewer_and_case_but_no_personal_data_in_the_log_line(people, caplog):
    review = closed_review()
    caplog.set_level(logging.INFO, logger="opcc.security")

    view = services.log_personal_data_view(
        people[Role.CHIEF_EXECUTIVE], review.complainant, review.reference
    )

    assert (view.viewer, view.complainant, view.case_reference) == (
        people[Role.CHIEF_EXECUTIVE],
        review.complainant,
        review.reference,
    )
    line = " ".join(record.getMessage() for record in caplog.records)
    assert review.reference in line and "personal data viewed" in line
    assert "Sam Private" not in line and review.complainant.email not in line


# --- The subject access export -------------------------------------------------------------


def test_the_export_holds_everything_about_the_complainant_and_is_logged(people):
    chief_executive = people[Role.CHIEF_EXECUTIVE]
    complainant = ComplainantFactory(name="Zoë Private", email="zoe@example.org")
    complainant.phone = "07700 900123"
    complainant.save()
    review = ComplaintReviewFactory(complainant=complainant, reviewer=people[Role.STAFF])
    Recommendation.objects.create(review=review, text="Speak to the witness.")
    complaint = complaint_of(complainant)
    other = ComplaintReviewFactory()
    services.log_personal_data_view(people[Role.STAFF], complainant, review.reference)

    content = services.subject_access_export(chief_executive, complainant)

    document = json.loads(content.decode("utf-8"))
    assert "Zoë" in content.decode("utf-8")  # UTF-8, not \u escapes
    assert document["complainant"]["name"] == "Zoë Private"
    assert document["complainant"]["phone"] == "07700 900123"
    assert [v["phone"] for v in document["complainant"]["earlier_versions"]] == [
        "01632 960000",
        "07700 900123",
    ]
    [exported_review] = document["complaint_reviews"]
    assert exported_review["reference"] == review.reference
    assert exported_review["grounds"] == review.grounds
    assert exported_review["reviewer"] == people[Role.STAFF].full_name
    assert exported_review["status_display"] == "Received"
    assert [r["text"] for r in exported_review["recommendations"]] == ["Speak to the witness."]
    assert [c["details"] for c in document["complaints"]] == [complaint.details]
    assert [v["viewed_by"] for v in document["views_of_personal_data"]] == [
        people[Role.STAFF].full_name
    ]
    assert other.reference not in content.decode()
    exported = PersonalDataView.objects.filter(viewer=chief_executive).get()
    assert (exported.complainant, exported.case_reference) == (complainant, review.reference)


@pytest.mark.parametrize("role", [r for r in Role if r != Role.CHIEF_EXECUTIVE])
def test_only_the_chief_executive_may_export(people, role):
    review = ComplaintReviewFactory()

    with pytest.raises(PermissionDenied):
        services.subject_access_export(people[role], review.complainant)

    assert not PersonalDataView.objects.exists()


def test_a_reviewer_with_the_object_permission_still_may_not_export(people):
    from guardian.shortcuts import assign_perm

    review = ComplaintReviewFactory()
    assign_perm("complaints.view_complainant_details", people[Role.STAFF], review)

    with pytest.raises(PermissionDenied):
        services.subject_access_export(people[Role.STAFF], review.complainant)


# --- Anonymisation --------------------------------------------------------------------------


def test_nothing_is_anonymised_before_the_retention_period_ends():
    review = closed_review()

    assert anonymise_on("2026-03-30") == 0

    review.refresh_from_db()
    assert review.grounds == GROUNDS and review.anonymised_at is None
    assert review.complainant.name == "Sam Private"


def test_a_closed_review_is_anonymised_when_retention_ends_in_its_history_too():
    review = closed_review()
    complainant = review.complainant
    complainant.email = "sam.new@example.org"  # an earlier address stays in history
    complainant.save()
    history_rows = (ComplaintReview.history.count(), Complainant.history.count())

    assert anonymise_on("2026-03-31") == 1

    review.refresh_from_db()
    complainant.refresh_from_db()
    assert (review.grounds, review.late_reason) == ("", "")
    assert review.anonymised_at is not None
    assert (complainant.name, complainant.email, complainant.phone, complainant.address) == (
        "Anonymised",
        "",
        "",
        "",
    )
    assert complainant.anonymised_at is not None
    assert not Complainant.history.filter(name="Sam Private").exists()
    assert not Complainant.history.filter(id=complainant.pk).exclude(email="").exists()
    assert not Complainant.history.filter(id=complainant.pk).exclude(phone="").exists()
    assert not ComplaintReview.history.filter(id=review.pk).exclude(grounds="").exists()
    assert not ComplaintReview.history.filter(id=review.pk).exclude(late_reason="").exists()
    # Nothing saved through the model: no new historical row carries anything on.
    assert (ComplaintReview.history.count(), Complainant.history.count()) == history_rows
    disposal = Disposal.objects.get()
    assert (disposal.case_reference, disposal.kind, disposal.reason) == (
        review.reference,
        "complaint review",
        "Retention period ended",
    )


def test_a_closed_complaint_is_anonymised_with_its_history(settings):
    settings.COMPLAINT_RETENTION_YEARS = 2
    complaint = complaint_of(ComplainantFactory(name="Ali Private"))

    assert anonymise_on("2022-03-30") == 0
    assert anonymise_on("2022-03-31") == 1

    complaint.refresh_from_db()
    assert complaint.details == "" and complaint.anonymised_at is not None
    assert not Complaint.history.filter(id=complaint.pk).exclude(details="").exists()
    assert not Complainant.history.filter(name="Ali Private").exists()
    assert Disposal.objects.get().kind == "complaint"


def test_the_retention_years_come_from_settings_per_kind(settings):
    settings.REVIEW_RETENTION_YEARS = 1
    closed_review()

    assert anonymise_on("2021-03-31") == 1


def test_a_hold_stops_anonymisation():
    review = closed_review(retention_hold="Litigation: claim 2025/77")

    assert anonymise_on("2027-01-01") == 0

    review.refresh_from_db()
    assert review.grounds == GROUNDS and review.complainant.name == "Sam Private"
    assert not Disposal.objects.exists()


def test_open_cases_are_never_anonymised():
    review = ComplaintReviewFactory(status=ReviewStatus.DECIDED, closed_on=None)

    assert anonymise_on("2040-01-01") == 0
    assert ComplaintReview.objects.get(pk=review.pk).anonymised_at is None


def test_a_complainant_with_another_live_case_keeps_their_details():
    review = closed_review()
    complainant = review.complainant
    live = complaint_of(complainant, status=ComplaintStatus.RECORDED, closed_on=None)

    assert anonymise_on("2026-04-01") == 1

    review.refresh_from_db()
    complainant.refresh_from_db()
    live.refresh_from_db()
    assert review.grounds == "" and review.anonymised_at is not None
    assert complainant.name == "Sam Private" and complainant.anonymised_at is None
    assert live.details and live.anonymised_at is None


def test_a_complainant_whose_other_case_is_on_hold_keeps_their_details():
    review = closed_review()
    closed_review(complainant=review.complainant, retention_hold="FOI request 2026/12")

    assert anonymise_on("2026-04-01") == 1

    assert Complainant.objects.get().name == "Sam Private"


def test_the_complainant_is_anonymised_with_the_last_of_their_cases():
    review = closed_review()
    complaint_of(review.complainant)

    assert anonymise_on("2026-04-01") == 2

    assert Complainant.objects.get().name == "Anonymised"
    assert Disposal.objects.count() == 2


def test_anonymising_again_changes_nothing():
    closed_review()
    assert anonymise_on("2026-04-01") == 1
    disposed_at = Disposal.objects.get().disposed_at

    assert anonymise_on("2026-04-02") == 0

    assert Disposal.objects.get().disposed_at == disposed_at


def test_e_mails_to_the_complainant_about_the_case_are_forgotten():
    review = closed_review()
    to_complainant = OutboundMessage.objects.create(
        kind="review_decided",
        to=review.complainant.email,
        about=review,
        subject="Your review",
        body_text="Dear Sam Private",
        body_html="<p>Dear Sam Private</p>",
    )
    to_force = OutboundMessage.objects.create(
        kind="review_decided_force",
        to="professional.standards@police.example",
        about=review,
        subject="Review decided",
        body_text="Review decided.",
    )

    anonymise_on("2026-04-01")

    to_complainant.refresh_from_db()
    to_force.refresh_from_db()
    assert (to_complainant.to, to_complainant.body_text, to_complainant.body_html) == ("", "", "")
    assert to_force.to == "professional.standards@police.example"


@pytest.mark.parametrize(
    ("today", "cutoff"),
    [
        (datetime.date(2026, 3, 31), datetime.date(2020, 3, 31)),
        (datetime.date(2026, 2, 28), datetime.date(2020, 2, 29)),  # 29 Feb's anniversary
        (datetime.date(2028, 2, 28), datetime.date(2022, 2, 28)),
        (datetime.date(2028, 2, 29), datetime.date(2022, 2, 28)),
    ],
)
def test_retention_ends_on_the_anniversary_of_closing(today, cutoff):
    assert services.retention_cutoff(today, 6) == cutoff
