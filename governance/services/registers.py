"""Every change to the registers: interests, gifts and hospitality offers, and contracts.

Each function takes the acting user first, asks whether they may, checks the register's rules,
runs ``full_clean()`` and saves inside a transaction. Every save is kept in the record's history
with the actor as its author. Nothing is deleted: an interest that no longer applies is ended.

A form that edits a record carries the record's version (:func:`version_of`) as it was when the
form was shown; if someone else saved the record since, the second save is refused rather than
silently overwriting the first.
"""

import copy

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from governance.models import Contract, GiftOffer, InterestEntry
from opcc.access import refuse
from opcc.roles import OFFICE_ROLES
from opcc.uploads import check_document, stored_name

# The register of interests covers the PCC, the Deputy and the office's senior staff; gifts
# and hospitality are recorded for anyone in the office.
REGISTERED_ROLES = OFFICE_ROLES
GIFT_RECIPIENT_ROLES = OFFICE_ROLES

INTEREST_FIELDS = frozenset({"person", "category", "description", "registered_on"})
GIFT_OFFER_FIELDS = frozenset(
    {
        "offered_on",
        "recipient",
        "offered_by",
        "description",
        "estimated_value",
        "accepted",
        "reason",
    }
)
CONTRACT_FIELDS = frozenset(
    {"title", "supplier", "value", "starts_on", "ends_on", "procurement_route", "document"}
)

EDIT_CONFLICT = (
    "Someone else changed this record after you opened it, so your changes have not been "
    "saved. Open the record again to see their change, then make yours."
)


# --- Register of interests -------------------------------------------------------------------


def record_interest(actor, *, person, category, description, registered_on) -> InterestEntry:
    """Add an entry to the register of interests of the PCC, the Deputy or a senior officer."""
    _require(actor, "governance.add_interestentry", "record an interest")
    entry = InterestEntry(
        person=person, category=category, description=description, registered_on=registered_on
    )
    _validate(entry, _interest_rules(entry, None))
    return _save(actor, entry)


def update_interest(actor, entry: InterestEntry, *, seen_version=None, **fields) -> InterestEntry:
    """Correct an entry. Ending an interest is :func:`end_interest`, never an edit."""
    _require(actor, "governance.change_interestentry", f"change interest {entry.pk}")
    return _update(actor, entry, fields, INTEREST_FIELDS, _interest_rules, seen_version)


def end_interest(actor, entry: InterestEntry, ended_on) -> InterestEntry:
    """Record that an interest no longer applies. The entry stays on the register, dated."""
    _require(actor, "governance.change_interestentry", f"end interest {entry.pk}")
    with transaction.atomic():
        current = _locked(entry)
        if current.ended_on is not None:
            raise ValidationError(
                {"ended_on": f"This interest already ended on {current.ended_on:%-d %B %Y}"}
            )
        current.ended_on = ended_on
        _validate(current, _interest_rules(current, current))
        _save(actor, current, reason="Interest ended")
    entry.refresh_from_db()
    return entry


def _interest_rules(entry: InterestEntry, original: InterestEntry | None) -> dict:
    errors = {}
    today = timezone.localdate()
    # Whose entry it is is checked when it is made or moved, so a person who has since left
    # the office does not freeze the entries they made.
    person_is_new = original is None or original.person_id != entry.person_id
    person = entry.person if entry.person_id else None
    if person_is_new and person and not (person.is_active and person.role in REGISTERED_ROLES):
        errors["person"] = "Choose the Commissioner, the Deputy or a senior member of staff"
    if entry.registered_on and entry.registered_on > today:
        errors["registered_on"] = "The date the interest was registered must be today or earlier"
    if entry.ended_on:
        if entry.ended_on > today:
            errors["ended_on"] = "The date the interest ended must be today or earlier"
        elif entry.registered_on and entry.ended_on < entry.registered_on:
            errors["ended_on"] = (
                "The date the interest ended must be the same as or after the date it was "
                f"registered, {entry.registered_on:%-d %B %Y}"
            )
    return errors


# --- Gifts and hospitality -------------------------------------------------------------------


def record_gift_offer(
    actor, *, offered_on, recipient, offered_by, description, estimated_value, accepted, reason
) -> GiftOffer:
    """Record an offer of a gift or hospitality, whether it was accepted or declined."""
    _require(actor, "governance.add_giftoffer", "record a gift offer")
    offer = GiftOffer(
        offered_on=offered_on,
        recipient=recipient,
        offered_by=offered_by,
        description=description,
        estimated_value=estimated_value,
        accepted=accepted,
        reason=reason,
    )
    _validate(offer, _gift_offer_rules(offer, None))
    return _save(actor, offer)


def update_gift_offer(actor, offer: GiftOffer, *, seen_version=None, **fields) -> GiftOffer:
    """Correct a recorded offer."""
    _require(actor, "governance.change_giftoffer", f"change gift offer {offer.pk}")
    return _update(actor, offer, fields, GIFT_OFFER_FIELDS, _gift_offer_rules, seen_version)


def _gift_offer_rules(offer: GiftOffer, original: GiftOffer | None) -> dict:
    errors = {}
    recipient_is_new = original is None or original.recipient_id != offer.recipient_id
    recipient = offer.recipient if offer.recipient_id else None
    if recipient_is_new and recipient and recipient.role not in GIFT_RECIPIENT_ROLES:
        errors["recipient"] = "Choose the member of the office who was made the offer"
    if offer.offered_on and offer.offered_on > timezone.localdate():
        errors["offered_on"] = "The date of the offer must be today or earlier"
    if offer.estimated_value is not None and offer.estimated_value < 0:
        errors["estimated_value"] = "The estimated value must be £0 or more"
    return errors


# --- Contracts -------------------------------------------------------------------------------


def record_contract(
    actor, *, title, supplier, value, starts_on, ends_on, procurement_route, document=None
) -> Contract:
    """Add a contract to the register. Its document, if any, is checked by what it contains."""
    _require(actor, "governance.add_contract", "record a contract")
    contract = Contract(
        title=title,
        supplier=supplier,
        value=value,
        starts_on=starts_on,
        ends_on=ends_on,
        procurement_route=procurement_route,
    )
    errors = _contract_rules(contract, None)
    content_type = _checked_document(document, errors)
    _validate(contract, errors)
    with transaction.atomic():
        if document:
            _attach(contract, document, content_type)
        return _save(actor, contract)


def update_contract(actor, contract: Contract, *, seen_version=None, **fields) -> Contract:
    """Correct a contract; a new document (if given) replaces the one shown to the public."""
    _require(actor, "governance.change_contract", f"change contract {contract.pk}")
    document = fields.pop("document", None)
    if isinstance(document, FieldFile):
        document = None  # the document already stored: nothing new to check or keep
    errors = {}
    content_type = _checked_document(document, errors)
    if errors:
        raise ValidationError(errors)

    def attach_document(record):
        if document:
            _attach(record, document, content_type)

    return _update(
        actor, contract, fields, CONTRACT_FIELDS, _contract_rules, seen_version, attach_document
    )


def _contract_rules(contract: Contract, original: Contract | None) -> dict:
    errors = {}
    if contract.value is not None and contract.value <= 0:
        errors["value"] = "The value must be more than £0"
    if contract.starts_on and contract.ends_on and contract.ends_on < contract.starts_on:
        errors["ends_on"] = "The end date must be the same as or after the start date"
    return errors


def _attach(contract: Contract, document, content_type: str) -> None:
    # Stored under the contract's code, never the uploader's file name, with the extension of
    # what the content really is.
    contract.document.save(stored_name(str(contract.code), content_type), document, save=False)


def _checked_document(document, errors: dict) -> str:
    """The content type of a new document, or "" (with the reason in ``errors``) if refused."""
    if not document:
        return ""
    try:
        return check_document(document, max_bytes=settings.UPLOAD_MAX_BYTES)
    except ValidationError as error:
        errors["document"] = error.messages
        return ""


# --- Shared ----------------------------------------------------------------------------------


def version_of(record) -> str:
    """The record's version: its latest history entry. Edit forms carry it to spot conflicts."""
    latest = record.history.order_by("-history_id").values_list("history_id", flat=True).first()
    return "" if latest is None else str(latest)


def _require(actor, permission: str, what: str) -> None:
    if not (actor.is_authenticated and actor.is_active and actor.has_perm(permission)):
        refuse(actor, what)


def _locked(record):
    return type(record)._default_manager.select_for_update().get(pk=record.pk)


def _update(actor, record, fields, allowed, rules, seen_version, before_save=None):
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"cannot change {sorted(unknown)} of a {record._meta.verbose_name}")
    with transaction.atomic():
        current = _locked(record)
        if seen_version is not None and str(seen_version) != version_of(current):
            raise ValidationError(EDIT_CONFLICT, code="conflict")
        original = copy.copy(current)
        for name, value in fields.items():
            setattr(current, name, value)
        _validate(current, rules(current, original))
        if before_save:
            before_save(current)
        _save(actor, current)
    # The caller's object now matches what was saved.
    record.refresh_from_db()
    return record


def _validate(record, errors: dict) -> None:
    """The register's own rules and the model's ``full_clean()``, reported together by field."""
    errors = {
        field: messages if isinstance(messages, list) else [messages]
        for field, messages in errors.items()
    }
    try:
        record.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)


def _save(actor, record, reason: str = ""):
    record._history_user = actor
    if reason:
        record._change_reason = reason
    with transaction.atomic():
        record.save()
    return record
