"""The rota: planned, unannounced visits by at least two visitors (ICV Code of Practice), never
the same pair every time, and only by visitors whose vetting lasts the week."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from custody_visits.models import (
    MINIMUM_VISITORS,
    VISIT_TRANSITIONS,
    CustodySuite,
    CustodyVisit,
    VisitAssignment,
    Visitor,
    VisitStatus,
)
from custody_visits.services.common import require_scheme_manager
from custody_visits.services.findings import close_findings_of_cancelled_visit
from opcc import workflow


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _neighbouring_teams(visitor: Visitor, week_starting: date) -> list[tuple[str, frozenset[int]]]:
    """The teams of this visitor's nearest visits before and after ``week_starting``
    (cancelled ones aside): the rota may be planned out of order, so both sides count."""
    visits = CustodyVisit.objects.filter(assignments__visitor=visitor).exclude(
        status=VisitStatus.CANCELLED
    )
    nearest = (
        (
            "previous visit was",
            visits.filter(week_starting__lt=week_starting).order_by("-week_starting", "-id"),
        ),
        (
            "next visit is",
            visits.filter(week_starting__gt=week_starting).order_by("week_starting", "id"),
        ),
    )
    teams = []
    for which, candidates in nearest:
        visit = candidates.first()
        if visit is not None:
            teams.append((which, frozenset(visit.assignments.values_list("visitor_id", flat=True))))
    return teams


def _locked_visitors(visitors: list[Visitor]) -> list[Visitor]:
    """The visitors re-read under row locks, in a fixed order (no deadlock between two plans):
    two plans made at once for the same people then check one after the other."""
    locked = {
        visitor.pk: visitor
        for visitor in Visitor.objects.select_for_update()
        .select_related("user")
        .filter(pk__in=[visitor.pk for visitor in visitors])
        .order_by("pk")
    }
    return [locked[visitor.pk] for visitor in visitors]


def check_visitors(visitors: list[Visitor], week_starting: date) -> None:
    """Refuse a team that is too small, names someone twice, holds someone who may not visit
    that week or is already on a visit that week, or repeats the team of either visitor's
    nearest visit before or after. Call inside a transaction: the visitors are locked."""
    ids = [visitor.pk for visitor in visitors]
    if len(set(ids)) != len(ids):
        raise ValidationError({"visitors": "Choose each visitor only once"})
    if len(ids) < MINIMUM_VISITORS:
        raise ValidationError({"visitors": f"Choose at least {MINIMUM_VISITORS} visitors"})
    visitors = _locked_visitors(visitors)
    last_day = week_starting + timedelta(days=6)
    problems = []
    for visitor in visitors:
        if not visitor.is_active:
            problems.append(f"{visitor} is not an active visitor")
        elif visitor.training_completed_on is None:
            problems.append(f"{visitor} has not completed their training")
        elif not visitor.vetting_valid_on(last_day):
            problems.append(
                f"{visitor}'s vetting lapses on {visitor.vetting_expires_on:%-d %B %Y}, "
                "before the end of that week"
            )
    if problems:
        raise ValidationError({"visitors": problems})
    busy = set(
        VisitAssignment.objects.filter(visitor__in=ids, visit__week_starting=week_starting)
        .exclude(visit__status=VisitStatus.CANCELLED)
        .values_list("visitor_id", flat=True)
    )
    if busy:
        raise ValidationError(
            {
                "visitors": [
                    f"{visitor} is already on a visit that week: choose someone else"
                    for visitor in visitors
                    if visitor.pk in busy
                ]
            }
        )
    team = frozenset(ids)
    for visitor in visitors:
        for which, neighbours in _neighbouring_teams(visitor, week_starting):
            if neighbours == team:
                raise ValidationError(
                    {
                        "visitors": f"{visitor}'s {which} with the same visitors: "
                        "choose a different team, so no two people always visit together"
                    }
                )


def plan_visit(
    actor, *, suite: CustodySuite, week_starting: date, visitors: list[Visitor]
) -> CustodyVisit:
    """Put a visit on the rota for a suite's week, with its visitors."""
    require_scheme_manager(actor, "plan a custody visit")
    week_starting = monday_of(week_starting)
    if not suite.is_open:
        raise ValidationError({"suite": f"{suite} is closed: choose an open suite"})
    with transaction.atomic():
        check_visitors(visitors, week_starting)
        visit = CustodyVisit(suite=suite, week_starting=week_starting)
        visit._history_user = actor
        visit.full_clean()
        visit.save()
        for visitor in visitors:
            assignment = VisitAssignment(visit=visit, visitor=visitor)
            assignment._history_user = actor
            assignment.save()
        return visit


def change_planned_visit(
    actor, visit: CustodyVisit, *, week_starting: date, visitors: list[Visitor]
) -> CustodyVisit:
    """Move a planned visit to another week or change its visitors, with the checks of
    planning one (the visit itself set aside, so it does not clash with its old self)."""
    require_scheme_manager(actor, f"change visit {visit.pk}")
    week_starting = monday_of(week_starting)
    with transaction.atomic():
        current = workflow.locked(visit)
        if current.status != VisitStatus.PLANNED or current.visited_on:
            raise ValidationError(
                "Only a planned visit whose report has not been started can be changed."
            )
        old_assignments = list(current.assignments.all())
        for assignment in old_assignments:
            assignment._history_user = actor
            assignment.delete()
        check_visitors(visitors, week_starting)
        current.week_starting = week_starting
        workflow.save_versioned(current, actor)
        for visitor in visitors:
            assignment = VisitAssignment(visit=current, visitor=visitor)
            assignment._history_user = actor
            assignment.save()
        return current


def cancel_visit(actor, visit: CustodyVisit, *, reason: str) -> CustodyVisit:
    """Take a planned visit off the rota, saying why."""
    require_scheme_manager(actor, f"cancel visit {visit.pk}")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the visit is cancelled"})
    with transaction.atomic():
        current = workflow.locked(visit)
        workflow.move(current, VisitStatus.CANCELLED, VISIT_TRANSITIONS)
        current.cancelled_reason = reason.strip()
        workflow.save_versioned(current, actor)
        close_findings_of_cancelled_visit(
            actor, current, note=f"The visit was cancelled: {current.cancelled_reason}"
        )
        return current
