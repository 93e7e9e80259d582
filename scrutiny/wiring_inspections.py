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


def responses_due_rows(user):
    """For the office: unpublished responses, soonest due first."""
    from opcc.access import is_office
    from opcc.dashboard import Rows
    from scrutiny.models import HmicfrsInspection

    if not is_office(user):
        return None
    waiting = HmicfrsInspection.objects.awaiting_response()
    return {"waiting": Rows(waiting, ("published_on", "id"), PANEL_SIZE)}


def responses_due(user, fetched):
    """The template marks each due soon or overdue."""
    waiting = fetched["waiting"]
    if not waiting.count:
        return None
    return {"rows": waiting.items, "count": waiting.count}


def hmicfrs_changes():
    """The latest response published, or the latest PEEL report, whichever is newer."""
    from opcc.transparency import Latest
    from scrutiny.models import HmicfrsInspection, InspectionStatus, InspectionType

    inspections = HmicfrsInspection.objects.all()
    return [
        Latest(inspections.filter(status=InspectionStatus.PUBLISHED), "response_published_at"),
        Latest(inspections.filter(inspection_type=InspectionType.PEEL), "published_on"),
    ]


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
            responses_due_rows,
            responses_due,
            41,
        ),
    )
    transparency_sources.register(
        "hmicfrs", TransparencySource("hmicfrs", "scrutiny:hmicfrs_public", hmicfrs_changes)
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
