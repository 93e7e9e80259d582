"""Steps the statutory clock and gate tests share: a moment in time, a report issued and
considered on a given day, and a decision advised and signed."""

from decimal import Decimal

import time_machine

from governance.models import AdviceKind, ReportGround, ReportKind, ReportOutcome
from governance.services import decisions as decision_services
from governance.services import reports as services
from opcc.roles import Role


def at(day: str, hour: int = 10):
    """``day`` at ``hour`` UTC, or at the time given with it ("2027-06-01 22:30", UTC)."""
    moment = day if " " in day else f"{day} {hour:02d}:00"
    return time_machine.travel(f"{moment} +0000", tick=False)


def issue(people, *, kind, ground, on="2027-06-01", **fields):
    """A report drafted and issued (copies sent) at ``on``, by the CFO or the Chief Executive."""
    author = people[Role.CFO if kind == ReportKind.CHIEF_FINANCE_OFFICER else Role.CHIEF_EXECUTIVE]
    with at(on):
        report = services.draft_report(
            author, kind=kind, title=f"Report issued {on}", ground=ground,
            findings="Spending exceeds resources.", recommendations="Stop new spending.",
            **({"matter": "The 2027/28 budget."} | fields),
        )  # fmt: skip
        return services.issue_report(author, report)


def section_114_3(people, on="2027-06-01"):
    return issue(
        people, kind=ReportKind.CHIEF_FINANCE_OFFICER, ground=ReportGround.UNBALANCED_BUDGET, on=on
    )


def mo_report(people, on="2027-06-01"):
    return issue(people, kind=ReportKind.MONITORING_OFFICER, ground=ReportGround.UNLAWFUL, on=on)


def consider(people, report, *, on):
    with at(on):
        return services.record_consideration(
            people[Role.PCC], report, response="I have considered it.",
            outcome=ReportOutcome.ACCEPTS, outcome_reasons="To balance the budget.",
            action_taken="Recruitment paused.", action_proposed="A revised budget by July.",
        )  # fmt: skip


def advised_decision(people, *, on="2027-06-02", amount=Decimal("5000"), **fields):
    """A decision with both advices given, committing ``amount`` of new expenditure (None: none)."""
    with at(on):
        decision = decision_services.draft_decision(
            people[Role.STAFF], title="New case management licences", summary="Licences.",
            commits_expenditure=amount is not None, expenditure_amount=amount,
            significant_public_interest=True, **fields,
        )  # fmt: skip
        decision_services.submit_for_advice(people[Role.STAFF], decision)
        for kind, role in (
            (AdviceKind.LEGAL, Role.CHIEF_EXECUTIVE),
            (AdviceKind.FINANCIAL, Role.CFO),
        ):
            decision_services.record_advice(people[role], decision, kind=kind, text="Advice.")
    decision.refresh_from_db()
    return decision


def sign(people, decision, on):
    with at(on):
        return decision_services.sign_decision(
            people[Role.PCC], decision, declared_interests="None"
        )
