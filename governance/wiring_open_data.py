"""The governance datasets on the open data page (opcc.registry.datasets): the decisions
register and the registers of interests, gifts and hospitality, and contracts."""

from opcc.registry import AlertItem, AlertSource, Dataset, alert_sources, datasets

DECISION_FIELDS = (
    ("reference", "The decision's reference, year/number, e.g. 2026/017"),
    ("title", "The decision's title"),
    ("summary", "A summary of the decision"),
    ("decision_maker", "Who made it: the Commissioner or the Deputy"),
    ("signed_on", "The date it was signed"),
    ("published_on", "The date it was published"),
    ("url", "The decision's page, with its notice and documents"),
)
INTEREST_FIELDS = (
    ("person_name", "Whose interest it is"),
    ("person_role", "Their office"),
    ("category", "The kind of interest"),
    ("description", "The interest"),
    ("registered_on", "The date it was registered"),
    ("ended_on", "The date it ended, if it has"),
)
GIFT_FIELDS = (
    ("offered_on", "The date of the offer"),
    ("financial_year", "The financial year (April to March), e.g. 2026/27"),
    ("recipient_name", "Who was offered it"),
    ("recipient_role", "Their office"),
    ("offered_by", "Who offered it"),
    ("description", "What was offered"),
    ("estimated_value", "Its estimated value in pounds"),
    ("outcome", "accepted or declined"),
    ("reason", "Why it was accepted or declined"),
)

OTHER_CONTRACT_FIELDS = (
    ("title", "What the contract is for"),
    ("supplier", "Who supplies it"),
    ("value", "Its total value in pounds"),
    ("starts_on", "The date it starts"),
    ("ends_on", "The date it ends"),
    ("procurement_route", "How it was procured"),
)
CONTRACT_FIELDS = (
    *OTHER_CONTRACT_FIELDS,
    ("document_url", "Where to download the contract document, if published"),
)


def decisions_published_since(moment):
    """For e-mail alerts: decisions published after ``moment``, oldest first."""
    from governance.models import Decision

    decisions = Decision.objects.published().filter(published_at__gt=moment)
    return [
        AlertItem(f"decision:{d.reference}", f"Decision {d.reference}: {d.title}",
                  d.get_public_url(), d.published_at)
        for d in decisions.order_by("published_at", "id")[:200]
    ]  # fmt: skip


def register() -> None:
    from governance.views.exports import ANNUAL_REPORT_FIELDS, FORWARD_PLAN_FIELDS, REPORT_FIELDS

    for key, title, description, page, fields, order in (
        ("statutory_reports", "Monitoring Officer and section 114 reports",
         "The redacted versions published of statutory reports to the Commissioner.",
         "reports_published", REPORT_FIELDS, 15),
        ("forward_plan", "Forward plan of decisions",
         "Decisions the Commissioner expects to make in the coming months.",
         "forward_plan_public", FORWARD_PLAN_FIELDS, 16),
        ("annual_reports", "Annual reports", "The Commissioner's published annual reports.",
         "annual_reports_public", ANNUAL_REPORT_FIELDS, 17),
    ):  # fmt: skip
        datasets.register(
            key,
            Dataset(key, title, description, page, f"{page}_csv", f"{page}_json", fields, order),
        )
    alert_sources.register(
        "decisions", AlertSource("decisions", "Decisions", decisions_published_since, 10)
    )
    datasets.register(
        "decisions",
        Dataset(
            "decisions",
            "Decisions",
            "Decisions of significant public interest, newest first.",
            "decision_register",
            "decision_register_csv",
            "decision_register_json",
            DECISION_FIELDS,
            10,
        ),
    )
    datasets.register(
        "interests",
        Dataset(
            "interests",
            "Register of interests",
            "The disclosable interests of the Commissioner, the Deputy and senior staff.",
            "registers_interests",
            "registers_interests_csv",
            "registers_interests_json",
            INTEREST_FIELDS,
            20,
        ),
    )
    datasets.register(
        "gifts",
        Dataset(
            "gifts",
            "Gifts and hospitality",
            "Offers of gifts and hospitality, accepted and declined, for the current "
            "financial year (?year=2025 for another).",
            "registers_gifts",
            "registers_gifts_csv",
            "registers_gifts_json",
            GIFT_FIELDS,
            21,
        ),
    )
    datasets.register(
        "contracts",
        Dataset(
            "contracts",
            "Contracts over £10,000",
            "Contracts and invitations to tender worth more than £10,000.",
            "registers_contracts",
            "registers_contracts_csv",
            "registers_contracts_json",
            CONTRACT_FIELDS,
            22,
        ),
    )
    datasets.register(
        "other_contracts",
        Dataset(
            "other_contracts",
            "Other contracts",
            "Contracts worth £10,000 or less.",
            "registers_other_contracts",
            "registers_other_contracts_csv",
            "registers_other_contracts_json",
            OTHER_CONTRACT_FIELDS,
            23,
        ),
    )
