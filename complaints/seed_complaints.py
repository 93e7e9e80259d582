"""Demo complaints of every kind and state, made through the services so they carry the same
history and notifications as real use. Idempotent: each is known by its complainant's e-mail."""

from datetime import timedelta

from django.utils import timezone

from complaints.models import Complaint, ComplaintSubject, DisapplicationGround
from complaints.services import complaints as services
from opcc.models import User

CHIEF_EXECUTIVE_EMAIL = "chief.executive@opcc.example"
STAFF_EMAIL = "staff@opcc.example"

PCC, DEPUTY, CHIEF_CONSTABLE = (
    ComplaintSubject.PCC,
    ComplaintSubject.DEPUTY,
    ComplaintSubject.CHIEF_CONSTABLE,
)
# (complainant's name, about whom, days since it arrived, how far it goes, what happened)
DEMO_COMPLAINTS = [
    ("Alex Morgan", PCC, 3, "received", "The Commissioner shared my details at a public meeting."),
    ("Billie Carter", PCC, 40, "panel", "The Commissioner was rude to me at a surgery."),
    ("Charlie Evans", DEPUTY, 30, "iopc", "The Deputy offered a contract to a friend for money."),
    ("Dana Hughes", CHIEF_CONSTABLE, 20, "handled", "The Chief Constable ignored my letters."),
    ("Eli Roberts", CHIEF_CONSTABLE, 90, "closed", "The Chief Constable misled a public meeting."),
    ("Frankie Lewis", PCC, 25, "not_recorded", "I do not like the Commissioner's policies."),
    ("Gale Price", DEPUTY, 50, "disapplied", "The same complaint as last year, again."),
]


def _email(name: str) -> str:
    return f"{name.split()[0].lower()}.complaint@example.org"


def seed(scale: int, log) -> None:
    chief_executive = User.objects.filter(email=CHIEF_EXECUTIVE_EMAIL).first()
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    if chief_executive is None or staff is None:
        log("complaints: demo people missing, skipped")
        return
    today = timezone.localdate()
    made = 0
    for name, subject, days, stage, details in DEMO_COMPLAINTS:
        if Complaint.objects.filter(complainant__email=_email(name)).exists():
            continue
        complaint = services.receive_complaint(
            actor=chief_executive,
            channel="letter",
            subject=subject,
            name=name,
            email=_email(name),
            phone="",
            details=details,
            received_on=today - timedelta(days=days),
        )
        _advance(complaint, stage, chief_executive, staff)
        made += 1
    log(f"complaints: {made} demo complaints added")


def _advance(complaint, stage, chief_executive, staff) -> None:
    if stage == "received":
        return
    if stage == "not_recorded":
        services.decline_to_record(
            chief_executive, complaint, reason="It is about policy, not the Commissioner's conduct."
        )
        return
    services.record_complaint(chief_executive, complaint)
    if stage == "panel":
        services.pass_to_panel(chief_executive, complaint)
    elif stage == "iopc":
        services.refer_to_iopc(
            chief_executive,
            complaint,
            referred_on=complaint.received_on + timedelta(days=2),
            serious=True,
            conduct_matter=False,
        )
    elif stage == "disapplied":
        services.disapply(chief_executive, complaint, ground=DisapplicationGround.REPETITIOUS)
    elif stage in ("handled", "closed"):
        services.assign_handler(chief_executive, complaint, handler=staff)
        if stage == "closed":
            services.close_complaint(
                staff,
                complaint,
                outcome="The Chief Constable apologised and corrected the record in public.",
            )
