"""Demo custody visiting scheme: suites (one closed), a dozen visitors (one with lapsed vetting,
one expiring soon, the demo visitor among them), a year of filed visits with detainees of each
outcome and findings in every state (some overdue), the coming weeks' rota, and reports
waiting for the demo visitor and the scheme manager. Idempotent; ``scale`` adds that many more
reviewed visits for the benchmarks.

The past year's reports are written directly (as if filed over the year); the coming rota and
the reports in progress go through the services, so they meet every rule.
"""

import random
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from custody_visits.models import (
    Condition,
    CustodySuite,
    CustodyVisit,
    DetaineeOutcome,
    DetaineeRecord,
    Finding,
    FindingCategory,
    FindingStatus,
    NotOfferedReason,
    Severity,
    VisitAssignment,
    Visitor,
    VisitStatus,
)
from custody_visits.services import rota
from custody_visits.services.findings import response_due_on
from opcc.models import User
from opcc.roles import Role, sync_role_group
from opcc.seed import DEMO_PASSWORD

SUITES = (
    ("Central Police Station", "1 Castle Street, Anytown AN1 1AA", 32, True, 5),
    ("Northgate Custody Centre", "Northgate Road, Anytown AN4 2BB", 40, True, 5),
    ("Riverside Police Station", "12 Quay Lane, Riverton RV1 3CC", 18, True, 4),
    ("Eastfield Custody Suite", "Eastfield Business Park, Eastfield EF2 4DD", 24, True, 4),
    ("Old Town Police Station", "8 Market Place, Old Town OT1 5EE", 10, False, 2),
)
DEMO_VISITOR_EMAIL = "visitor@opcc.example"
STAFF_EMAIL = "staff@opcc.example"
VISITOR_NAMES = (
    "Aled Rhys",
    "Bea Okafor",
    "Callum Reid",
    "Dana Kowalski",
    "Emeka Obi",
    "Freya Lund",
    "Gwen Harris",
    "Harun Aziz",
    "Isla McKay",
    "Jonah Price",
    "Kiran Mehta",
)
DESCRIPTIONS = {
    FindingCategory.RIGHTS: "A detainee had not been given the written notice of rights.",
    FindingCategory.HEALTH: "A detainee waited over an hour to see the healthcare professional.",
    FindingCategory.FOOD: "Microwave meals had run out; only snacks were on offer.",
    FindingCategory.CELL: "The call bell in one cell did not work.",
    FindingCategory.CLEANLINESS: "The shower area had not been cleaned.",
    FindingCategory.TEMPERATURE: "The cells on the east corridor were cold.",
    FindingCategory.EQUIPMENT: "No spare mattresses were available.",
    FindingCategory.ACCESS: "Admission was delayed without a reason being given.",
    FindingCategory.OTHER: "Reading material was out of date and in poor condition.",
}


def seed_scheme(scale: int, log) -> None:
    manager = User.objects.filter(email=STAFF_EMAIL).first()
    demo_visitor = User.objects.filter(email=DEMO_VISITOR_EMAIL).first()
    if manager is None or demo_visitor is None:
        log("custody visiting: demo people missing, skipped")
        return
    today = timezone.localdate()
    suites = _seed_suites()
    visitors = _seed_visitors(demo_visitor, today)
    if not CustodyVisit.objects.filter(suite__in=suites).exists():
        made = _seed_year(suites, visitors, manager, today)
        log(f"custody visiting: {made} visits of the past year added")
        _seed_in_progress(suites, visitors, manager, today)
        planned = _seed_rota(suites, visitors, manager, today)
        log(f"custody visiting: {planned} visits planned for the coming weeks")
    if scale:
        _seed_at_scale(scale, suites, visitors, today, log)


def _seed_suites() -> list[CustodySuite]:
    suites = []
    for name, address, cells, is_open, target in SUITES:
        suite, _ = CustodySuite.objects.get_or_create(
            name=name,
            defaults={
                "address": address,
                "cells": cells,
                "is_open": is_open,
                "visits_per_month_target": target,
            },
        )
        suites.append(suite)
    return suites


def _seed_visitors(demo_visitor, today) -> list[Visitor]:
    users = [demo_visitor]
    for n, name in enumerate(VISITOR_NAMES, start=1):
        user, created = User.objects.get_or_create(
            email=f"icv{n:02d}@opcc.example",
            defaults={"full_name": name, "role": Role.VISITOR, "is_demo_account": True},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            sync_role_group(user)
        users.append(user)
    visitors = []
    for n, user in enumerate(users):
        expires = today + timedelta(days=400 + 30 * n)
        if n == 10:
            expires = today - timedelta(days=20)  # lapsed: off the rota until re-vetted
        elif n == 11:
            expires = today + timedelta(days=30)  # expiring soon: flagged to the manager
        visitor, _ = Visitor.objects.get_or_create(
            user=user,
            defaults={
                "appointed_on": today - timedelta(days=700 - 20 * n),
                "vetting_expires_on": expires,
                "training_completed_on": today - timedelta(days=650 - 20 * n),
            },
        )
        visitors.append(visitor)
    return visitors


def _pairs(visitors, day):
    """Every pair of visitors who may visit on ``day``, in a fixed shuffled order."""
    able = [v for v in visitors if v.may_visit_on(day)]
    pairs = [(a, b) for i, a in enumerate(able) for b in able[i + 1 :]]
    random.Random(day.toordinal()).shuffle(pairs)  # noqa: S311 - demo data
    return pairs


def _save(record, actor):
    record._history_user = actor
    record.save()
    return record


def _seed_year(suites, visitors, manager, today) -> int:
    chance = random.Random(2026)  # noqa: S311 - demo data, repeatable
    first_week = rota.monday_of(today) - timedelta(weeks=52)
    made = 0
    for week in range(50):  # up to a fortnight ago; the last weeks are in progress
        monday = first_week + timedelta(weeks=week)
        pairs = _pairs(visitors, monday + timedelta(days=6))
        for n, suite in enumerate(s for s in suites if s.is_open):
            with transaction.atomic():
                _filed_visit(suite, monday, pairs[(week * 4 + n) % len(pairs)], manager, chance)
            made += 1
    return made


def _filed_visit(suite, monday, pair, manager, chance) -> CustodyVisit:
    visited_on = monday + timedelta(days=chance.randrange(7))
    arrival = time(chance.randrange(7, 22), chance.choice((0, 15, 30, 45)))
    stay = timedelta(minutes=chance.randrange(60, 130, 5))
    departure = (datetime.combine(visited_on, arrival) + stay).time()
    delayed = chance.random() < 0.15
    in_custody = chance.randrange(0, 9)
    submitter, confirmer = pair
    filed = timezone.make_aware(datetime.combine(visited_on, departure))
    visit = _save(
        CustodyVisit(
            suite=suite,
            week_starting=monday,
            status=VisitStatus.REVIEWED,
            visited_on=visited_on,
            arrived_at=arrival,
            departed_at=departure,
            admission_delayed=delayed,
            delay_minutes=chance.randrange(5, 40) if delayed else None,
            delay_reason="Custody staff dealing with a new arrival" if delayed else "",
            delay_authorised_by="Sergeant Kim Shaw" if delayed else "",
            detainees_in_custody=in_custody,
            cleanliness=chance.choice(Condition.values),
            temperature=chance.choice(Condition.values),
            equipment=chance.choice(Condition.values),
            submitted_by=submitter.user,
            submitted_at=filed,
            confirmed_by=confirmer.user,
            confirmed_at=filed + timedelta(days=1),
            reviewed_by=manager,
            reviewed_at=filed + timedelta(days=3),
        ),
        submitter.user,
    )
    for visitor in pair:
        _save(VisitAssignment(visit=visit, visitor=visitor), manager)
    for number in range(chance.randrange(0, in_custody + 1)):
        outcome = chance.choices(DetaineeOutcome.values, weights=(6, 3, 2))[0]
        _save(
            DetaineeRecord(
                visit=visit,
                custody_number=f"{suite.pk:02d}/{visited_on:%y}/{visit.pk:04d}{number}",
                outcome=outcome,
                not_offered_reason=chance.choice(NotOfferedReason.values)
                if outcome == DetaineeOutcome.NOT_OFFERED
                else "",
                is_juvenile=chance.random() < 0.08,
                is_vulnerable=chance.random() < 0.15,
                rights_offered=outcome == DetaineeOutcome.VISITED or None,
                health_and_wellbeing="Seen by the nurse; no concerns."
                if outcome == DetaineeOutcome.VISITED
                else "",
            ),
            submitter.user,
        )
    if chance.random() < 0.35:
        _finding(visit, manager, chance)
    return visit


def _finding(visit, manager, chance) -> Finding:
    category = chance.choice(FindingCategory.values)
    finding = Finding(
        visit=visit,
        category=category,
        severity=chance.choices(Severity.values, weights=(5, 3, 1))[0],
        description=DESCRIPTIONS[category],
    )
    age = (timezone.localdate() - visit.visited_on).days
    raised_on = visit.visited_on + timedelta(days=2)
    if age > 14 or chance.random() < 0.5:
        finding.status = FindingStatus.RAISED
        finding.raised_with = chance.choice(("Inspector Sam Lee", "Inspector Ravi Kaur"))
        finding.raised_on, finding.raised_by = raised_on, manager
        finding.due_on = response_due_on(raised_on)
    answered = age > 120 or (age > 45 and chance.random() < 0.6)
    if finding.status == FindingStatus.RAISED and answered:
        finding.status = FindingStatus.RESPONDED
        finding.responded_on = raised_on + timedelta(days=chance.randrange(5, 40))
        finding.force_response = "The custody inspector has put this right and briefed the team."
        if age > 60:
            finding.status = FindingStatus.CLOSED
            finding.closed_on = finding.responded_on + timedelta(days=chance.randrange(1, 10))
            finding.closed_by = manager
    return _save(finding, manager)


def _seed_in_progress(suites, visitors, manager, today) -> None:
    """The last fortnight: reports to review, one for the demo visitor to confirm, one to file."""
    from custody_visits.services import visit_reports as reports

    demo, open_suites = visitors[0], [s for s in suites if s.is_open]
    monday = rota.monday_of(today) - timedelta(weeks=2)
    chance = random.Random(7)  # noqa: S311 - demo data, repeatable
    for n, suite in enumerate(open_suites[:2]):
        pair = _pairs(visitors, monday + timedelta(days=6))[n + 5]
        visit = _filed_visit(suite, monday, pair, manager, chance)
        visit.status, visit.reviewed_by, visit.reviewed_at = VisitStatus.CONFIRMED, None, None
        _save(visit, manager)
    last_week = rota.monday_of(today) - timedelta(weeks=1)
    partners = [v for v in visitors[1:] if v.may_visit_on(last_week + timedelta(days=6))]
    for partner in partners:
        to_confirm = _planned(open_suites[2], monday, [partner, demo], manager)
        if to_confirm is not None:
            break
    if to_confirm is not None:
        answers = {
            "visited_on": monday + timedelta(days=2),
            "arrived_at": time(20, 15),
            "departed_at": time(21, 40),
            "detainees_in_custody": 4,
            "admission_delayed": False,
            "cleanliness": Condition.GOOD,
            "temperature": Condition.ADEQUATE,
            "equipment": Condition.GOOD,
        }
        reports.update_report(partner.user, to_confirm, expected_version=1, **answers)
        reports.save_detainee(
            partner.user,
            to_confirm,
            custody_number="03/26/4411",
            outcome=DetaineeOutcome.DECLINED,
            rights_offered=True,
        )
        reports.save_finding(
            partner.user,
            to_confirm,
            category=FindingCategory.FOOD,
            severity=Severity.LOW,
            description=DESCRIPTIONS[FindingCategory.FOOD],
        )
        # Each step above bumped the report's version: submit what was last saved.
        to_confirm.refresh_from_db()
        reports.submit_report(partner.user, to_confirm, expected_version=to_confirm.version)
    for partner in reversed(partners):
        if _planned(open_suites[3], last_week, [demo, partner], manager) is not None:
            break


def _planned(suite, monday, team, manager):
    try:
        return rota.plan_visit(manager, suite=suite, week_starting=monday, visitors=team)
    except ValidationError:
        return None


def _seed_rota(suites, visitors, manager, today) -> int:
    planned = 0
    for week in range(4):
        monday = rota.monday_of(today) + timedelta(weeks=week)
        pairs = _pairs(visitors, monday + timedelta(days=6))
        for n, suite in enumerate(s for s in suites if s.is_open):
            for pair in pairs[(week * 4 + n) :] + pairs[: (week * 4 + n)]:
                if _planned(suite, monday, list(pair), manager) is not None:
                    planned += 1
                    break
    return planned


def _seed_at_scale(scale, suites, visitors, today, log) -> None:
    """Reviewed visits in bulk (without history) for the benchmarks: idempotent by count."""
    open_suites = [s for s in suites if s.is_open]
    existing = CustodyVisit.objects.filter(review_notes="benchmark").count()
    wanted = max(scale - existing, 0)
    visits = []
    for n in range(wanted):
        day = today - timedelta(days=1 + n % 360)
        visits.append(
            CustodyVisit(
                suite=open_suites[n % len(open_suites)],
                week_starting=rota.monday_of(day),
                status=VisitStatus.REVIEWED,
                visited_on=day,
                arrived_at=time(10 + n % 10, 0),
                departed_at=time(11 + n % 10, 30),
                detainees_in_custody=n % 7,
                admission_delayed=False,
                cleanliness=Condition.GOOD,
                temperature=Condition.GOOD,
                equipment=Condition.GOOD,
                review_notes="benchmark",
            )
        )
    made = CustodyVisit.objects.bulk_create(visits, batch_size=2000)
    VisitAssignment.objects.bulk_create(
        [
            VisitAssignment(visit=visit, visitor=visitors[(n + k) % len(visitors)])
            for n, visit in enumerate(made)
            for k in (0, 1)
        ],
        batch_size=4000,
    )
    log(f"custody visiting: {wanted} benchmark visits added")
