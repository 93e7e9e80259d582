"""HMICFRS inspection reports and the Commissioner's response under Police Act 1996 s.55.

Recording a report, asking the Chief Constable for comments and recording them, answering each
recommendation and area for improvement, publishing the response (with the Chief Constable's
comments) and recording that it went to the Inspectorate and the Home Secretary. The response is
due 56 days beginning with the day the report was published; reminders go out once when 14 days
are left and once when it is overdue.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from opcc import workflow
from opcc.documents import request_document
from opcc.models import SecurityMarking, User
from opcc.outbox import queue_message
from opcc.roles import Role
from scrutiny.models import (
    HmicfrsInspection,
    InspectionItem,
    InspectionStatus,
    ItemKind,
    ResponseKind,
)
from scrutiny.models.inspections import INSPECTION_TRANSITIONS

# Who is reminded of a response falling due: the Commissioner and the Chief Executive.
REMINDED_ROLES = (Role.PCC, Role.CHIEF_EXECUTIVE)


class ConcurrentEdit(Exception):
    """Someone else saved the record after this person opened it."""

    def __init__(self, what: str = "record"):
        super().__init__(what)
        self.message = (
            f"Someone else saved this {what} while you were editing it, so your changes have not "
            "been saved. Your typing is kept below: check their changes on its page and in its "
            "history, then save again."
        )


def _require(actor, permission: str, what: str) -> None:
    workflow.require(actor, f"scrutiny.{permission}", what)


def _not_in_future(errors: dict, field: str, day: date | None, what: str) -> None:
    if day and day > timezone.localdate():
        errors[field] = f"{what} must be today or in the past"


def _items(texts: list[str]) -> list[str]:
    return [text.strip() for text in texts if text.strip()]


def record_inspection(
    actor,
    *,
    title: str,
    inspection_type: str,
    published_on: date,
    link: str,
    recommendations: list[str] = (),
    areas_for_improvement: list[str] = (),
) -> HmicfrsInspection:
    """Record a report HMICFRS has published, with each recommendation and area for
    improvement numbered in the order given."""
    _require(actor, "add_hmicfrsinspection", "record an HMICFRS report")
    errors = {}
    _not_in_future(errors, "published_on", published_on, "The date HMICFRS published the report")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        inspection = HmicfrsInspection(
            title=title.strip(),
            inspection_type=inspection_type,
            published_on=published_on,
            link=link.strip(),
            created_by=actor,
        )
        inspection._history_user = actor
        inspection.full_clean()
        inspection.save()
        for kind, texts in (
            (ItemKind.RECOMMENDATION, recommendations),
            (ItemKind.AREA_FOR_IMPROVEMENT, areas_for_improvement),
        ):
            for number, text in enumerate(_items(texts), start=1):
                item = InspectionItem(inspection=inspection, kind=kind, number=number, text=text)
                item._history_user = actor
                item.full_clean()
                item.save()
    return inspection


def _open(inspection: HmicfrsInspection) -> HmicfrsInspection:
    current = workflow.locked(inspection)
    if current.status != InspectionStatus.AWAITING_RESPONSE:
        raise ValidationError("The response to this report has been published: it is closed.")
    return current


def request_chief_constable_comments(
    actor, inspection: HmicfrsInspection, *, requested_on: date | None = None
) -> HmicfrsInspection:
    """Ask the Chief Constable for comments on the report (s.55(4)), by e-mail."""
    _require(actor, "respond_hmicfrsinspection", f"request comments on {inspection.pk}")
    requested_on = requested_on or timezone.localdate()
    errors = {}
    _not_in_future(errors, "requested_on", requested_on, "The date of the request")
    if requested_on < inspection.published_on:
        errors["requested_on"] = "The date of the request must be on or after the report's date"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _open(inspection)
        if current.comments_requested_on is not None:
            raise ValidationError("The Chief Constable's comments have already been requested.")
        current.comments_requested_on = requested_on
        workflow.save_versioned(current, actor)
        queue_message(
            kind="scrutiny_hmicfrs_comments_request",
            to=settings.CHIEF_CONSTABLE_EMAIL,
            template="scrutiny_hmicfrs_comments_request",
            context={"inspection": current, "portal_url": settings.PORTAL_URL},
            about=current,
        )
    return current


def record_chief_constable_comments(
    actor, inspection: HmicfrsInspection, *, received_on: date, comments: str
) -> HmicfrsInspection:
    """Record the Chief Constable's comments, which are published with the response."""
    _require(actor, "respond_hmicfrsinspection", f"record comments on {inspection.pk}")
    errors = {}
    if not comments.strip():
        errors["comments"] = "Enter the Chief Constable's comments"
    _not_in_future(errors, "received_on", received_on, "The date the comments arrived")
    if received_on and received_on < inspection.published_on:
        errors["received_on"] = "The date the comments arrived must be on or after the report's"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _open(inspection)
        if current.comments_requested_on is None:
            raise ValidationError("Request the Chief Constable's comments first.")
        if received_on and received_on < current.comments_requested_on:
            raise ValidationError(
                {
                    "received_on": "The date the comments arrived must be on or after the date "
                    f"they were requested, {current.comments_requested_on:%-d %B %Y}"
                }
            )
        current.comments_received_on = received_on
        current.chief_constable_comments = comments.strip()
        return workflow.save_versioned(current, actor)


def save_response_introduction(
    actor, inspection: HmicfrsInspection, *, introduction: str, expected_version: int
) -> HmicfrsInspection:
    """Save the Commissioner's comments on the report as a whole. Refused (ConcurrentEdit) if
    someone else saved the response since the person opened it."""
    _require(actor, "respond_hmicfrsinspection", f"edit the response to {inspection.pk}")
    if not introduction.strip():
        raise ValidationError({"introduction": "Enter the Commissioner's comments on the report"})
    with transaction.atomic():
        current = _open(inspection)
        if current.version != expected_version:
            raise ConcurrentEdit("response")
        current.response_introduction = introduction.strip()
        return workflow.save_versioned(current, actor)


def respond_to_item(
    actor, item: InspectionItem, *, response_kind: str, response: str
) -> InspectionItem:
    """Answer one recommendation or area for improvement: the action taken or proposed, or why
    there is none (s.55(5B))."""
    _require(actor, "respond_hmicfrsinspection", f"answer item {item.pk}")
    errors = {}
    if response_kind not in ResponseKind.values:
        errors["response_kind"] = "Choose action taken, action proposed or no action"
    if not response.strip():
        errors["response"] = (
            "Enter why no action is taken"
            if response_kind == ResponseKind.NO_ACTION
            else "Enter the action"
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        inspection = _open(item.inspection)
        current = InspectionItem.objects.select_for_update().get(pk=item.pk)
        current.response_kind = response_kind
        current.response = response.strip()
        current.responded_at = timezone.now()
        current._history_user = actor
        current.full_clean()
        current.save()
        # Answering an item changes the response: a concurrent editor must see it.
        workflow.save_versioned(inspection, actor)
    return current


def publish_response(actor, inspection: HmicfrsInspection) -> HmicfrsInspection:
    """Publish the response, with the Chief Constable's comments, on the transparency hub, and
    make its PDF. Every recommendation must have its answer (s.55(5B))."""
    _require(actor, "publish_hmicfrsinspection", f"publish the response to {inspection.pk}")
    with transaction.atomic():
        current = _open(inspection)
        problems = []
        if not current.chief_constable_comments:
            problems.append("Record the Chief Constable's comments first.")
        if not current.response_introduction:
            problems.append("Write the Commissioner's comments on the report first.")
        unanswered = [item for item in current.items.all() if not item.is_answered]
        if unanswered:
            names = ", ".join(str(item).lower() for item in unanswered)
            problems.append(f"Answer every recommendation and area for improvement: {names}.")
        if problems:
            raise ValidationError(problems)
        workflow.move(current, InspectionStatus.PUBLISHED, INSPECTION_TRANSITIONS)
        current.response_published_at = timezone.now()
        current.document = request_document(
            actor,
            kind="hmicfrs_response",
            title=f"Response to HMICFRS: {current.title}",
            of=current,
            marking=SecurityMarking.OFFICIAL,
        )
        return workflow.save_versioned(current, actor)


def record_sent(
    actor, inspection: HmicfrsInspection, *, sent_to_inspectorate_on: date,
    sent_to_home_secretary_on: date,
) -> HmicfrsInspection:  # fmt: skip
    """Record that the published response went to the Inspectorate and the Home Secretary
    (s.55(6))."""
    _require(actor, "respond_hmicfrsinspection", f"record sending {inspection.pk}")
    errors = {}
    for field, day, what in (
        ("sent_to_inspectorate_on", sent_to_inspectorate_on, "The date sent to HMICFRS"),
        (
            "sent_to_home_secretary_on",
            sent_to_home_secretary_on,
            "The date sent to the Home Secretary",
        ),
    ):
        _not_in_future(errors, field, day, what)
        if field not in errors and day < timezone.localdate(inspection.response_published_at):
            errors[field] = f"{what} must be on or after the date the response was published"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = workflow.locked(inspection)
        if current.status != InspectionStatus.PUBLISHED:
            raise ValidationError("Publish the response before recording where it was sent.")
        current.sent_to_inspectorate_on = sent_to_inspectorate_on
        current.sent_to_home_secretary_on = sent_to_home_secretary_on
        return workflow.save_versioned(current, actor)


def _remind(inspection: HmicfrsInspection, *, kind: str) -> None:
    for person in User.objects.filter(role__in=REMINDED_ROLES, is_active=True).order_by("pk"):
        queue_message(
            kind=kind,
            to=person.email,
            recipient=person,
            template=kind,
            context={"inspection": inspection, "user": person, "portal_url": settings.PORTAL_URL},
            about=inspection,
        )


def send_response_reminders(today: date | None = None) -> int:
    """Remind the Commissioner and the Chief Executive of each unpublished response: once when
    14 days are left, once when it is overdue. Returns how many reminders went out."""
    today = today or timezone.localdate()
    sent = 0
    waiting = HmicfrsInspection.objects.awaiting_response().filter(overdue_reminder_sent_at=None)
    for inspection in waiting:
        overdue = inspection.is_overdue(today)
        if not overdue and not inspection.is_due_soon(today):
            continue
        if not overdue and inspection.due_soon_reminder_sent_at is not None:
            continue
        with transaction.atomic():
            current = workflow.locked(inspection)
            now = timezone.now()
            if overdue and current.overdue_reminder_sent_at is None:
                _remind(current, kind="scrutiny_hmicfrs_overdue")
                current.overdue_reminder_sent_at = now
                # A response first found already overdue needs no "14 days left" as well.
                current.due_soon_reminder_sent_at = current.due_soon_reminder_sent_at or now
            elif not overdue and current.due_soon_reminder_sent_at is None:
                _remind(current, kind="scrutiny_hmicfrs_due_soon")
                current.due_soon_reminder_sent_at = now
            else:
                continue  # another sweep got there first
            current.save(update_fields=["overdue_reminder_sent_at", "due_soon_reminder_sent_at"])
            sent += 1
    return sent
