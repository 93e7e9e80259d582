"""What decisions plug into the portal's registries (opcc.registry)."""

from datetime import datetime, time, timedelta

from django.conf import settings

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


def awaiting_my_advice_rows(user):
    from django.db.models import Exists, OuterRef

    from governance.models import AdviceKind, Decision, DecisionAdvice, DecisionStatus
    from governance.services.decisions import ADVICE_PERMISSION
    from opcc.dashboard import Rows

    kinds = [kind for kind in AdviceKind if user.has_perm(ADVICE_PERMISSION[kind])]
    if not kinds:
        return None
    given = DecisionAdvice.objects.filter(
        decision=OuterRef("pk"), kind__in=kinds, advice_round=OuterRef("advice_round")
    )
    waiting = Decision.objects.filter(status=DecisionStatus.AWAITING_ADVICE).exclude(Exists(given))
    return {"decisions": Rows(waiting, ("advice_requested_at", "id"))}


def awaiting_my_advice(user, fetched):
    return {
        "decisions": with_due_dates(
            fetched["decisions"].items,
            "advice_requested_at",
            settings.DECISION_ADVICE_TARGET_WORKING_DAYS,
        ),
        "count": fetched["decisions"].count,
        "empty": "Nothing awaits your advice.",
    }


def with_due_dates(decisions, since: str, target: int) -> list[tuple]:
    """Each decision with the day the office's target falls on and whether it has passed."""
    from django.utils import timezone

    from opcc.periods import working_days_after

    today = timezone.localdate()
    rows = []
    for decision in decisions:
        started = getattr(decision, since)
        due = working_days_after(timezone.localdate(started), target) if started else None
        rows.append((decision, due, bool(due and today > due)))
    return rows


def awaiting_my_signature_rows(user):
    from governance.models import Decision, DecisionStatus
    from opcc.dashboard import Rows

    if not user.has_perm("governance.sign_decision"):
        return None
    waiting = Decision.objects.filter(status=DecisionStatus.ADVISED, decision_maker=user.role)
    return {"decisions": Rows(waiting, ("advised_at", "id"))}


def awaiting_my_signature(user, fetched):
    return {
        "decisions": with_due_dates(
            fetched["decisions"].items,
            "advised_at",
            settings.DECISION_SIGNATURE_TARGET_WORKING_DAYS,
        ),
        "count": fetched["decisions"].count,
        "empty": "Nothing awaits your signature.",
    }


def decision_notice_context(document):
    from governance.notices import notice_context

    return {**notice_context(document.of), "document": document}


def decisions_changes():
    from governance.models import Decision
    from opcc.transparency import Latest

    return [Latest(Decision.objects.published(), "published_at")]


def forward_plan_changes():
    from governance.models import ForwardPlanItem
    from opcc.transparency import Latest

    return [Latest(ForwardPlanItem.history.all(), "history_date")]


def annual_changes():
    from governance.models import AnnualReport
    from opcc.transparency import Latest

    return [Latest(AnnualReport.objects.all(), "published_at")]


# Decisions the quarterly panel report names; the rest of the quarter's are counted and linked.
PANEL_REPORT_LISTED = 10


def decisions_report_section(start, end) -> dict:
    """Decisions signed from ``start`` to ``end`` (inclusive), for the quarterly panel report:
    how many, by month and decision maker, counted in the database; and by name at most
    PANEL_REPORT_LISTED of those published, significant public interest first (the panel reads
    published decisions; the rest are counted, never named), with how many more the register
    holds. Two queries, whatever the number of decisions."""
    from django.db.models import Count, DateField
    from django.db.models.functions import TruncMonth
    from django.urls import reverse
    from django.utils import timezone

    from governance.models import Decision, DecisionMaker, DecisionStatus

    # Signed on a day of the period, local time: as a range of instants, so an index can serve it.
    first = timezone.make_aware(datetime.combine(start, time.min))
    after = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    signed = Decision.objects.filter(signed_at__gte=first, signed_at__lt=after)
    # One grouped query: at most 3 months x 2 makers x 2 x the statuses, whatever the rows.
    groups = (
        signed.annotate(month=TruncMonth("signed_at", output_field=DateField()))
        .values_list("month", "decision_maker", "significant_public_interest", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    empty = {"signed": 0, "by_pcc": 0, "by_deputy": 0, "significant": 0, "published": 0}
    months, day = {}, start.replace(day=1)
    while day <= end:
        months[day] = dict(empty)
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    totals = dict(empty)
    for month, maker, significant, status, n in groups:
        for row in (totals, months.setdefault(month, dict(empty))):
            row["signed"] += n
            row["by_pcc"] += n if maker == DecisionMaker.PCC else 0
            row["by_deputy"] += n if maker == DecisionMaker.DEPUTY else 0
            row["significant"] += n if significant else 0
            row["published"] += n if status == DecisionStatus.PUBLISHED else 0
    decisions = list(
        signed.filter(status=DecisionStatus.PUBLISHED)
        .only("reference", "title", "decision_maker", "signed_at", "significant_public_interest")
        .order_by("-significant_public_interest", "signed_at", "id")[:PANEL_REPORT_LISTED]
    )
    return {
        "start": start,
        "end": end,
        "totals": totals,
        "months": [{"month": month, **row} for month, row in sorted(months.items())],
        "decisions": decisions,
        "further": totals["published"] - len(decisions),
        "register_url": settings.PORTAL_URL.rstrip("/") + reverse("decision_register"),
    }


def register() -> None:
    from governance.seed_decisions import seed_decisions
    from governance.seed_statutory_bars import seed_statutory_bars
    from governance.services.annual import annual_report_context

    dashboard_panels.register(
        "awaiting_my_advice",
        DashboardPanel(
            "awaiting_my_advice",
            "Awaiting my advice",
            "governance/panels/decisions.html",
            awaiting_my_advice_rows,
            awaiting_my_advice,
            10,
        ),
    )
    dashboard_panels.register(
        "awaiting_my_signature",
        DashboardPanel(
            "awaiting_my_signature",
            "Awaiting my signature",
            "governance/panels/decisions.html",
            awaiting_my_signature_rows,
            awaiting_my_signature,
            11,
        ),
    )
    transparency_sources.register(
        "decisions", TransparencySource("decisions", "decision_register", decisions_changes)
    )
    document_kinds.register(
        "decision_notice",
        DocumentKind(
            "decision_notice",
            "pdf/decision_notice.html",
            decision_notice_context,
            # The notice holds only the public parts: whoever may see the decision may read it.
            may_view=lambda user, document: True,
        ),
    )
    seeders.register("decisions", Seeder("decisions", seed_decisions, order=20))
    seeders.register("statutory-bars", Seeder("statutory-bars", seed_statutory_bars, order=21))
    document_kinds.register(
        "annual_report",
        DocumentKind(
            "annual_report",
            "pdf/annual_report.html",
            annual_report_context,
            may_view=lambda user, document: True,  # public once published; drafts: office only
        ),
    )
    transparency_sources.register(
        "forward-plan",
        TransparencySource("forward-plan", "forward_plan_public", forward_plan_changes),
    )
    transparency_sources.register(
        "police-and-crime-plan",
        TransparencySource("police-and-crime-plan", "annual_reports_public", annual_changes),
    )
    report_sections.register(
        "decisions",
        ReportSection(
            "decisions",
            "Decisions made",
            "governance/report_section_decisions.html",
            decisions_report_section,
            20,
        ),
    )
