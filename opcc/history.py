"""Read the simple-history record of any historical model: who changed what and when."""

from dataclasses import dataclass

from django.apps import apps
from django.http import Http404
from simple_history.models import registered_models

CHANGE_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}
HIDDEN_FIELDS = {"password", "last_login"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: object
    who: str
    what: str
    reason: str
    changes: list[FieldChange]


def historical_model(app_label: str, model_name: str):
    """The model named in a URL, if it keeps history; 404 otherwise."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    if registered_models.get(model._meta.db_table) is not model:
        raise Http404
    return model


def hidden_fields(model) -> set[str]:
    """Fields never shown in history: credentials, and what the model declares sensitive."""
    return HIDDEN_FIELDS | set(getattr(model, "history_hidden_fields", ()))


def records_of(obj):
    return obj.history.select_related("history_user").order_by("-history_date", "-history_id")


def _display(field, value) -> str:
    if value is None or value == "":
        return "(empty)"
    choices = dict(field.flatchoices) if field.choices else None
    if choices is not None:
        return str(choices.get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def entries(records: list, older) -> list[HistoryEntry]:
    """Turn history records (newest first) into entries with their field-by-field changes.

    ``older`` is the record just before the last one given (or None), so a page of records is
    diffed without one query per record.
    """
    result = []
    hidden = hidden_fields(records[0].instance_type) if records else set()
    following = [*records[1:], older]
    deltas = [
        record.diff_against(previous).changes
        if previous is not None and record.history_type == "~"
        else []
        for record, previous in zip(records, following, strict=True)
    ]
    names = _related_names(records[0].instance_type, deltas) if records else {}
    for record, delta in zip(records, deltas, strict=True):
        changes = []
        for change in delta:
            if change.field in hidden:
                continue
            field = record.instance_type._meta.get_field(change.field)
            shown = names.get(change.field, {})
            changes.append(
                FieldChange(
                    str(field.verbose_name).capitalize(),
                    shown.get(change.old) or _display(field, change.old),
                    shown.get(change.new) or _display(field, change.new),
                )
            )
        who = record.history_user.full_name if record.history_user else "The portal (automatic)"
        result.append(
            HistoryEntry(
                when=record.history_date,
                who=who,
                what=CHANGE_TYPES.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return result


def _related_names(model, deltas) -> dict:
    """For foreign keys that changed, each id's name: one query per related model."""
    wanted: dict[str, set] = {}
    for delta in deltas:
        for change in delta:
            field = model._meta.get_field(change.field)
            if field.many_to_one:
                wanted.setdefault(change.field, set()).update(
                    value for value in (change.old, change.new) if value is not None
                )
    return {
        name: {
            pk: str(obj)
            for pk, obj in model._meta.get_field(name)
            .related_model._default_manager.in_bulk(ids)
            .items()
        }
        for name, ids in wanted.items()
    }


def pdf_context(document) -> dict:
    obj = document.of
    records = list(records_of(obj)[:500])
    return {"document": document, "object": obj, "entries": entries(records, None)}
