"""What complaints give the office's search: complaints and complaint reviews found by their
references, through the same narrowed querysets as their lists (the conflict rule, handlers'
object permissions). Nothing here is public, and no complainant's details are shown."""

from opcc.registry import SearchSource, search_sources


def search_complaints(user, query, date_from, date_to):
    from complaints.models import Complaint
    from opcc.access import is_office, visible
    from opcc.search import Hit, matching

    if not is_office(user):
        return []
    found = matching(
        visible(user, Complaint.objects.all()),
        query,
        fields=[],
        identifiers=("reference",),
        date_field="received_on",
        date_from=date_from,
        date_to=date_to,
    )
    return [
        Hit(
            "Complaint",
            f"{c.reference}: about {c.get_subject_display()[4:]}",
            c.get_absolute_url(),
            c.received_on,
            c.get_status_display(),
            c.rank,
        )
        for c in found[:50]
    ]


def search_reviews(user, query, date_from, date_to):
    from complaints.models import ComplaintReview
    from opcc.access import is_office, visible
    from opcc.search import Hit, matching

    if not is_office(user):
        return []
    found = matching(
        visible(user, ComplaintReview.objects.all()),
        query,
        fields=[],
        identifiers=("reference", "force_reference"),
        date_field="request_received_on",
        date_from=date_from,
        date_to=date_to,
    )
    return [
        Hit(
            "Complaint review",
            f"{r.reference} (force reference {r.force_reference})",
            r.get_absolute_url(),
            r.request_received_on,
            r.get_status_display(),
            r.rank,
        )
        for r in found[:50]
    ]


def register() -> None:
    search_sources.register(
        "complaints", SearchSource("complaints", "Complaints", search_complaints, 60)
    )
    search_sources.register(
        "complaint_reviews",
        SearchSource("complaint_reviews", "Complaint reviews", search_reviews, 61),
    )
