"""The spending bar of a s.114(3) report (LGFA 1988 s.115(6)-(6B)): which decisions it bars,
the refusal at signing, and the Chief Finance Officer's written authorisation."""

from django.core.exceptions import ValidationError
from django.db import transaction

from governance.models import (
    AuthorisationGround,
    Decision,
    DecisionStatus,
    SpendingAuthorisation,
    StatutoryReport,
)
from opcc import workflow

_require = workflow.require
_locked = workflow.locked
_save = workflow.save_versioned


def spending_bars(decision: Decision, today=None):
    """The s.114(3) reports whose prohibition period bars this decision today: it commits new
    expenditure and no authorisation of the CFO covers it, as it stands, against that report."""
    if not decision.commits_expenditure:
        return StatutoryReport.objects.none()
    return (
        StatutoryReport.objects.prohibition_periods(today)
        .not_authorised_for(decision.pk, decision.expenditure_amount, decision.advice_round)
        .order_by("issued_at", "pk")
    )


def refuse_new_agreement_without_authorisation(decision: Decision) -> None:
    # LGFA 1988 s.115(6): "during the prohibition period the authority shall not enter into any
    # new agreement which may involve the incurring of expenditure (at any time) by the authority
    # unless the chief finance officer of the authority authorises it to do so".
    bars = spending_bars(decision)
    if bars:
        report = bars[0]
        raise ValidationError(
            f"Decision {decision.reference} commits new expenditure "
            f"(£{decision.expenditure_amount:,.2f}) and cannot be signed during the prohibition "
            f"period of the Chief Finance Officer's report under section 114(3) "
            f"(“{report.title}”, sent {report.sent_on:%-d %B %Y}) unless the Chief Finance "
            f"Officer authorises it in writing (Local Government Finance Act 1988 s.115(6))."
        )


def authorise_new_agreement(
    actor, decision: Decision, *, report: StatutoryReport, ground: str, reasons: str
) -> SpendingAuthorisation:
    """The CFO authorises a decision to enter into a new agreement during a s.114(3) report's
    prohibition period. s.115(6A): only if the agreement "is likely to— (a) prevent the
    situation that led him to make the report from getting worse, (b) improve the situation,
    or (c) prevent the situation from recurring"; s.115(6B): in writing, with the ground and
    the reasons."""
    _require(actor, "governance.authorise_new_agreement", f"authorise decision {decision.pk}")
    errors = {}
    if ground not in AuthorisationGround.values:
        errors["ground"] = "Choose the ground in section 115(6A) on which you authorise it"
    if not reasons.strip():
        errors["reasons"] = "Explain your reasons for thinking that the ground applies"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked(decision)
        if not current.commits_expenditure:
            raise ValidationError("This decision does not commit new expenditure.")
        if current.status != DecisionStatus.ADVISED:
            # Authority is for the agreement as advised: a later change needs it again.
            raise ValidationError(
                "Only a decision that has had its advice, and is not yet signed, can be authorised."
            )
        if report not in StatutoryReport.objects.prohibition_periods():
            raise ValidationError(
                {"report": "Choose a section 114(3) report whose prohibition period is running"}
            )
        if current.spending_authorisations.filter(
            report=report, advice_round=current.advice_round
        ).exists():
            raise ValidationError("You have already authorised this decision against that report.")
        authorisation = SpendingAuthorisation(
            decision=current,
            report=report,
            ground=ground,
            reasons=reasons,
            amount=current.expenditure_amount,
            advice_round=current.advice_round,
            authorised_by=actor,
        )
        authorisation._history_user = actor
        authorisation.full_clean()
        authorisation.save()
        # The decision's own history says so (simple-history keeps 100 characters of reason).
        paragraph = AuthorisationGround(ground).label[:3]
        current._change_reason = (
            f"New agreement authorised by the CFO under LGFA 1988 s.115(6), ground {paragraph}"
        )
        _save(current, actor)
    return authorisation
