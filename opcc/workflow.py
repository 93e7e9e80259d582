"""The small steps every service repeats: check a permission, move a record along its
transition table, lock it, and save it with its version bumped and its author in history."""

from django.core.exceptions import ValidationError

from opcc import access


def require(actor, permission: str, what: str) -> None:
    """Refuse (403, logged) unless the actor holds ``permission`` through their role."""
    if not actor.has_perm(permission):
        access.refuse(actor, what)


def move(record, status: str, transitions: dict) -> None:
    """Set ``record.status`` if its transition table allows it; say why not otherwise."""
    if status not in transitions[record.status]:
        field = record._meta.get_field("status")
        labels = dict(field.choices)
        name = record._meta.verbose_name
        raise ValidationError(
            f"A {name} that is {labels[record.status].lower()} cannot become "
            f"{labels[status].lower()}."
        )
    record.status = status


def locked(record):
    """The record re-read under a row lock, for the rest of the transaction."""
    return type(record).objects.select_for_update().get(pk=record.pk)


def save_versioned(record, actor):
    """Save after full_clean, with the version bumped (for concurrent-edit checks) and the
    acting user recorded in simple-history."""
    record.version += 1
    record._history_user = actor
    record.full_clean()
    record.save()
    return record
