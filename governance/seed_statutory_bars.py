"""Demo statutory bars: a running s.114(3) prohibition period with one decision signed under
the CFO's written authorisation and one waiting for it, and a published decision whose
implementation a Monitoring Officer report suspends. After the demo decisions (it reports on
one of them)."""

from governance.models import (
    AuthorisationGround,
    Decision,
    ReportGround,
    ReportKind,
    StatutoryReport,
)
from governance.seed_decisions import advise_demo_decision, demo_people, draft_demo_decision
from governance.services import decisions as services
from governance.services import reports as report_services
from governance.services import spending

SECTION_114_3_MARKER = "Section 114(3) report: 2027/28 spending likely to exceed resources"


def seed_statutory_bars(scale: int, log) -> None:
    """Once. The s.114(3) report is on the 2027/28 budget and the demo's other decisions commit
    no new expenditure, so the rest of the demo is untouched by its bar."""
    people = demo_people()
    if people is None:
        log("statutory bars: demo people missing; run the people seeder first")
        return
    if StatutoryReport.objects.filter(title=SECTION_114_3_MARKER).exists():
        return
    cfo, pcc = people["cfo"], people["pcc"]
    report = report_services.draft_report(
        cfo, kind=ReportKind.CHIEF_FINANCE_OFFICER, title=SECTION_114_3_MARKER,
        matter="The revenue budget for the 2027/28 financial year.",
        ground=ReportGround.UNBALANCED_BUDGET,
        findings="Committed and proposed expenditure for 2027/28 exceeds the resources available, "
        "including reserves, by £3.4m after the pay award and the fall in the police grant.",
        recommendations="No new spending commitments without my written authorisation; a "
        "revised budget to the Police and Crime Panel.",
    )  # fmt: skip
    report = report_services.issue_report(cfo, report)
    authorised = draft_demo_decision(
        people["staff"], "Replacement of the custody suite CCTV",
        "Replacement of failing CCTV cameras in the central custody suite.", True,
        commits_expenditure=True, expenditure_amount=48500,
    )  # fmt: skip
    advise_demo_decision(people, authorised)
    spending.authorise_new_agreement(
        cfo, authorised, report=report, ground=AuthorisationGround.PREVENT_WORSENING,
        reasons="Failing cameras put detainees at risk and the force at risk of claims far "
        "larger than the cost; the work is within the capital programme already financed.",
    )  # fmt: skip
    authorised.refresh_from_db()
    services.sign_decision(pcc, authorised, declared_interests="None")
    authorised.refresh_from_db()
    services.publish_decision(people["chief_executive"], authorised)
    waiting = draft_demo_decision(
        people["staff"], "Lease of two community engagement vans",
        "A three-year lease of two vans for neighbourhood engagement events.", True,
        commits_expenditure=True, expenditure_amount=36000,
    )  # fmt: skip
    advise_demo_decision(people, waiting)
    published = Decision.objects.filter(title="Victim support services contract award").first()
    if published is not None and published.is_published:
        mo_report = report_services.draft_report(
            people["chief_executive"], kind=ReportKind.MONITORING_OFFICER,
            title="Report on the victim support services contract award", decision=published,
            ground=ReportGround.UNLAWFUL,
            findings="The award relied on a framework that had expired before the call-off.",
            recommendations="Suspend the contract's start and re-run the call-off.",
        )  # fmt: skip
        report_services.issue_report(people["chief_executive"], mo_report)
    log("statutory bars: a running s.114(3) prohibition period and a suspended decision")
