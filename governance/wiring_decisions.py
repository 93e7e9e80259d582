"""What decisions plug into the portal's registries (opcc.registry)."""

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


def awaiting_my_advice(user):
    from django.db.models import Exists, OuterRef

    from governance.models import AdviceKind, Decision, DecisionAdvice, DecisionStatus
    from governance.services.decisions import ADVICE_PERMISSION

    kinds = [kind for kind in AdviceKind if user.has_perm(ADVICE_PERMISSION[kind])]
    if not kinds:
        return None
    given = DecisionAdvice.objects.filter(
        decision=OuterRef("pk"), kind__in=kinds, advice_round=OuterRef("advice_round")
    )
    waiting = Decision.objects.filter(status=DecisionStatus.AWAITING_ADVICE).exclude(Exists(given))
    decisions = list(waiting.order_by("advice_requested_at", "id")[:10])
    return {
        "decisions": with_due_dates(
            decisions, "advice_requested_at", settings.DECISION_ADVICE_TARGET_WORKING_DAYS
        ),
        "count": waiting.count(),
        "empty": "Nothing awaits your advice.",
    }


def with_due_dates(decisions, since: str, target: int) -> list[tuple]:
    """Each decision with the day the office's target falls on and whether it has passed."""
    from django.utils import timezone

    from opcc.working_days import working_days_after

    today = timezone.localdate()
    rows = []
    for decision in decisions:
        started = getattr(decision, since)
        due = working_days_after(timezone.localdate(started), target) if started else None
        rows.append((decision, due, bool(due and today > due)))
    return rows


def awaiting_my_signature(user):
    from governance.models import Decision, DecisionStatus

    if not user.has_perm("governance.sign_decision"):
        return None
    waiting = Decision.objects.filter(status=DecisionStatus.ADVISED, decision_maker=user.role)
    decisions = list(waiting.order_by("advised_at", "id")[:10])
    return {
        "decisions": with_due_dates(
            decisions, "advised_at", settings.DECISION_SIGNATURE_TARGET_WORKING_DAYS
        ),
        "count": waiting.count(),
        "empty": "Nothing awaits your signature.",
    }


def decision_notice_context(document):
    decision = document.of
    documents = list(decision.documents.all())
    return {
        "decision": decision,
        "document": document,
        "public_documents": [d for d in documents if d.is_public],
        "withheld_documents": [d for d in documents if not d.is_public],
    }


def decisions_last_updated():
    from django.db.models import Max
    from django.utils import timezone

    from governance.models import Decision

    latest = Decision.objects.published().aggregate(latest=Max("published_at"))["latest"]
    return timezone.localdate(latest) if latest else None


def forward_plan_last_updated():
    from django.db.models import Max
    from django.utils import timezone

    from governance.models import ForwardPlanItem

    latest = ForwardPlanItem.history.aggregate(latest=Max("history_date"))["latest"]
    return timezone.localdate(latest) if latest else None


def annual_last_updated():
    from django.db.models import Max
    from django.utils import timezone

    from governance.models import AnnualReport

    latest = AnnualReport.objects.aggregate(latest=Max("published_at"))["latest"]
    return timezone.localdate(latest) if latest else None


def decisions_report_section(start, end) -> dict:
    """Decisions signed from ``start`` to ``end`` (inclusive), for the quarterly panel report:
    how many, by decision maker, and the list of those published (the panel reads published
    decisions; the rest are counted, never named), in two queries."""
    from django.db.models import Count, Q

    from governance.models import Decision, DecisionMaker, DecisionStatus

    signed = Decision.objects.filter(signed_at__date__range=(start, end))
    totals = signed.aggregate(
        signed=Count("id"),
        by_pcc=Count("id", filter=Q(decision_maker=DecisionMaker.PCC)),
        by_deputy=Count("id", filter=Q(decision_maker=DecisionMaker.DEPUTY)),
        significant=Count("id", filter=Q(significant_public_interest=True)),
    )
    decisions = list(
        signed.filter(status=DecisionStatus.PUBLISHED)
        .only("reference", "title", "decision_maker", "signed_at", "significant_public_interest")
        .order_by("signed_at", "id")
    )
    return {"start": start, "end": end, "totals": totals, "decisions": decisions}


def register() -> None:
    from governance.seed_decisions import seed_decisions
    from governance.services.annual import annual_report_context

    dashboard_panels.register(
        "awaiting_my_advice",
        DashboardPanel(
            "awaiting_my_advice",
            "Awaiting my advice",
            "governance/panels/decisions.html",
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
            awaiting_my_signature,
            11,
        ),
    )
    transparency_sources.register(
        "decisions", TransparencySource("decisions", "decision_register", decisions_last_updated)
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
        TransparencySource("forward-plan", "forward_plan_public", forward_plan_last_updated),
    )
    transparency_sources.register(
        "police-and-crime-plan",
        TransparencySource("police-and-crime-plan", "annual_reports_public", annual_last_updated),
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
