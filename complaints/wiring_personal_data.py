"""What the personal_data part of complaints plugs into the portal's registries (opcc.registry):
demo data for the Chief Executive's view log and disposals log."""

from opcc.registry import Seeder, seeders

# A review closed long ago, so the demo has an anonymised case and a disposal to show.
LONG_AGO_FORCE_REFERENCE = "CO/DEMO/0090"


def seed_personal_data(scale: int, log) -> None:
    """Idempotent: views are logged once, the old case is made once and anonymised by the same
    service the nightly task runs."""
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from complaints.models import ComplaintReview, PersonalDataView, ReviewFinding
    from complaints.seed_reviews import CHIEF_EXECUTIVE_EMAIL, STAFF_EMAIL
    from complaints.services import personal_data, reviews
    from opcc.models import User

    chief_executive = User.objects.filter(email=CHIEF_EXECUTIVE_EMAIL).first()
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    if chief_executive is None or staff is None:
        log("personal data: demo people missing, skipped")
        return
    if not PersonalDataView.objects.exists():
        for review in ComplaintReview.objects.select_related("complainant").filter(
            force_reference__startswith="CO/DEMO/"
        ):
            personal_data.log_personal_data_view(
                chief_executive, review.complainant, review.reference
            )
            if review.reviewer_id == staff.pk:
                personal_data.log_personal_data_view(staff, review.complainant, review.reference)
    if not ComplaintReview.objects.filter(force_reference=LONG_AGO_FORCE_REFERENCE).exists():
        years = getattr(settings, "REVIEW_RETENTION_YEARS", 6)
        today = timezone.localdate()
        review = reviews.receive_review_request(
            actor=chief_executive,
            channel="letter",
            name="Lee Longago",
            email="lee.longago@example.org",
            phone="",
            force_reference=LONG_AGO_FORCE_REFERENCE,
            outcome_given_on=today - timedelta(days=30),
            request_received_on=today - timedelta(days=20),
            grounds="The force lost the statement I gave.",
        )
        reviews.assign_reviewer(chief_executive, review, reviewer=staff)
        reviews.decide_review(
            staff,
            review,
            finding=ReviewFinding.REASONABLE,
            finding_reasons="The statement was found and considered.",
        )
        reviews.close_review(chief_executive, review)
        # Demo only: as if it had closed before the retention period, so it is due now.
        ComplaintReview.objects.filter(pk=review.pk).update(
            closed_on=today - timedelta(days=366 * years + 30)
        )
    made = personal_data.anonymise_due_cases()
    log(f"personal data: {made} closed case(s) anonymised")


def register() -> None:
    seeders.register("personal_data", Seeder("personal_data", seed_personal_data, order=60))
