"""Demo data of the misconduct hearing panels: a pool of three legally qualified chairs and five
independent members (one with a declared conflict, one whose appointment has ended) and two past
hearings whose panels were chosen through the service, by the demo Chief Executive. Running it
again adds nothing."""

from datetime import date, timedelta

from django.utils import timezone

from complaints.models import Hearing, HearingKind, PanelMember, PanelMemberKind
from complaints.services import panels as services
from opcc.models import User

RECORDED_BY = "chief.executive@opcc.example"
CONFLICTED_OFFICER = "Inspector Dan Hollis"

# (name, kind, appointed for this many days from today (negative: ended), declared conflicts)
POOL = (
    ("Margaret Okafor KC", PanelMemberKind.LEGALLY_QUALIFIED_CHAIR, 900, ""),
    ("David Lloyd-Evans", PanelMemberKind.LEGALLY_QUALIFIED_CHAIR, 600, ""),
    ("Harriet Singh", PanelMemberKind.LEGALLY_QUALIFIED_CHAIR, 1200, ""),
    ("Gareth Pryce", PanelMemberKind.INDEPENDENT_MEMBER, 700, CONFLICTED_OFFICER),
    ("Fiona McAllister", PanelMemberKind.INDEPENDENT_MEMBER, 800, ""),
    ("Rashid Begum", PanelMemberKind.INDEPENDENT_MEMBER, 500, ""),
    ("Eleanor Whitfield", PanelMemberKind.INDEPENDENT_MEMBER, 1000, ""),
    ("Colin Barraclough", PanelMemberKind.INDEPENDENT_MEMBER, -120, ""),
)

# (kind, days ago, officer concerned, outcome)
HEARINGS = (
    (
        HearingKind.MISCONDUCT_HEARING,
        60,
        CONFLICTED_OFFICER,
        "Gross misconduct proven: final written warning.",
    ),
    (
        HearingKind.POLICE_APPEALS_TRIBUNAL,
        20,
        "PC Laura Kendrick",
        "",
    ),
)


def seed_panels(scale: int, log) -> None:
    actor = User.objects.filter(email=RECORDED_BY).first()
    if actor is None:
        log("panels: no demo Chief Executive, nothing seeded")
        return
    today = timezone.localdate()
    for name, kind, days, conflicts in POOL:
        if PanelMember.objects.filter(name=name).exists():
            continue
        services.add_panel_member(
            actor,
            name=name,
            kind=kind,
            appointed_until=today + timedelta(days=days),
            conflicts=conflicts,
        )
        log(f"panels: added {name}")
    if Hearing.objects.exists():
        return
    for kind, days_ago, officer, outcome in HEARINGS:
        held_on: date = today - timedelta(days=days_ago)
        hearing = services.choose_panel(actor, kind=kind, held_on=held_on, officer=officer)
        if outcome:
            services.record_hearing_outcome(actor, hearing, outcome=outcome)
        log(f"panels: chose the panel for the {hearing}")
