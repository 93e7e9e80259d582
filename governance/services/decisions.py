"""Decisions: drafting, advice, signing, publication and withdrawal.

Every change to a decision goes through one of these functions. Each takes the acting user
first, asks whether they may, checks the move against DECISION_TRANSITIONS, saves inside a
transaction, and queues its notifications to be sent after commit.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.models import (
    AdviceKind,
    Decision,
    DecisionAdvice,
    DecisionMaker,
    DecisionSequence,
    DecisionStatus,
    SupportingDocument,
)
from governance.models.decisions import (
    DECISION_TRANSITIONS,
    SUBSTANTIVE_FIELDS,
)
from governance.notices import DECLARATION
from governance.services import spending
from opcc import workflow
from opcc.documents import request_document
from opcc.models import SecurityMarking, User
from opcc.outbox import queue_message
from opcc.uploads import check_document, stored_name

ADVICE_PERMISSION = {
    AdviceKind.LEGAL: "governance.give_legal_advice",
    AdviceKind.FINANCIAL: "governance.give_financial_advice",
}
NOT_OF_SIGNIFICANT_INTEREST = (
    "Not of significant public interest, so not published on the register (the Specified "
    "Information Order requires decisions of significant public interest)."
)
AWAITING_PUBLICATION = "Signed; awaiting publication on the register."


class ConcurrentEdit(Exception):
    """Someone else saved the record after this person opened it."""

    message = (
        "Someone else saved this decision while you were editing it, so your changes have not "
        "been saved. Your changes are shown below: check the decision and save again."
    )


_require = workflow.require
_locked = workflow.locked
_save = workflow.save_versioned


def _move(decision: Decision, status: str) -> None:
    workflow.move(decision, status, DECISION_TRANSITIONS)


def _notify(users, *, kind: str, template: str, decision: Decision) -> None:
    for user in users:
        queue_message(
            kind=kind,
            to=user.email,
            recipient=user,
            template=template,
            context={"user": user, "decision": decision, "portal_url": settings.PORTAL_URL},
            about=decision,
        )


def _people_with_role(role: str):
    return User.objects.filter(role=role, is_active=True)


def _check_substance(decision: Decision) -> None:
    """The rules on a decision's substance that need more than one field: who may make a
    decision of its category, and an amount exactly when it commits new expenditure."""
    errors = {}
    refusal = decision.category.refusal_for(decision.decision_maker)
    if refusal:
        errors["decision_maker"] = refusal
    if decision.commits_expenditure and not (decision.expenditure_amount or 0) > 0:
        errors["expenditure_amount"] = "Enter the amount of new expenditure, more than £0"
    if not decision.commits_expenditure and decision.expenditure_amount is not None:
        errors["expenditure_amount"] = (
            "Leave the amount empty, or say that the decision commits new expenditure"
        )
    if errors:
        raise ValidationError(errors)


def draft_decision(actor, **fields) -> Decision:
    """Start a decision record; it takes the next reference of the year, never to be reused."""
    _require(actor, "governance.add_decision", "draft a decision")
    _check_substance(Decision(**fields))
    with transaction.atomic():
        year = timezone.localdate().year
        DecisionSequence.objects.get_or_create(year=year)
        sequence = DecisionSequence.objects.select_for_update().get(year=year)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        decision = Decision(
            year=year,
            number=sequence.last_number,
            reference=f"{year}/{sequence.last_number:03d}",
            created_by=actor,
            **fields,
        )
        decision._history_user = actor
        decision.full_clean()
        decision.save()
    return decision


def update_decision(actor, decision: Decision, *, expected_version: int, **fields) -> Decision:
    """Save edits. Refused if someone else saved first; substantive edits after advice make
    that advice stale, and the decision needs advice again."""
    _require(actor, "governance.change_decision", f"edit decision {decision.pk}")
    with transaction.atomic():
        current = _locked(decision)
        if current.version != expected_version:
            raise ConcurrentEdit
        if not current.is_editable:
            raise ValidationError(
                f"A decision that is {current.get_status_display().lower()} cannot be changed."
            )
        changed = {name for name, value in fields.items() if getattr(current, name) != value}
        for name, value in fields.items():
            setattr(current, name, value)
        _check_substance(current)
        advised_this_round = current.advice.filter(advice_round=current.advice_round).exists()
        if changed & set(SUBSTANTIVE_FIELDS) and advised_this_round:
            current.advice_round += 1
            _ask_for_advice(current)
        return _save(current, actor)


def submit_for_advice(actor, decision: Decision) -> Decision:
    """Staff send a draft to the Chief Executive and the CFO for their advice."""
    _require(actor, "governance.change_decision", f"submit decision {decision.pk}")
    with transaction.atomic():
        current = _locked(decision)
        if current.status != DecisionStatus.DRAFT:
            raise ValidationError("Only a draft can be sent for advice.")
        _ask_for_advice(current)
        return _save(current, actor)


def _ask_for_advice(decision: Decision) -> None:
    _move(decision, DecisionStatus.AWAITING_ADVICE)
    decision.advice_requested_at = timezone.now()
    decision.advised_at = None
    _notify_advisers(decision)


def _notify_advisers(decision: Decision) -> None:
    _notify(
        User.objects.filter(role__in=["chief_executive", "cfo"], is_active=True),
        kind="decision_awaits_advice",
        template="decision_awaits_advice",
        decision=decision,
    )


def record_advice(actor, decision: Decision, *, kind: str, text: str) -> DecisionAdvice:
    """The Chief Executive records legal/MO advice, or the CFO financial advice."""
    _require(actor, ADVICE_PERMISSION[kind], f"give {kind} advice on decision {decision.pk}")
    if not text.strip():
        raise ValidationError({"text": "Enter the advice"})
    with transaction.atomic():
        current = _locked(decision)
        if current.status != DecisionStatus.AWAITING_ADVICE:
            raise ValidationError(
                f"Advice cannot be recorded on a decision that is "
                f"{current.get_status_display().lower()}."
            )
        if current.advice.filter(kind=kind, advice_round=current.advice_round).exists():
            raise ValidationError(f"{AdviceKind(kind).label} has already been given.")
        advice = DecisionAdvice(
            decision=current,
            kind=kind,
            advice_round=current.advice_round,
            text=text,
            given_by=actor,
        )
        advice._history_user = actor
        advice.full_clean()
        advice.save()
        given = set(
            current.advice.filter(advice_round=current.advice_round).values_list("kind", flat=True)
        )
        if given == set(AdviceKind.values):
            _move(current, DecisionStatus.ADVISED)
            current.advised_at = timezone.now()
            _notify(
                _people_with_role(current.decision_maker),
                kind="decision_awaits_signature",
                template="decision_awaits_signature",
                decision=current,
            )
        _save(current, actor)
    return advice


def current_advice(decision: Decision) -> dict[str, DecisionAdvice]:
    """The advice of the decision's current round, by kind."""
    return {
        advice.kind: advice
        for advice in decision.advice.all()
        if advice.advice_round == decision.advice_round
    }


def sign_decision(actor, decision: Decision, *, declared_interests: str) -> Decision:
    """The decision maker signs, declaring their interests. Needs both advices of this round."""
    _require(actor, "governance.sign_decision", f"sign decision {decision.pk}")
    if actor.role != decision.decision_maker:
        maker = DecisionMaker(decision.decision_maker).label
        raise ValidationError(f"Only the decision maker ({maker}) can sign this decision.")
    if not declared_interests.strip():
        raise ValidationError({"declared_interests": "Declare your interests, or write None"})
    with transaction.atomic():
        current = _locked(decision)
        if current.status == DecisionStatus.HALTED:
            raise ValidationError(
                "This decision is halted by a statutory report and cannot be signed until the "
                "Commissioner has considered the report."
            )
        _refuse_while_suspended(current, "signed")
        refusal = current.category.refusal_for(current.decision_maker)
        if refusal:
            raise ValidationError(refusal)
        spending.refuse_new_agreement_without_authorisation(current)
        missing = set(AdviceKind.values) - set(current_advice(current))
        if current.status != DecisionStatus.ADVISED or missing:
            raise ValidationError(
                "The decision cannot be signed until the Chief Executive has given legal advice "
                "and the Chief Finance Officer has given financial advice."
            )
        _move(current, DecisionStatus.SIGNED)
        current.signed_by = actor
        current.signed_at = timezone.now()
        current.declared_interests = declared_interests
        current.declaration = DECLARATION
        if not current.significant_public_interest:
            current.not_published_reason = NOT_OF_SIGNIFICANT_INTEREST
        elif settings.DECISIONS_PUBLISH_ON_SIGNING:
            _publish(current, actor)
        else:
            current.not_published_reason = AWAITING_PUBLICATION
        return _save(current, actor)


def publish_decision(actor, decision: Decision) -> Decision:
    """Put a signed decision of significant public interest on the public register."""
    _require(actor, "governance.publish_decision", f"publish decision {decision.pk}")
    with transaction.atomic():
        current = _locked(decision)
        if not current.significant_public_interest:
            raise ValidationError("Only decisions of significant public interest are published.")
        _refuse_while_suspended(current, "published")
        _publish(current, actor)
        return _save(current, actor)


def _refuse_while_suspended(decision: Decision, done: str) -> None:
    """LGHA 1989 s.5(5)(b): "no step is taken for giving effect to any proposal or decision to
    which such a report relates" while suspended; LGFA 1988 s.115(5): "the course of conduct
    which led to the report being made shall not be pursued" in the prohibition period."""
    report = decision.suspension()
    if report is None:
        return
    if report.bar_ends_on:
        until = f"until the end of {report.bar_ends_on:%-d %B %Y}"
    else:
        until = "until the end of the first business day after the Commissioner has considered it"
    raise ValidationError(
        f"Decision {decision.reference} cannot be {done}: a report under {report.section} "
        f"(“{report.title}”, sent {report.sent_on:%-d %B %Y}) suspends it {until}."
    )


def _publish(decision: Decision, actor) -> None:
    _move(decision, DecisionStatus.PUBLISHED)
    decision.published_at = timezone.now()
    decision.not_published_reason = ""
    request_decision_notice(actor, decision)


def request_decision_notice(actor, decision: Decision):
    """Generate the decision notice PDF (public parts only) for the register."""
    return request_document(
        actor,
        kind="decision_notice",
        title=f"Decision notice {decision.reference}",
        of=decision,
        marking=SecurityMarking.OFFICIAL,
    )


def withdraw_decision(actor, decision: Decision, *, reason: str) -> Decision:
    _require(actor, "governance.change_decision", f"withdraw decision {decision.pk}")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the decision is withdrawn"})
    with transaction.atomic():
        current = _locked(decision)
        _move(current, DecisionStatus.WITHDRAWN)
        current.withdrawal_reason = reason
        return _save(current, actor)


def halt_decision(actor, decision: Decision) -> Decision:
    """A statutory report has been issued on the decision: nothing more happens to it until the
    Commissioner has considered the report. Called by the report's service, in its transaction.
    A decision already halted by another report stays halted."""
    current = _locked(decision)
    if current.status == DecisionStatus.HALTED:
        return current
    _move(current, DecisionStatus.HALTED)
    current.not_published_reason = ""
    return _save(current, actor)


def release_decision(actor, decision: Decision) -> Decision:
    """Every report on it has been considered: the decision needs advice, and a signature,
    afresh (the earlier ones stay in its history)."""
    current = _locked(decision)
    current.advice_round += 1
    current.signed_by = None
    current.signed_at = None
    current.declared_interests = ""
    current.declaration = ""
    _ask_for_advice(current)
    return _save(current, actor)


def add_supporting_document(
    actor, decision: Decision, *, title: str, upload, is_public: bool, restriction_reason: str = ""
) -> SupportingDocument:
    """Attach a PDF or Office document (checked by content, size-limited). A document added
    after advice is new substance: the advice must be given again."""
    _require(actor, "governance.add_supportingdocument", f"add a document to {decision.pk}")
    try:
        mimetype = check_document(upload, max_bytes=settings.UPLOAD_MAX_BYTES)
    except ValidationError as error:
        raise ValidationError({"upload": error.messages}) from None
    if not is_public and not restriction_reason.strip():
        raise ValidationError(
            {"restriction_reason": "Enter why the document is withheld: it is shown publicly"}
        )
    upload.name = stored_name(f"{decision.reference.replace('/', '-')}-document", mimetype)
    with transaction.atomic():
        current = _locked(decision)
        if not current.is_editable:
            raise ValidationError("Documents can only be added before the decision is signed.")
        document = SupportingDocument(
            decision=current,
            title=title,
            file=upload,
            mimetype=mimetype,
            size=upload.size,
            is_public=is_public,
            restriction_reason="" if is_public else restriction_reason,
            uploaded_by=actor,
        )
        document._history_user = actor
        document.full_clean()
        document.save()
        if current.advice.filter(advice_round=current.advice_round).exists():
            current.advice_round += 1
            _ask_for_advice(current)
        _save(current, actor)
    return document
