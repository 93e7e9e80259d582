"""What a decision notice shows, on the public page and in the PDF alike: the decision's public
parts, that legal and financial advice was given (by role and date, never its text), the
decision maker's declaration and signature, any s.115(6) authorisation, and a suspension by a
statutory report with the day it lifts. Never the confidential annex or the advice itself."""

from dataclasses import dataclass
from datetime import date, datetime

from governance.models import AdviceKind, Decision, StatutoryReport
from governance.models.decisions import ADVISER_ROLE
from governance.models.delegation import SECTION_18_7
from opcc.roles import Role

# What the decision maker confirms when signing: on the form, the page and the notice.
DECLARATION = (
    "I confirm that I have considered whether I have any personal or prejudicial interest in "
    "this matter and take the proposed decision in compliance with the Code of Conduct for the "
    "Police and Crime Commissioner. Any such interests are recorded below."
)


@dataclass(frozen=True)
class AdviceGiven:
    kind: str
    by_role: str
    given_on: datetime


@dataclass(frozen=True)
class Suspension:
    """A statutory report barring a published decision: public words only (no report title)."""

    section: str
    since: date
    lifts_at_end_of: date | None  # None: consideration not yet concluded
    consideration_due: date

    @classmethod
    def of(cls, report: StatutoryReport | None):
        if report is None:
            return None
        return cls(report.section, report.sent_on, report.bar_ends_on, report.due_on)


def advice_given(decision: Decision) -> list[AdviceGiven]:
    """The advice of the round the decision was signed in, by the adviser's role and date."""
    given = {
        advice.kind: advice
        for advice in decision.advice.all()
        if advice.advice_round == decision.advice_round
    }
    return [
        AdviceGiven(kind.label, Role(ADVISER_ROLE[kind]).label, given[kind].given_at)
        for kind in AdviceKind
        if kind in given
    ]


def notice_context(decision: Decision) -> dict:
    documents = list(decision.documents.all())
    reserved = SECTION_18_7.get(decision.category.reserved_function)
    return {
        "decision": decision,
        "public_documents": [d for d in documents if d.is_public],
        "withheld_documents": [d for d in documents if not d.is_public],
        "advice_given": advice_given(decision),
        "reserved_function": reserved,
        "authorisations": list(
            decision.spending_authorisations.select_related("authorised_by").order_by(
                "authorised_at"
            )
        ),
        "suspension": Suspension.of(decision.suspension()),
        "suspensions": suspensions_since_publication(decision),
    }


def suspensions_since_publication(decision: Decision) -> list[Suspension]:
    """Every suspension of the published decision, dated, for the notice: a dated statement
    stays true after the suspension lifts, so a notice made at any time says it rightly."""
    if decision.published_at is None:
        return []
    reports = StatutoryReport.objects.filter(
        decision=decision, status__in=["issued", "considered"], issued_at__gte=decision.published_at
    ).order_by("issued_at", "pk")
    return [Suspension.of(report) for report in reports]
