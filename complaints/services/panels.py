"""Misconduct hearing panels: the pool of legally qualified chairs and independent members, and the
panels chosen from it in fair rotation.

Every change goes through one of these functions. Each takes the acting user first, asks whether
they may, validates, and saves inside a transaction. A member is never deleted: one who no longer
sits is made inactive, and keeps the hearings they sat on.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from complaints.models import Hearing, HearingSeat, PanelMember, PanelMemberKind
from opcc import access

# Police (Conduct) Regulations 2020 reg. 28: a misconduct hearing panel is a legally qualified
# chair and two independent members (the third member, a police officer, is not drawn from the
# pool). A Police Appeals Tribunal is drawn from the same pool the same way here.
SEATS = (
    (PanelMemberKind.LEGALLY_QUALIFIED_CHAIR, 1),
    (PanelMemberKind.INDEPENDENT_MEMBER, 2),
)
MEMBER_FIELDS = frozenset({"name", "kind", "appointed_until", "active", "conflicts"})


def _require(actor, permission: str, what: str) -> None:
    if not actor.has_perm(permission):
        access.refuse(actor, what)


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def has_conflict(member: PanelMember, officer: str) -> bool:
    """Whether the member has declared a conflict naming the officer: one line of their declared
    conflicts is the officer's name, ignoring case and spacing."""
    officer = _normalised(officer)
    return any(
        _normalised(line) == officer for line in member.conflicts.splitlines() if line.strip()
    )


def add_panel_member(
    actor, *, name: str, kind: str, appointed_until: date, conflicts: str = ""
) -> PanelMember:
    """Add a legally qualified chair or an independent member to the pool."""
    _require(actor, "complaints.add_panelmember", "add a panel member")
    member = PanelMember(
        name=name.strip(), kind=kind, appointed_until=appointed_until, conflicts=conflicts.strip()
    )
    with transaction.atomic():
        member._history_user = actor
        member.full_clean()
        member.save()
    return member


def update_panel_member(actor, member: PanelMember, **fields) -> PanelMember:
    """Correct a member's details, declare conflicts, or make them inactive (``active=False``):
    an inactive member is never chosen, and keeps their past hearings."""
    _require(actor, "complaints.change_panelmember", f"change panel member {member.pk}")
    unknown = set(fields) - MEMBER_FIELDS
    if unknown:
        raise TypeError(f"update_panel_member() cannot change {sorted(unknown)}")
    for text in ("name", "conflicts"):
        if text in fields:
            fields[text] = fields[text].strip()
    with transaction.atomic():
        current = PanelMember.objects.select_for_update().get(pk=member.pk)
        for name, value in fields.items():
            setattr(current, name, value)
        current._history_user = actor
        current.full_clean()
        current.save()
    return current


def next_in_rotation(kind: str, *, held_on: date, officer: str, needed: int) -> list[PanelMember]:
    """The next ``needed`` members of ``kind`` who may sit on a hearing on ``held_on`` about
    ``officer``: active, still appointed on the day, with no declared conflict naming the officer;
    those never chosen first, then those chosen longest ago, then by name."""
    candidates = PanelMember.objects.filter(
        kind=kind, active=True, appointed_until__gte=held_on
    ).order_by(F("last_selected_at").asc(nulls_first=True), "name", "pk")
    chosen = []
    for member in candidates:
        if not has_conflict(member, officer):
            chosen.append(member)
            if len(chosen) == needed:
                break
    return chosen


def choose_panel(actor, *, kind: str, held_on: date, officer: str) -> Hearing:
    """Record a hearing and seat its panel: one legally qualified chair and two independent
    members, each the next available in fair rotation (see :func:`next_in_rotation`). If the pool
    cannot fill every seat, nothing is saved and the error says which seats are short."""
    _require(actor, "complaints.add_hearing", "choose a hearing panel")
    hearing = Hearing(kind=kind, held_on=held_on, officer=(officer or "").strip())
    hearing.full_clean()
    with transaction.atomic():
        # Lock the pool before reading the rotation, so a panel chosen at the same moment waits
        # and then reads who was just chosen, instead of taking the same members out of turn.
        # The rotation is read again after the lock: a locked read's ordering may be stale.
        kinds = [seat_kind for seat_kind, _ in SEATS]
        list(
            PanelMember.objects.select_for_update()
            .filter(kind__in=kinds, active=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        panel, short = [], []
        for seat_kind, needed in SEATS:
            members = next_in_rotation(
                seat_kind, held_on=hearing.held_on, officer=hearing.officer, needed=needed
            )
            if len(members) < needed:
                short.append(_shortfall(seat_kind, needed, len(members)))
            panel.extend(members)
        if short:
            raise ValidationError(
                "There are not enough panel members available for this hearing: "
                + "; ".join(short)
                + ". Members must be active, appointed until the hearing date or later, and "
                "have no declared conflict with the officer. Add or update members in the pool."
            )
        hearing._history_user = actor
        hearing.save()
        now = timezone.now()
        for member in panel:
            HearingSeat.objects.create(hearing=hearing, member=member, chosen_at=now)
            member.last_selected_at = now
            member._history_user = actor
            member.save(update_fields=["last_selected_at"])
    return hearing


def _shortfall(kind: str, needed: int, available: int) -> str:
    label = PanelMemberKind(kind).label.lower()
    return f"{needed} {label}{'s' if needed > 1 else ''} needed, {available} available"


def record_hearing_outcome(actor, hearing: Hearing, *, outcome: str) -> Hearing:
    """Record (or correct) what the hearing decided."""
    _require(actor, "complaints.change_hearing", f"record the outcome of hearing {hearing.pk}")
    outcome = (outcome or "").strip()
    if not outcome:
        raise ValidationError({"outcome": "Enter the outcome of the hearing"})
    with transaction.atomic():
        current = Hearing.objects.select_for_update().get(pk=hearing.pk)
        current.outcome = outcome
        current._history_user = actor
        current.full_clean()
        current.save()
    return current
