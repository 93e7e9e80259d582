"""What HMICFRS inspections plug into the portal's registries (opcc.registry): the responses-due
panel, the hub's HMICFRS category, the response PDF, the panel report's section and demo data."""

from opcc.registry import (
    DashboardPanel,
    DocumentKind,
    ReportSection,
    Seeder,
    TransparencySource,
    dashboard_panels,
    document_kinds,
    report_sections,
    seeders,
    transparency_sources,
)

PANEL_SIZE = 10


def responses_due(user):
    """For the office: unpublished responses, soonest due first, marked due soon or overdue."""
    from opcc.access import is_office
    from scrutiny.models import HmicfrsInspection

    if not is_office(user):
        return None
    waiting = HmicfrsInspection.objects.awaiting_response().order_by("published_on", "id")
    count = waiting.count()
    if not count:
        return None
    return {"rows": list(waiting[:PANEL_SIZE]), "count": count}


def hmicfrs_last_updated():
    """The latest response published, or the latest PEEL report, whichever is newer (one query)."""
    from django.db.models import Max, Q
    from django.utils import timezone

    from scrutiny.models import HmicfrsInspection, InspectionStatus, InspectionType

    latest = HmicfrsInspection.objects.aggregate(
        response=Max("response_published_at", filter=Q(status=InspectionStatus.PUBLISHED)),
        peel=Max("published_on", filter=Q(inspection_type=InspectionType.PEEL)),
    )
    response = latest["response"] and timezone.localdate(latest["response"])
    days = [day for day in (response, latest["peel"]) if day]
    return max(days) if days else None


def hmicfrs_report_section(start, end) -> dict:
    """Reports published and responses published from ``start`` to ``end``, and responses still
    awaited at ``end``: three queries whatever the number of reports."""
    from django.db.models import Count, Q

    from scrutiny.models import HmicfrsInspection, InspectionStatus, ItemKind

    with_counts = HmicfrsInspection.objects.annotate(
        recommendations=Count("items", filter=Q(items__kind=ItemKind.RECOMMENDATION)),
        areas_for_improvement=Count("items", filter=Q(items__kind=ItemKind.AREA_FOR_IMPROVEMENT)),
    )
    reports = list(with_counts.filter(published_on__range=(start, end)).order_by("published_on"))
    responses = list(
        HmicfrsInspection.objects.filter(
            status=InspectionStatus.PUBLISHED,
            response_published_at__date__range=(start, end),
        ).order_by("response_published_at")
    )
    awaited = list(
        HmicfrsInspection.objects.filter(published_on__lte=end)
        .filter(Q(response_published_at=None) | Q(response_published_at__date__gt=end))
        .order_by("published_on")
    )
    return {
        "start": start,
        "end": end,
        "reports": reports,
        "responses": responses,
        "awaited": awaited,
        "totals": {
            "reports_published": len(reports),
            "responses_published": len(responses),
            "responses_in_time": sum(1 for r in responses if r.published_in_time),
            "responses_awaited": len(awaited),
        },
    }


def hmicfrs_response_context(document):
    inspection = document.of
    return {"inspection": inspection, "document": document, "items": list(inspection.items.all())}


def register() -> None:
    from scrutiny.seed_inspections import seed_inspections

    dashboard_panels.register(
        "hmicfrs_responses_due",
        DashboardPanel(
            "hmicfrs_responses_due",
            "HMICFRS responses due",
            "scrutiny/inspections/_panel.html",
            responses_due,
            41,
        ),
    )
    transparency_sources.register(
        "hmicfrs", TransparencySource("hmicfrs", "scrutiny:hmicfrs_public", hmicfrs_last_updated)
    )
    document_kinds.register(
        "hmicfrs_response",
        DocumentKind(
            "hmicfrs_response",
            "pdf/hmicfrs_response.html",
            hmicfrs_response_context,
            # Made when the response is published, and then public: whoever may see it may read it.
            may_view=lambda user, document: True,
        ),
    )
    report_sections.register(
        "hmicfrs",
        ReportSection(
            "hmicfrs",
            "HMICFRS inspections and the Commissioner's responses",
            "scrutiny/inspections/report_section.html",
            hmicfrs_report_section,
            35,
        ),
    )
    seeders.register("hmicfrs", Seeder("hmicfrs", seed_inspections, order=72))
