"""What the forward plan plugs into the portal's registries (opcc.registry): the topics a
person leads this quarter, and demo data."""

from opcc.registry import DashboardPanel, Seeder, dashboard_panels, seeders

PANEL_SIZE = 10


def topics_i_lead_rows(user):
    from django.utils import timezone

    from opcc.access import is_office
    from opcc.dashboard import Rows
    from scrutiny.models import ForwardPlanTopic, TopicStatus
    from scrutiny.quarters import quarter_start

    if not is_office(user):
        return None
    topics = ForwardPlanTopic.objects.filter(
        lead=user,
        status=TopicStatus.PLANNED,
        planned_quarter__lte=quarter_start(timezone.localdate()),
    )
    return {"topics": Rows(topics, ("planned_quarter", "id"), PANEL_SIZE)}


def topics_i_lead(user, fetched):
    topics = fetched["topics"]
    if not topics.count:
        return None
    return {"rows": topics.items, "count": topics.count}


def register() -> None:
    from scrutiny.seed_forward_plan import seed_forward_plan

    dashboard_panels.register(
        "scrutiny_topics",
        DashboardPanel(
            "scrutiny_topics",
            "Scrutiny topics I lead, due now",
            "scrutiny/forward_plan/_panel.html",
            topics_i_lead_rows,
            topics_i_lead,
            42,
        ),
    )
    seeders.register("forward_plan", Seeder("forward_plan", seed_forward_plan, order=73))
