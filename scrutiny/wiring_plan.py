"""What the Police and Crime Plan plugs into the portal's registries (opcc.registry): the hub's
Plan category (shared with the annual report), the panel report's Plan measures and demo data."""

from opcc.registry import (
    ReportSection,
    Seeder,
    TransparencySource,
    report_sections,
    seeders,
    transparency_sources,
)

CATEGORY = "police-and-crime-plan"


def plan_changes():
    """The latest figure recorded for a published plan, or its publication."""
    from opcc.transparency import Latest
    from scrutiny.models import PoliceAndCrimePlan

    published = PoliceAndCrimePlan.objects.published()
    return [
        Latest(published, "published_at"),
        Latest(published, "priorities__measures__values__recorded_at"),
    ]


def plan_report_section(start, end) -> dict:
    """The published plan in force at ``end``: each measure with its target, its latest figure
    for a quarter beginning from ``start`` to ``end`` (one quarter for the panel report, four for
    the annual report), and whether it meets the target. Three queries."""
    from scrutiny.models import MeasureValue, PlanMeasure, PoliceAndCrimePlan

    # A draft plan is not yet the Commissioner's: the panel sees only a published one.
    plan = PoliceAndCrimePlan.objects.published().current(end)
    if plan is None:
        return {"start": start, "end": end, "plan": None, "rows": []}
    measures = PlanMeasure.objects.filter(priority__plan=plan).select_related("priority")
    values = {
        value.measure_id: value
        for value in MeasureValue.objects.filter(
            measure__priority__plan=plan, quarter__range=(start, end)
        ).order_by("quarter")
    }
    rows = []
    for measure in measures.order_by("priority__number", "id"):
        value = values.get(measure.pk)
        rows.append(
            {
                "measure": measure,
                "value": value.shown if value else None,
                "meets_target": measure.meets_target(value.value) if value else None,
            }
        )
    return {
        "start": start,
        "end": end,
        "plan": plan,
        "rows": rows,
        "totals": {
            "measures": len(rows),
            "reported": sum(1 for row in rows if row["value"] is not None),
            "meeting_target": sum(1 for row in rows if row["meets_target"]),
        },
    }


def register() -> None:
    from scrutiny.seed_plan import seed_plan

    # The category is "Police and Crime Plan and annual report": the Plan page links the annual
    # reports, and the date is the later of the two sources.
    previous = transparency_sources.get(CATEGORY)
    if previous is not None and previous.url_name != "scrutiny:plan_public":

        def changes(previous=previous):
            return [*plan_changes(), *previous.changes()]

    else:
        changes = plan_changes
    transparency_sources.register(
        CATEGORY, TransparencySource(CATEGORY, "scrutiny:plan_public", changes)
    )
    report_sections.register(
        "plan",
        ReportSection(
            "plan",
            "Police and Crime Plan measures",
            "scrutiny/plan/report_section.html",
            plan_report_section,
            60,
        ),
    )
    seeders.register("police_and_crime_plan", Seeder("police_and_crime_plan", seed_plan, order=71))
