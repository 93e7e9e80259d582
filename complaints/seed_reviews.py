"""Demo complaint reviews in every state, made through the services so they carry the same
history and notifications as real use. Idempotent: each is known by its force reference."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from complaints.models import (
    ComplaintReview,
    Disposal,
    IopcGround,
    Recommendation,
    RecommendationStatus,
    ReviewBody,
    ReviewFinding,
    ReviewStatus,
)
from complaints.services import reviews as services
from opcc import seed_bulk
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
    if scale:
        seed_reviews_at_scale(scale, chief_executive, log)


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


# --- Benchmark volumes (seed_demo --scale N): N/10 reviews, bulk-created without history ---

BENCHMARK_GROUNDS = (
    "The force did not speak to the witness I named, and did not explain why.",
    "The outcome letter did not answer the points I raised.",
    "The investigation took too long and I was not kept informed.",
    "The officer's account was accepted without looking at the body-worn video.",
)
BENCHMARK_THEMES = ("Witnesses not contacted", "Poor communication", "Evidence not reviewed")


def seed_reviews_at_scale(scale: int, chief_executive, log) -> None:
    """Review requests over ten years, in every state their age allows (upheld ones with their
    recommendations); those closed before the retention period already anonymised."""
    from django.conf import settings

    from complaints.seed_complaints import attach_benchmark_complainants, benchmark_disposal
    from complaints.services.personal_data import ANONYMISED_NAME, retention_cutoff

    count = seed_bulk.share(scale, "complaint_reviews")
    wanted = seed_bulk.missing(ComplaintReview, "review", count)
    if not wanted:
        return
    today = timezone.localdate()
    now = seed_bulk.last_night(today)
    cutoff = retention_cutoff(today, settings.REVIEW_RETENTION_YEARS)
    references = ComplaintReview.objects.values_list("reference", flat=True)
    last = seed_bulk.last_numbers(references, "-")
    reviews, indexes = [], []
    for received_on, n in sorted((seed_bulk.day_of(n, today), n) for n in wanted):
        number = last[received_on.year] = last.get(received_on.year, 0) + 1
        review = _benchmark_review(n, received_on, today, chief_executive)
        review.reference = f"R-{received_on.year}-{number:04d}"
        if review.status == ReviewStatus.CLOSED and review.closed_on <= cutoff:
            review.grounds = review.late_reason = review.routing_reason = ""
            review.finding_reasons = ""
            review.anonymised_at = now
        reviews.append(review)
        indexes.append(n)
    with transaction.atomic():
        attach_benchmark_complainants("review", reviews, indexes)
        seed_bulk.create(ComplaintReview, reviews)
        recommendations = [
            recommendation
            for review in reviews
            if review.finding == ReviewFinding.NOT_REASONABLE
            for recommendation in _recommendations(review, today, ANONYMISED_NAME)
        ]
        seed_bulk.create(Recommendation, recommendations)
        seed_bulk.create(Disposal, (benchmark_disposal(r, now) for r in reviews if r.anonymised_at))
    log(f"complaint reviews: {len(reviews)} benchmark reviews added")


def _benchmark_review(n, received_on, today, chief_executive) -> ComplaintReview:
    age = (today - received_on).days
    late = seed_bulk.mix(n, 20, 10) == 0
    outcome_given_on = received_on - timedelta(days=(35 + n % 20) if late else (1 + n % 27))
    review = ComplaintReview(
        code=seed_bulk.code_for("review", n),
        force_reference=f"CO/{outcome_given_on:%Y}/{n:05d}",
        outcome_given_on=outcome_given_on,
        request_received_on=received_on,
        grounds=seed_bulk.pick(n, 21, BENCHMARK_GROUNDS),
        late_reason="The complainant was in hospital when the outcome arrived." if late else "",
        created_at=seed_bulk.moment(received_on, 9 + n % 8),
    )
    if age <= 7:
        return review  # received, not yet acknowledged
    review.acknowledged_on = received_on + timedelta(days=2)
    if seed_bulk.mix(n, 22, 10) == 0:
        review.review_body = ReviewBody.IOPC
        review.iopc_ground = IopcGround.SENIOR_OFFICER
        review.routing_reason = IopcGround.SENIOR_OFFICER.label
        review.status = ReviewStatus.ROUTED_TO_IOPC
        if age > 60:
            review.status, review.closed_on = ReviewStatus.CLOSED, received_on + timedelta(days=30)
        return review
    review.status, review.reviewer = ReviewStatus.UNDER_REVIEW, chief_executive
    if age <= 45:
        return review
    upheld = seed_bulk.mix(n, 23, 4) == 0
    review.status = ReviewStatus.DECIDED
    review.decided_on = received_on + timedelta(days=20 + n % 25)
    review.finding = ReviewFinding.NOT_REASONABLE if upheld else ReviewFinding.REASONABLE
    review.finding_reasons = (
        "The investigation did not take a named witness's account."
        if upheld
        else "The force's enquiries were proportionate and its outcome was explained."
    )
    review.theme = seed_bulk.pick(n, 24, BENCHMARK_THEMES) if upheld else ""
    if age > 120:
        review.status, review.closed_on = (
            ReviewStatus.CLOSED,
            review.decided_on + timedelta(days=60),
        )
    return review


def _recommendations(review, today, anonymised_text) -> list[Recommendation]:
    """One or two recommendations; answered by the force unless the review waits for it."""
    made = []
    for number, text in enumerate(
        (
            "Take the named witness's account and reconsider the outcome.",
            "Remind investigators to record why a named witness is not contacted.",
        )[: 1 + review.decided_on.toordinal() % 2]
    ):
        recommendation = Recommendation(review=review, text=text)
        answered = review.status == ReviewStatus.CLOSED or (today - review.decided_on).days > 60
        if answered:
            accepted = (review.decided_on.toordinal() + number) % 5 != 0
            recommendation.status = (
                RecommendationStatus.ACCEPTED if accepted else RecommendationStatus.NOT_ACCEPTED
            )
            recommendation.force_response = "The force has briefed its investigators."
            recommendation.responded_on = review.decided_on + timedelta(days=30)
        if review.status == ReviewStatus.CLOSED:
            recommendation.closed_on = review.closed_on
        if review.anonymised_at:
            recommendation.text, recommendation.force_response = anonymised_text, ""
        made.append(recommendation)
    return made
