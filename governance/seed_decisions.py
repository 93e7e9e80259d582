"""Demo decisions in every state, an open and a considered Monitoring Officer report, and (with
--scale) many published decisions for the benchmarks. The demo is made through the services, so
it has the same history, advice and notifications as real use; the benchmark decisions are
bulk-created (opcc.seed_bulk)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from governance.models import (
    AdviceKind,
    Decision,
    DecisionMaker,
    DecisionSequence,
    DecisionStatus,
    ReportGround,
    ReportKind,
    ReportOutcome,
    ReportStatus,
)
from governance.notices import DECLARATION
from governance.services import decisions as services
from governance.services import reports as report_services
from opcc import seed_bulk
from opcc.models import User

DEMO_MARKER = "Community safety grants 2026/27"

DECISIONS = [
    # (title, summary, significant public interest, how far it goes)
    (
        DEMO_MARKER,
        "Grants of £1.2m to the county's community safety partnerships.",
        True,
        "published",
    ),
    (
        "Precept proposal for 2026/27",
        "The proposed policing precept for the Police and Crime Panel.",
        True,
        "published",
    ),
    (
        "Victim support services contract award",
        "Award of the victims' services contract for three years.",
        True,
        "published",
    ),
    (
        "Estates strategy: disposal of the former Westgate station",
        "Sale of a police station no longer used.",
        True,
        "signed",
    ),
    (
        "Renewal of the office's IT support agreement",
        "Renewal of a routine support agreement.",
        False,
        "signed",
    ),
    (
        "Violence against women and girls commissioning plan",
        "Commissioning intentions for 2027 to 2030.",
        True,
        "advised",
    ),
    (
        "Rural crime partnership funding",
        "Funding for the rural crime partnership for two years.",
        True,
        "awaiting_advice",
    ),
    (
        "Independent custody visiting scheme handbook",
        "Approval of the revised scheme handbook.",
        False,
        "draft",
    ),
    (
        "Drone unit expansion",
        "Proposal to expand the force drone unit, withdrawn after review.",
        True,
        "withdrawn",
    ),
    (
        "Direct award of a consultancy contract",
        "Proposal to appoint consultants without competition.",
        True,
        "halted",
    ),
    (
        "Youth diversion programme extension",
        "Extension of the youth diversion programme for a year.",
        True,
        "released",
    ),
]


def demo_people():
    people = {user.role: user for user in User.objects.filter(is_demo_account=True)}
    needed = {"pcc", "chief_executive", "cfo", "staff"}
    return people if needed <= set(people) else None


# Categories from the scheme of delegation (the statutory ones are made by a migration).
CATEGORIES = {
    DEMO_MARKER: "grants-and-commissioning",
    "Precept proposal for 2026/27": "precept-and-budget",
    "Victim support services contract award": "contracts-and-procurement",
    "Estates strategy: disposal of the former Westgate station": "estates-and-land",
    "Renewal of the office's IT support agreement": "contracts-and-procurement",
    "Violence against women and girls commissioning plan": "grants-and-commissioning",
    "Rural crime partnership funding": "grants-and-commissioning",
    "Direct award of a consultancy contract": "contracts-and-procurement",
    "Replacement of the custody suite CCTV": "contracts-and-procurement",
    "Lease of two community engagement vans": "contracts-and-procurement",
}


def draft_demo_decision(staff, title, summary, public_interest, **fields):
    from governance.models import DecisionCategory

    category = DecisionCategory.objects.filter(slug=CATEGORIES.get(title, "general")).first()
    return services.draft_decision(
        staff,
        title=title,
        summary=summary,
        background="Set out in the report to the Commissioner's accountability board.",
        options_considered="Option 1: do nothing. Option 2: proceed as recommended.",
        decision_text=f"To approve: {summary[0].lower()}{summary[1:]}",
        reasons="It supports the Police and Crime Plan's priorities and offers value for money.",
        financial_implications="Within the budget approved for the year.",
        legal_implications="Within the Commissioner's powers (Police Reform and Social "
        "Responsibility Act 2011).",
        equality_implications="An equality impact assessment found no adverse impact.",
        decision_maker=DecisionMaker.PCC,
        significant_public_interest=public_interest,
        confidential_annex="Bidders' prices and scoring." if "contract" in title.lower() else "",
        restriction_reason="Commercially sensitive information (FOIA s.43)."
        if "contract" in title.lower()
        else "",
        **({"category": category} if category else {}),
        **fields,
    )


def advise_demo_decision(people, decision):
    services.submit_for_advice(people["staff"], decision)
    services.record_advice(
        people["chief_executive"], decision, kind=AdviceKind.LEGAL,
        text="The decision is within the Commissioner's powers and the process is sound.",
    )  # fmt: skip
    services.record_advice(
        people["cfo"], decision.__class__.objects.get(pk=decision.pk), kind=AdviceKind.FINANCIAL,
        text="The cost is met from the approved budget.",
    )  # fmt: skip


def _issue_report(people, decision, title):
    report = report_services.draft_report(
        people["chief_executive"],
        kind=ReportKind.MONITORING_OFFICER,
        title=title,
        decision=decision,
        ground=ReportGround.UNLAWFUL,
        findings="Awarding the contract without competition would breach the Public Contracts "
        "Regulations 2015.",
        recommendations="Do not make the award; run a compliant procurement.",
    )
    return report_services.issue_report(people["chief_executive"], report)


def seed_decisions(scale: int, log) -> None:
    people = demo_people()
    if people is None:
        log("decisions: demo people missing; run the people seeder first")
        return
    if not Decision.objects.filter(title=DEMO_MARKER).exists():
        for title, summary, public_interest, stage in DECISIONS:
            decision = draft_demo_decision(people["staff"], title, summary, public_interest)
            if stage == "draft":
                continue
            if stage == "withdrawn":
                services.withdraw_decision(
                    people["staff"], decision, reason="Superseded by the national drone review."
                )
                continue
            if stage == "halted":
                _issue_report(
                    people, decision, "Report on the proposed direct award of consultancy"
                )
                continue
            if stage == "released":
                report = _issue_report(people, decision, "Report on the youth diversion extension")
                report_services.record_consideration(
                    people["pcc"], report, response="I have considered the report with the "
                    "Chief Executive.", outcome=ReportOutcome.ACCEPTS,
                    outcome_reasons="The procurement will be re-run.", action_taken="None yet.",
                    action_proposed="The extension will be tendered.",
                )  # fmt: skip
                continue
            if stage == "awaiting_advice":
                services.submit_for_advice(people["staff"], decision)
                continue
            advise_demo_decision(people, decision)
            if stage == "advised":
                continue
            decision.refresh_from_db()
            services.sign_decision(people["pcc"], decision, declared_interests="None")
            if stage == "published":
                decision.refresh_from_db()
                services.publish_decision(people["chief_executive"], decision)
        log(f"decisions: {len(DECISIONS)} demo decisions in every state, and two reports")
    _seed_forward_plan_and_redacted_report(people, log)
    if scale:
        seed_decisions_at_scale(scale, people["pcc"], log)


FORWARD_PLAN = (
    ("Renewal of the victims' services contract", 60),
    ("Estates strategy 2027 to 2032", 120),
    ("Precept proposal for 2027/28", 75),
)


def _seed_forward_plan_and_redacted_report(people, log) -> None:
    """The public forward plan, and the considered report's redacted version, so the hub's two
    categories they feed are current in the demo."""
    from datetime import timedelta

    from django.utils import timezone

    from governance.models import ForwardPlanItem, StatutoryReport
    from governance.services.forward_plan import save_forward_plan_item

    if not ForwardPlanItem.objects.exists():
        for title, days in FORWARD_PLAN:
            save_forward_plan_item(
                people["chief_executive"],
                title=title,
                expected_on=timezone.localdate() + timedelta(days=days),
                is_public=True,
            )
        log(f"forward plan: {len(FORWARD_PLAN)} expected decisions")
    considered = StatutoryReport.objects.filter(
        status=ReportStatus.CONSIDERED, redacted_published_at=None
    ).first()
    if considered is not None and not StatutoryReport.objects.redacted_published().exists():
        report_services.publish_redacted(
            people["chief_executive"],
            considered,
            redacted_title="Monitoring Officer report on a proposed contract extension",
            redacted_text="The Monitoring Officer advised that extending a contract without "
            "competition would breach the procurement rules. The Commissioner accepted the "
            "report and the work will be tendered.",
        )
        log("statutory reports: a redacted version published")


# Benchmark decisions: (what is decided, about what), combined so titles and search vary.
BENCHMARK_SUBJECTS = (
    ("Grant to", "the community safety partnership"),
    ("Contract award for", "victims' and witnesses' support services"),
    ("Funding for", "the rural crime partnership"),
    ("Approval of", "the estates strategy for the north of the county"),
    ("Extension of", "the youth diversion programme"),
    ("Commissioning of", "domestic abuse perpetrator programmes"),
    ("Purchase of", "body-worn video cameras for response officers"),
    ("Renewal of", "the drone unit's maintenance agreement"),
    ("Variation of", "the collaboration agreement on forensic services"),
    ("Disposal of", "a police house no longer needed"),
)
BENCHMARK_AREAS = ("Northfield", "Westbury", "Riverton", "Eastfield", "Old Town", "the county")


def seed_decisions_at_scale(scale: int, signer, log) -> None:
    """Bulk-create ``scale`` published decisions over ten years (no history), numbered in each
    year as the service numbers them, after the numbers already used."""
    wanted = seed_bulk.missing(Decision, "decision", seed_bulk.share(scale, "decisions"))
    if not wanted:
        return
    from governance.models.delegation import general_category_id

    today = timezone.localdate()
    category = general_category_id()  # once: the model's default would ask for each row
    by_year: dict[int, list[tuple]] = {}
    for n in wanted:
        day = seed_bulk.day_of(n, today)
        by_year.setdefault(day.year, []).append((day, n))
    with transaction.atomic():
        for year, rows in sorted(by_year.items()):
            sequence, _ = DecisionSequence.objects.select_for_update().get_or_create(year=year)
            first = sequence.last_number + 1
            rows.sort()  # numbers follow the dates within the year, as they would in use
            seed_bulk.create(
                Decision,
                (
                    _benchmark_decision(n, year, number, day, signer, category)
                    for number, (day, n) in enumerate(rows, start=first)
                ),
            )
            sequence.last_number = first + len(rows) - 1
            sequence.save(update_fields=["last_number"])
    log(f"decisions: {len(wanted)} benchmark decisions added")


def _benchmark_decision(n, year, number, day, signer, category) -> Decision:
    verb, subject = seed_bulk.pick(n, 1, BENCHMARK_SUBJECTS)
    area = seed_bulk.pick(n, 2, BENCHMARK_AREAS)
    amount = 5_000 + seed_bulk.mix(n, 3, 400) * 2_500
    signed = seed_bulk.moment(day, 9 + n % 8)
    contract = verb.startswith("Contract")
    return Decision(
        code=seed_bulk.code_for("decision", n),
        year=year,
        number=number,
        reference=f"{year}/{number:03d}",
        title=f"{verb} {subject} in {area}"[:250],
        summary=f"{verb} {subject} in {area}, at a cost of £{amount:,}.",
        background="Set out in the report to the Commissioner's accountability board.",
        options_considered="Option 1: do nothing. Option 2: proceed as recommended.",
        decision_text=f"To approve the {verb.lower()} {subject} in {area}.",
        reasons="It supports the Police and Crime Plan's priorities and offers value for money.",
        financial_implications=f"£{amount:,}, within the budget approved for the year.",
        legal_implications="Within the Commissioner's powers.",
        equality_implications="An equality impact assessment found no adverse impact.",
        category_id=category,
        decision_maker=DecisionMaker.PCC,
        significant_public_interest=True,
        confidential_annex="Bidders' prices and scoring." if contract else "",
        restriction_reason="Commercially sensitive information (FOIA s.43)." if contract else "",
        status=DecisionStatus.PUBLISHED,
        declared_interests="None",
        declaration=DECLARATION,
        created_by=signer,
        created_at=signed - timedelta(days=21),
        advice_requested_at=signed - timedelta(days=14),
        advised_at=signed - timedelta(days=3),
        signed_by=signer,
        signed_at=signed,
        published_at=signed + timedelta(hours=2),
    )
