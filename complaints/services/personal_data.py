"""Complainants' personal data: who looked at it, what a complainant may ask to be given (a
subject access export), and its anonymisation when a closed case's retention period ends.

Anonymisation writes through queryset ``update()`` on purpose: saving the model would make
simple-history add one more historical row, and that row would carry the personal data on.
The historical rows already written are rewritten the same way.
"""

import json
import logging
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from complaints.models import (
    Complainant,
    Complaint,
    ComplaintReview,
    ComplaintStatus,
    Disposal,
    PersonalDataView,
    ProtocolConcern,
    Recommendation,
    ReviewStatus,
)
from opcc import access
from opcc.models import OutboundMessage
from opcc.periods import last_day_whose_years_after_has_come
from opcc.roles import Role

PERSONAL_DETAILS = "complaints.view_complainant_details"
ANONYMISED_NAME = "Anonymised"
DISPOSAL_REASON = "Retention period ended"
ANONYMISED_COMPLAINANT = {"name": ANONYMISED_NAME, "email": "", "phone": "", "address": ""}


@dataclass(frozen=True)
class RetentionPolicy:
    """How one kind of case is anonymised: when it counts as closed, the setting giving its
    retention in years, and the free text (which may name the complainant or others) to blank."""

    years_setting: str
    closed: Q
    free_text: tuple[str, ...]
    replacements: dict = dataclass_field(default_factory=dict)
    has_complainant: bool = True


RETENTION = {
    ComplaintReview: RetentionPolicy(
        "REVIEW_RETENTION_YEARS",
        Q(status=ReviewStatus.CLOSED),
        ("grounds", "late_reason", "routing_reason", "finding_reasons"),
    ),
    Complaint: RetentionPolicy(
        "COMPLAINT_RETENTION_YEARS",
        Q(status=ComplaintStatus.CLOSED),
        ("details", "not_recorded_reason", "outcome"),
    ),
    ProtocolConcern: RetentionPolicy(
        "CONCERN_RETENTION_YEARS",
        Q(closed_on__isnull=False),
        ("description", "outcome", "raised_by_email"),
        replacements={"raised_by": ANONYMISED_NAME},
        has_complainant=False,
    ),
}

security_log = logging.getLogger("opcc.security")


def log_personal_data_view(viewer, complainant: Complainant, case_reference: str):
    """Record that ``viewer`` was shown ``complainant``'s personal data on ``case_reference``.

    The security log line names the viewer and the case only, never the complainant's details.
    """
    view = PersonalDataView.objects.create(
        viewer=viewer, complainant=complainant, case_reference=case_reference
    )
    security_log.info("personal data viewed: user=%s case=%s", viewer.pk, case_reference)
    return view


def may_export(actor) -> bool:
    """Only the Chief Executive, holding the permission through the role, makes exports."""
    return access.has_role(actor, Role.CHIEF_EXECUTIVE) and actor.has_perm(PERSONAL_DETAILS)


def complainant_for_case(actor, reference: str) -> Complainant | None:
    """The complainant of the review (R-…) or complaint (C-…) ``reference``, looked for among
    the cases ``actor`` may see; None when there is no such case."""
    model = ComplaintReview if reference.startswith("R-") else Complaint
    case = (
        access.visible(actor, model.objects.select_related("complainant"))
        .filter(reference=reference)
        .first()
    )
    return case.complainant if case else None


def cases_of(complainant: Complainant) -> list:
    """Every review and complaint of ``complainant``, oldest first."""
    reviews = list(complainant.reviews.order_by("request_received_on", "id"))
    complaints = list(complainant.complaints.order_by("received_on", "id"))
    return reviews + complaints


def subject_access_export(actor, complainant: Complainant, *, case_reference: str = "") -> bytes:
    """Everything the office holds about ``complainant`` (UK GDPR art. 15), as UTF-8 JSON: their
    details and earlier versions of them, each review and complaint with its fields and
    recommendations, and who viewed their data. The export is itself logged as a view, against
    ``case_reference`` (by default the complainant's first case)."""
    if not may_export(actor):
        access.refuse(actor, "subject access export")
    reviews = complainant.reviews.select_related("reviewer").prefetch_related("recommendations")
    complaints = complainant.complaints.select_related("handler")
    views = complainant.views.select_related("viewer").order_by("viewed_at", "id")
    document = {
        "exported_at": timezone.now(),
        "exported_by": actor.full_name,
        "complainant": {
            **_fields(complainant, exclude={"id"}),
            "earlier_versions": [
                {
                    "recorded_at": row.history_date,
                    **{name: getattr(row, name) for name in ("name", "email", "phone", "address")},
                }
                for row in complainant.history.order_by("history_date", "history_id")
            ],
        },
        "complaint_reviews": [
            {
                **_fields(review, exclude={"id", "complainant", "version"}),
                "recommendations": [
                    _fields(recommendation, exclude={"id", "review"})
                    for recommendation in review.recommendations.all()
                ],
            }
            for review in reviews.order_by("request_received_on", "id")
        ],
        "complaints": [
            _fields(complaint, exclude={"id", "complainant", "version"})
            for complaint in complaints.order_by("received_on", "id")
        ],
        "views_of_personal_data": [
            {
                "viewed_by": view.viewer.full_name,
                "viewed_at": view.viewed_at,
                "case_reference": view.case_reference,
            }
            for view in views
        ],
    }
    reference = case_reference or next((case.reference for case in cases_of(complainant)), "")
    log_personal_data_view(actor, complainant, reference)
    security_log.info("subject access export: user=%s case=%s", actor.pk, reference)
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def _fields(record, *, exclude: set) -> dict:
    """A record's stored values by field name; choices also as their words, people by name."""
    values = {}
    for field in record._meta.concrete_fields:
        if field.name in exclude:
            continue
        if field.is_relation:
            related = getattr(record, field.name)
            values[field.name] = str(related) if related is not None else None
            continue
        values[field.name] = field.value_from_object(record)
        if field.choices and values[field.name]:
            values[f"{field.name}_display"] = getattr(record, f"get_{field.name}_display")()
    return values


def retention_cutoff(today: date, years: int) -> date:
    """The last closing date whose retention of ``years`` has ended by ``today``: a case closed
    on D may be anonymised from D's anniversary ``years`` later (29 February's on 28 February)."""
    # Retention schedule: kept for the "years after closure before personal data is anonymised"
    return last_day_whose_years_after_has_come(today, years)


def due_cases(model, today: date):
    """Closed cases of ``model`` past retention, not on hold, not yet anonymised."""
    policy = RETENTION[model]
    years = getattr(settings, policy.years_setting, 6)
    return model.objects.filter(
        policy.closed,
        closed_on__lte=retention_cutoff(today, years),
        retention_hold="",
        anonymised_at=None,
    ).order_by("closed_on", "id")


def anonymise_due_cases(today: date | None = None) -> int:
    """Anonymise every closed review, complaint and protocol concern whose retention period has
    ended, each in its own transaction; return how many were anonymised. Safe to run again: a
    case already anonymised, or put on hold meanwhile, is skipped."""
    today = today or timezone.localdate()
    anonymised = 0
    for model in RETENTION:
        for pk in list(due_cases(model, today).values_list("pk", flat=True)):
            anonymised += _anonymise_case(model, pk, today)
    return anonymised


def _anonymise_case(model, pk: int, today: date) -> int:
    policy = RETENTION[model]
    with transaction.atomic():
        case = due_cases(model, today).select_for_update().filter(pk=pk).first()
        if case is None:
            return 0
        now = timezone.now()
        blanks = {**dict.fromkeys(policy.free_text, ""), **policy.replacements}
        model.objects.filter(pk=pk).update(**blanks, anonymised_at=now)
        model.history.filter(id=pk).update(**blanks)
        if model is ComplaintReview:
            _forget_recommendations(case)
        if policy.has_complainant:
            complainant = Complainant.objects.select_for_update().get(pk=case.complainant_id)
            _forget_messages(case, _addresses_of(complainant))
            if complainant.anonymised_at is None and not _has_live_case(complainant):
                Complainant.objects.filter(pk=complainant.pk).update(
                    **ANONYMISED_COMPLAINANT, anonymised_at=now
                )
                Complainant.history.filter(id=complainant.pk).update(**ANONYMISED_COMPLAINANT)
        else:
            _forget_messages(case, {case.raised_by_email} - {""})
        Disposal.objects.create(
            case_reference=case.reference,
            kind=model._meta.verbose_name,
            disposed_at=now,
            reason=DISPOSAL_REASON,
        )
    return 1


def _forget_recommendations(review: ComplaintReview) -> None:
    # A recommendation to the force may name the officers or the complainant; the count of them
    # stays for the statistics.
    blanks = {"text": ANONYMISED_NAME, "force_response": ""}
    recommendations = Recommendation.objects.filter(review=review)
    Recommendation.history.filter(id__in=recommendations.values("pk")).update(**blanks)
    recommendations.update(**blanks)


def _has_live_case(complainant: Complainant) -> bool:
    """A case of theirs not yet anonymised: open, inside retention, or on hold."""
    return (
        complainant.reviews.filter(anonymised_at=None).exists()
        or complainant.complaints.filter(anonymised_at=None).exists()
    )


def _addresses_of(complainant: Complainant) -> set[str]:
    """Every e-mail address the complainant has given, the earlier ones kept in history too."""
    addresses = set(complainant.history.values_list("email", flat=True))
    return {address.lower() for address in addresses | {complainant.email} if address}


def _forget_messages(case, addresses: set[str]) -> None:
    # The outbox keeps each e-mail sent about the case to the person who raised it: their
    # address, and a body that greets them by name.
    if not addresses:
        return
    messages = OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(case), object_id=case.pk
    )
    wanted = [pk for pk, to in messages.values_list("pk", "to") if to.lower() in addresses]
    OutboundMessage.objects.filter(pk__in=wanted).update(
        to="", subject=ANONYMISED_NAME, body_text="", body_html=""
    )


def may_hold(actor) -> bool:
    """Holds on disposal are the Chief Executive's, who answers for retention."""
    return access.has_role(actor, Role.CHIEF_EXECUTIVE) and actor.has_perm(
        "complaints.view_disposal"
    )


def set_retention_hold(actor, case, *, reason: str):
    """Put a hold on a case's disposal (litigation, an FOI request), or lift it with an empty
    reason. Only the Chief Executive, who answers for retention, does either; an anonymised
    case has nothing left to hold."""
    if not may_hold(actor):
        access.refuse(actor, f"hold on {case.reference}")
    reason = " ".join(reason.split())
    with transaction.atomic():
        current = type(case).objects.select_for_update().get(pk=case.pk)
        if current.anonymised_at is not None:
            raise ValidationError(
                "This case has already been anonymised: there is nothing to hold."
            )
        current.retention_hold = reason
        current._history_user = actor
        current.full_clean()
        current.save()
    security_log.info(
        "retention hold %s: user=%s case=%s",
        "set" if reason else "lifted",
        actor.pk,
        case.reference,
    )
    return current
