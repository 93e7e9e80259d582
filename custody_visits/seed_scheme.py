"""Demo custody visiting scheme: suites (one closed), a dozen visitors (one with lapsed vetting,
one expiring soon, the demo visitor among them), a year of filed visits with detainees of each
outcome and findings in every state (some overdue), the coming weeks' rota, and reports
waiting for the demo visitor and the scheme manager. Idempotent; ``--scale N`` adds N/5 visits
with their reports and findings for the benchmarks (``_seed_at_scale``).

The past year's reports are written directly (as if filed over the year); the coming rota and
the reports in progress go through the services, so they meet every rule.
"""

import random
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
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
from opcc import seed_bulk
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
        _seed_at_scale(scale, suites, visitors, manager, today, log)


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


def _seed_at_scale(scale, suites, visitors, manager, today, log) -> None:
    """Benchmark visits (N/5 of ``--scale N``) over ten years, bulk-created without history:
    each with its two visitors, its report (detainees seen, declined or not offered) and, for
    about a third, a finding in the state its age gives it (some overdue)."""
    wanted = seed_bulk.missing(CustodyVisit, "visit", seed_bulk.share(scale, "custody_visits"))
    if not wanted:
        return
    open_suites = [s for s in suites if s.is_open]
    pairs = [(a, b) for i, a in enumerate(visitors) for b in visitors[i + 1 :]]
    now = seed_bulk.last_night(today)
    with transaction.atomic():
        visits = seed_bulk.create(
            CustodyVisit,
            (_benchmark_visit(n, open_suites, pairs, manager, today) for n in wanted),
        )
        seed_bulk.create(
            VisitAssignment,
            (
                VisitAssignment(visit=visit, visitor=visitor)
                for n, visit in zip(wanted, visits, strict=True)
                for visitor in pairs[seed_bulk.mix(n, 30, len(pairs))]
            ),
            batch_size=4000,
        )
        seed_bulk.create(
            DetaineeRecord,
            (
                detainee
                for n, visit in zip(wanted, visits, strict=True)
                for detainee in _benchmark_detainees(n, visit)
            ),
            batch_size=4000,
        )
        due_dates: dict = {}
        findings = seed_bulk.create(
            Finding,
            (
                _benchmark_finding(n, visit, manager, today, now, due_dates)
                for n, visit in zip(wanted, visits, strict=True)
                if seed_bulk.mix(n, 31, 20) < 7
            ),
        )
        # created_at is set to now on creation: date each finding to its visit's report instead.
        filed = CustodyVisit.objects.filter(pk=OuterRef("visit_id")).values("submitted_at")
        ids = [finding.pk for finding in findings]
        for start in range(0, len(ids), seed_bulk.BATCH_SIZE):
            Finding.objects.filter(pk__in=ids[start : start + seed_bulk.BATCH_SIZE]).update(
                created_at=Subquery(filed[:1])
            )
    log(f"custody visiting: {len(visits)} benchmark visits and {len(findings)} findings added")


def _benchmark_visit(n, suites, pairs, manager, today) -> CustodyVisit:
    visited_on = seed_bulk.day_of(n, today)
    arrival = time(7 + seed_bulk.mix(n, 32, 14), seed_bulk.pick(n, 33, (0, 15, 30, 45)))
    departure = (datetime.combine(visited_on, arrival) + timedelta(minutes=60 + n % 70)).time()
    delayed = seed_bulk.mix(n, 34, 7) == 0
    filed = seed_bulk.moment(visited_on, departure.hour, departure.minute)
    submitter, confirmer = pairs[seed_bulk.mix(n, 30, len(pairs))]
    recent = (today - visited_on).days <= 7
    return CustodyVisit(
        code=seed_bulk.code_for("visit", n),
        suite=suites[seed_bulk.mix(n, 35, len(suites))],
        week_starting=rota.monday_of(visited_on),
        status=VisitStatus.CONFIRMED if recent else VisitStatus.REVIEWED,
        visited_on=visited_on,
        arrived_at=arrival,
        departed_at=departure,
        admission_delayed=delayed,
        delay_minutes=5 + n % 35 if delayed else None,
        delay_reason="Custody staff dealing with a new arrival" if delayed else "",
        delay_authorised_by="Sergeant Kim Shaw" if delayed else "",
        detainees_in_custody=seed_bulk.mix(n, 36, 9),
        cleanliness=seed_bulk.pick(n, 37, Condition.values),
        temperature=seed_bulk.pick(n, 38, Condition.values),
        equipment=seed_bulk.pick(n, 39, Condition.values),
        submitted_by=submitter.user,
        submitted_at=filed,
        confirmed_by=confirmer.user,
        confirmed_at=filed + timedelta(hours=1),
        reviewed_by=None if recent else manager,
        reviewed_at=None if recent else filed + timedelta(days=3),
    )


def _benchmark_detainees(n, visit) -> list[DetaineeRecord]:
    detainees = []
    for number in range(seed_bulk.mix(n, 40, min(visit.detainees_in_custody, 3) + 1)):
        outcome = seed_bulk.pick(n + number, 41, DETAINEE_OUTCOMES)
        visited = outcome == DetaineeOutcome.VISITED
        detainees.append(
            DetaineeRecord(
                visit=visit,
                custody_number=f"{visit.suite_id:02d}/{visit.visited_on:%y}/{n:06d}{number}",
                outcome=outcome,
                not_offered_reason=seed_bulk.pick(n, 42, NotOfferedReason.values)
                if outcome == DetaineeOutcome.NOT_OFFERED
                else "",
                is_juvenile=seed_bulk.mix(n + number, 43, 12) == 0,
                is_vulnerable=seed_bulk.mix(n + number, 44, 7) == 0,
                rights_offered=True if visited else None,
                health_and_wellbeing="Seen by the nurse; no concerns." if visited else "",
            )
        )
    return detainees


# Visited, declined and not offered about 6 : 3 : 2, as in the demo's year.
DETAINEE_OUTCOMES = (
    *[DetaineeOutcome.VISITED] * 6,
    *[DetaineeOutcome.DECLINED] * 3,
    *[DetaineeOutcome.NOT_OFFERED] * 2,
)


def _benchmark_finding(n, visit, manager, today, now, due_dates) -> Finding:
    category = seed_bulk.pick(n, 45, FindingCategory.values)
    finding = Finding(
        code=seed_bulk.code_for("finding", n),
        visit=visit,
        category=category,
        severity=seed_bulk.pick(
            n, 46, (*[Severity.LOW] * 5, *[Severity.MEDIUM] * 3, Severity.HIGH)
        ),
        description=DESCRIPTIONS[category],
    )
    age = (today - visit.visited_on).days
    if age <= 3:
        return finding  # open: not yet raised with the custody inspector
    raised_on = visit.visited_on + timedelta(days=2)
    if raised_on not in due_dates:
        due_dates[raised_on] = response_due_on(raised_on)
    finding.status = FindingStatus.RAISED
    finding.raised_with = seed_bulk.pick(n, 47, ("Inspector Sam Lee", "Inspector Ravi Kaur"))
    finding.raised_on, finding.raised_by = raised_on, manager
    finding.due_on = due_dates[raised_on]
    answered = age > 120 or (age > 30 and seed_bulk.mix(n, 48, 5) < 3)
    if not answered:
        if finding.due_on < today:
            finding.overdue_reminder_sent_at = now  # reminded once already, as the task would
        return finding
    finding.status = FindingStatus.RESPONDED
    finding.responded_on = raised_on + timedelta(days=5 + n % 20)
    finding.force_response = "The custody inspector has put this right and briefed the team."
    if age > 60:
        finding.status = FindingStatus.CLOSED
        finding.closed_on = finding.responded_on + timedelta(days=1 + n % 9)
        finding.closed_by = manager
    return finding
