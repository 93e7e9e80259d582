"""Demo complaint reviews in every state, made through the services so they carry the same
history and notifications as real use. Idempotent: each is known by its force reference."""

from datetime import timedelta

from django.utils import timezone

from complaints.models import ComplaintReview, ReviewFinding
from complaints.services import reviews as services
from opcc.models import User

CHIEF_EXECUTIVE_EMAIL = "chief.executive@opcc.example"
STAFF_EMAIL = "staff@opcc.example"

# (force reference, name, days since the outcome, days since the request, how far it goes)
DEMO_REVIEWS = [
    ("CO/DEMO/0101", "Jamie Fletcher", 20, 2, "received"),
    ("CO/DEMO/0102", "Robin Ashworth", 60, 12, "late"),
    ("CO/DEMO/0103", "Casey Doyle", 15, 9, "iopc"),
    ("CO/DEMO/0104", "Morgan Ellis", 70, 50, "under_review"),
    ("CO/DEMO/0105", "Taylor Quinn", 90, 75, "upheld"),
    ("CO/DEMO/0106", "Jordan Hale", 120, 100, "closed"),
]


def seed_complaint_reviews(scale: int, log) -> None:
    chief_executive = User.objects.filter(email=CHIEF_EXECUTIVE_EMAIL).first()
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    if chief_executive is None or staff is None:
        log("complaint reviews: demo people missing, skipped")
        return
    today = timezone.localdate()
    made = 0
    for force_reference, name, outcome_days, request_days, stage in DEMO_REVIEWS:
        if ComplaintReview.objects.filter(force_reference=force_reference).exists():
            continue
        review = services.receive_review_request(
            actor=chief_executive,
            channel="letter",
            name=name,
            email=f"{name.split()[0].lower()}@example.org",
            phone="",
            force_reference=force_reference,
            outcome_given_on=today - timedelta(days=outcome_days),
            request_received_on=today - timedelta(days=request_days),
            grounds="The force did not speak to the witness I named, and did not explain why.",
        )
        _advance(review, stage, chief_executive, staff)
        made += 1
    log(f"complaint reviews: {made} demo reviews added")


def _advance(review, stage, chief_executive, staff) -> None:
    if stage in ("received", "late"):
        return
    if stage == "iopc":
        services.route_to_iopc(
            chief_executive, review, reason="The complaint was about a chief officer."
        )
        return
    services.assign_reviewer(chief_executive, review, reviewer=staff)
    if stage == "under_review":
        return
    if stage == "upheld":
        services.decide_review(
            staff,
            review,
            finding=ReviewFinding.NOT_REASONABLE,
            finding_reasons="The investigation did not take the named witness's account.",
            theme="Witnesses not contacted",
            recommendations=[
                "Take the named witness's account and reconsider the outcome.",
                "Remind investigators to record why a named witness is not contacted.",
            ],
        )
        return
    services.decide_review(
        staff,
        review,
        finding=ReviewFinding.REASONABLE,
        finding_reasons="The force's enquiries were proportionate and its outcome was explained.",
    )
    services.close_review(chief_executive, review)
