"""A demo Police and Crime Plan: three priorities, two measures each, and the force's figures for
the last four complete quarters. Made through the services; idempotent (known by its title)."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from opcc.models import User
from scrutiny.models import Direction, PoliceAndCrimePlan
from scrutiny.quarters import previous_quarters, quarter_start
from scrutiny.services import plan as services

STAFF_EMAIL = "staff@opcc.example"
TITLE = "Police and Crime Plan 2025 to 2029"

# (priority, [(measure, unit, target, direction, four quarters' figures, oldest first)])
PRIORITIES = [
    (
        "Cutting crime and antisocial behaviour",
        [
            (
                "Neighbourhood crime",
                "crimes",
                2400,
                Direction.LOWER_IS_BETTER,
                (2610, 2540, 2475, 2390),
            ),
            (
                "Antisocial behaviour incidents",
                "incidents",
                5200,
                Direction.LOWER_IS_BETTER,
                (5480, 5390, 5150, 5010),
            ),
        ],
    ),
    (
        "Supporting victims",
        [
            (
                "Victims satisfied with the service",
                "%",
                80,
                Direction.HIGHER_IS_BETTER,
                (74, 76, 79, 81),
            ),
            (
                "Victims contacted within 24 hours",
                "%",
                90,
                Direction.HIGHER_IS_BETTER,
                (86, 88, 87, 91),
            ),
        ],
    ),
    (
        "An efficient and trusted police service",
        [
            (
                "999 calls answered within 10 seconds",
                "%",
                90,
                Direction.HIGHER_IS_BETTER,
                (82, 85, 88, 90),
            ),
            (
                "Days to finalise a public complaint",
                "days",
                60,
                Direction.LOWER_IS_BETTER,
                (78, 71, 66, 58),
            ),
        ],
    ),
]


def seed_plan(scale: int, log) -> None:
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    if staff is None:
        log("police and crime plan: demo people missing, skipped")
        return
    if PoliceAndCrimePlan.objects.filter(title=TITLE).exists():
        return
    today = timezone.localdate()
    plan = services.create_plan(
        staff,
        title=TITLE,
        starts_on=date(today.year - 1, 4, 1),
        ends_on=date(today.year + 3, 3, 31),
    )
    quarters = previous_quarters(quarter_start(today), 5)[:4]
    for title, measures in PRIORITIES:
        priority = services.add_priority(staff, plan, title=title)
        for name, unit, target, direction, figures in measures:
            measure = services.add_measure(
                staff, priority, name=name, unit=unit, target=Decimal(target), direction=direction
            )
            for quarter, figure in zip(quarters, figures, strict=True):
                services.record_value(staff, measure, quarter=quarter, value=Decimal(figure))
    services.publish_plan(staff, plan)
    log("police and crime plan: a plan with 3 priorities and 6 measures added")
