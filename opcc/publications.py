"""Publishing by hand for the transparency hub: a dated entry with its document, withdrawn
(never deleted) when it should no longer be shown, and a reminder to the Chief Executive, once,
when a category has gone a whole refresh period without an update."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from opcc import access, workflow
from opcc.models import TransparencyPublication, TransparencyReminder, User
from opcc.outbox import queue_message
from opcc.roles import Role
from opcc.transparency import CATEGORIES, hub_rows
from opcc.uploads import check_document, stored_name

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
PUBLISH = "opcc.add_transparencypublication"


def publish_document(actor, *, category, title, summary, published_on, document):
    """Put a dated entry with its document (checked by what it contains) on the hub."""
    workflow.require(actor, PUBLISH, "publish on the transparency hub")
    errors = {}
    if category not in {c.key for c in CATEGORIES}:
        errors["category"] = "Choose the category of information"
    if published_on and published_on > timezone.localdate():
        errors["published_on"] = "The date must be today or in the past"
    content_type = ""
    if document is None:
        errors["document"] = "Select the document to publish"
    else:
        try:
            content_type = check_document(document, max_bytes=MAX_DOCUMENT_BYTES)
        except ValidationError as error:
            errors["document"] = error.messages
    if errors:
        raise ValidationError(errors)
    publication = TransparencyPublication(
        category=category,
        title=title.strip(),
        summary=summary.strip(),
        published_on=published_on or timezone.localdate(),
        published_by=actor,
    )
    publication.full_clean(exclude=["document", "published_by"])
    with transaction.atomic():
        publication.document.save(
            stored_name(str(publication.code), content_type), document, save=False
        )
        publication._history_user = actor
        publication.save()
    return publication


def withdraw_publication(actor, publication, *, reason: str):
    """Take an entry off the hub, saying why; it stays in the office's records and history."""
    workflow.require(actor, "opcc.change_transparencypublication", "withdraw a publication")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the document is withdrawn"})
    with transaction.atomic():
        current = workflow.locked(publication)
        if current.withdrawn_at is not None:
            raise ValidationError("This document has already been withdrawn.")
        current.withdrawn_at = timezone.now()
        current.withdrawn_reason = reason.strip()
        current._history_user = actor
        current.full_clean()
        current.save()
    return current


def overdue_rows(today=None):
    return [row for row in hub_rows(today) if row.is_overdue]


def remind_overdue_categories(today=None) -> int:
    """Tell the Chief Executive of each category newly overdue; return how many. Each overdue
    spell (a category, since a given last update) is reminded once, however often this runs."""
    reminded = 0
    for row in overdue_rows(today):
        try:
            with transaction.atomic():
                TransparencyReminder.objects.create(
                    category=row.category.key, last_updated=row.last_updated
                )
                for person in User.objects.filter(role=Role.CHIEF_EXECUTIVE, is_active=True):
                    queue_message(
                        kind="transparency_overdue",
                        to=person.email,
                        recipient=person,
                        template="transparency_overdue",
                        context={"row": row, "user": person, "portal_url": settings.PORTAL_URL},
                    )
        except IntegrityError:
            continue  # reminded already, by an earlier run
        reminded += 1
    return reminded


def may_publish(user) -> bool:
    return access.is_office(user) and user.has_perm(PUBLISH)


def published_since(moment):
    """For e-mail alerts: documents put on the hub after ``moment``, oldest first."""
    from opcc.registry import AlertItem

    entries = TransparencyPublication.objects.published().filter(created_at__gt=moment)
    return [
        AlertItem(f"publication:{e.code}", f"{e.get_category_display()}: {e.title}",
                  e.get_absolute_url(), e.created_at)
        for e in entries.order_by("created_at", "id")[:200]
    ]  # fmt: skip


def search_publications(user, query, date_from, date_to):
    """The hub's hand-published documents, for the portal's search."""
    from opcc.search import Hit, matching

    found = matching(
        TransparencyPublication.objects.published(),
        query,
        fields=["title", "summary"],
        date_field="published_on",
        date_from=date_from,
        date_to=date_to,
    )
    return [
        Hit("Published document", e.title, e.get_absolute_url(), e.published_on, e.summary, e.rank)
        for e in found[:50]
    ]
