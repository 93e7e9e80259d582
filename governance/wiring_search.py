"""What governance gives the portal's search (opcc.registry.search_sources): decisions,
statutory reports and contracts, each through the queryset its own pages use, so the public
finds only what is published and never a confidential annex or an unredacted report."""

from opcc.registry import SearchSource, search_sources


def search_decisions(user, query, date_from, date_to):
    from governance.models import Decision
    from opcc.access import is_office, visible
    from opcc.search import Hit, day_of, matching

    office = is_office(user)
    found = matching(
        visible(user, Decision.objects.all()),
        query,
        fields=["title", "summary"],
        document="search_document",  # governance migration 0009
        identifiers=("reference",),
        date_field="published_at" if not office else "created_at",
        date_from=date_from,
        date_to=date_to,
    ).only(
        "code",
        "year",
        "number",
        "reference",
        "title",
        "summary",
        "published_at",
        "created_at",
        "status",
    )
    return [
        Hit(
            "Decision",
            f"{decision.reference} {decision.title}",
            decision.get_absolute_url() if office else decision.get_public_url(),
            day_of(decision.published_at or decision.created_at),
            decision.summary,
            decision.rank,
        )
        for decision in found[:50]
    ]


def search_statutory_reports(user, query, date_from, date_to):
    from django.urls import reverse

    from governance.models import StatutoryReport
    from opcc.access import is_office, visible
    from opcc.search import Hit, day_of, matching

    if is_office(user):
        found = matching(
            visible(user, StatutoryReport.objects.all()),
            query,
            fields=["title", "matter"],
            date_field="created_at",
            date_from=date_from,
            date_to=date_to,
        )
        return [
            Hit("Statutory report", r.title, r.get_absolute_url(), day_of(r.created_at), "", r.rank)
            for r in found[:50]
        ]
    # Everyone else searches only the redacted versions the Chief Executive published.
    found = matching(
        StatutoryReport.objects.redacted_published(),
        query,
        fields=["redacted_title", "redacted_text"],
        date_field="redacted_published_at",
        date_from=date_from,
        date_to=date_to,
    )
    return [
        Hit(
            "Statutory report",
            report.redacted_title,
            reverse("report_published", args=[report.code]),
            day_of(report.redacted_published_at),
            report.redacted_text,
            report.rank,
        )
        for report in found[:50]
    ]


def search_contracts(user, query, date_from, date_to):
    from django.urls import reverse

    from governance.models import Contract
    from opcc.search import Hit, matching

    found = matching(
        Contract.objects.all(),
        query,
        fields=["title", "supplier"],
        document="search_document",  # governance migration 0009
        date_field="starts_on",
        date_from=date_from,
        date_to=date_to,
    )
    url = reverse("registers_contracts")
    return [
        Hit("Contract", f"{c.title} ({c.supplier})", url, c.starts_on, "", c.rank)
        for c in found[:50]
    ]


def register() -> None:
    search_sources.register(
        "decisions", SearchSource("decisions", "Decisions", search_decisions, 10)
    )
    search_sources.register(
        "statutory_reports",
        SearchSource("statutory_reports", "Statutory reports", search_statutory_reports, 20),
    )
    search_sources.register(
        "contracts", SearchSource("contracts", "Contracts", search_contracts, 30)
    )
