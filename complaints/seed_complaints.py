"""Demo complaints of every kind and state, made through the services so they carry the same
history and notifications as real use. Idempotent: each is known by its complainant's e-mail."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from complaints.models import (
    Complainant,
    Complaint,
    ComplaintChannel,
    ComplaintStatus,
    ComplaintSubject,
    DisapplicationGround,
    Disposal,
)
from complaints.services import complaints as services
from opcc import seed_bulk
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
    if scale:
        seed_complaints_at_scale(scale, chief_executive, log)


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


# --- Benchmark volumes (seed_demo --scale N): N/2 complaints, bulk-created without history ---

FIRST_NAMES = ("Alex", "Bailey", "Cameron", "Devon", "Emery", "Finley", "Harper", "Jesse")
LAST_NAMES = ("Ahmed", "Brown", "Davies", "Jones", "Khan", "Nowak", "Smith", "Taylor", "Wilson")
BENCHMARK_DETAILS = (
    "Officers did not return my calls about a burglary at my home.",
    "An officer was rude to me at a roadside stop.",
    "My property was not returned after the investigation ended.",
    "The force did not tell me my case had been closed.",
    "Officers searched my car without explaining why.",
    "The Commissioner did not answer my letter about local policing.",
)
BENCHMARK_OUTCOMES = (
    "The force apologised and explained what it had done.",
    "Learning was identified for the officers involved.",
    "No further action: the service provided was acceptable.",
)


def benchmark_complainant(kind: str, n: int, anonymised_at=None) -> Complainant:
    """A made-up member of the public for benchmark case ``n``; anonymised if the case's
    retention has ended, as the nightly task would have done."""
    from complaints.services.personal_data import ANONYMISED_COMPLAINANT

    first, last = seed_bulk.pick(n, 11, FIRST_NAMES), seed_bulk.pick(n, 12, LAST_NAMES)
    complainant = Complainant(
        code=seed_bulk.code_for(f"{kind}-complainant", n),
        name=f"{first} {last}",
        email=f"{first.lower()}.{last.lower()}{n}@example.org",
    )
    if anonymised_at is not None:
        for field, value in ANONYMISED_COMPLAINANT.items():
            setattr(complainant, field, value)
        complainant.anonymised_at = anonymised_at
    return complainant


def attach_benchmark_complainants(kind: str, cases: list, indexes: list[int]) -> None:
    """Bulk-create a complainant for each benchmark case (``indexes`` their numbers) and set
    it on the case, which is not saved yet."""
    complainants = seed_bulk.create(
        Complainant,
        (
            benchmark_complainant(kind, n, case.anonymised_at)
            for case, n in zip(cases, indexes, strict=True)
        ),
    )
    for case, complainant in zip(cases, complainants, strict=True):
        case.complainant = complainant


def benchmark_disposal(case, now) -> Disposal:
    from complaints.services.personal_data import DISPOSAL_REASON

    return Disposal(
        case_reference=case.reference,
        kind=case._meta.verbose_name,
        disposed_at=now,
        reason=DISPOSAL_REASON,
    )


def seed_complaints_at_scale(scale: int, chief_executive, log) -> None:
    """Complaints received over ten years, in every state their age allows; those closed before
    the retention period already anonymised (with their disposal logged)."""
    from django.conf import settings

    from complaints.services.personal_data import retention_cutoff

    wanted = seed_bulk.missing(Complaint, "complaint", seed_bulk.share(scale, "complaints"))
    if not wanted:
        return
    today = timezone.localdate()
    now = seed_bulk.last_night(today)
    cutoff = retention_cutoff(today, settings.COMPLAINT_RETENTION_YEARS)
    last = seed_bulk.last_numbers(Complaint.objects.values_list("reference", flat=True), "-")
    complaints, indexes = [], []
    for received_on, n in sorted((seed_bulk.day_of(n, today), n) for n in wanted):
        number = last[received_on.year] = last.get(received_on.year, 0) + 1
        complaint = _benchmark_complaint(n, received_on, today, chief_executive)
        complaint.reference = f"C-{received_on.year}-{number:04d}"
        if complaint.status == ComplaintStatus.CLOSED and complaint.closed_on <= cutoff:
            complaint.details = complaint.outcome = ""
            complaint.anonymised_at = now
        complaints.append(complaint)
        indexes.append(n)
    with transaction.atomic():
        attach_benchmark_complainants("complaint", complaints, indexes)
        seed_bulk.create(Complaint, complaints)
        seed_bulk.create(
            Disposal, (benchmark_disposal(c, now) for c in complaints if c.anonymised_at)
        )
    log(f"complaints: {len(complaints)} benchmark complaints added")


def _benchmark_complaint(n, received_on, today, chief_executive) -> Complaint:
    subject = seed_bulk.pick(n, 4, (PCC, DEPUTY, CHIEF_CONSTABLE, CHIEF_CONSTABLE, CHIEF_CONSTABLE))
    age = (today - received_on).days
    if age <= 14:
        stage = seed_bulk.pick(n, 5, ("received", "recorded"))
    elif age <= 365:
        stage = seed_bulk.pick(
            n, 5, ("closed", "closed", "handled", "iopc", "disapplied", "not_recorded")
        )
    else:
        stage = "closed"
    complaint = Complaint(
        code=seed_bulk.code_for("complaint", n),
        subject=subject,
        channel=seed_bulk.pick(n, 6, ComplaintChannel.values),
        received_on=received_on,
        details=seed_bulk.pick(n, 7, BENCHMARK_DETAILS),
        created_at=seed_bulk.moment(received_on, 9 + n % 8),
    )
    if stage == "received":
        return complaint
    if stage == "not_recorded":
        complaint.status = ComplaintStatus.NOT_RECORDED
        complaint.not_recorded_reason = "It is about policy, not anyone's conduct."
        return complaint
    complaint.recorded_on = min(received_on + timedelta(days=3), today)
    complaint.status = ComplaintStatus.RECORDED
    if stage == "recorded":
        return complaint
    route = stage if stage != "closed" else seed_bulk.pick(n, 8, ("handled", "handled", "iopc"))
    if route == "iopc":
        complaint.status = ComplaintStatus.REFERRED_TO_IOPC
        complaint.iopc_referred_on = complaint.recorded_on
        complaint.serious_complaint = True
    elif route == "disapplied":
        complaint.status = ComplaintStatus.DISAPPLIED
        complaint.disapplication_ground = seed_bulk.pick(n, 9, DisapplicationGround.values)
    elif subject == CHIEF_CONSTABLE:
        complaint.status = ComplaintStatus.BEING_HANDLED
        complaint.handler = chief_executive
    else:
        complaint.status = ComplaintStatus.INFORMAL_RESOLUTION
    if stage == "closed":
        complaint.status = ComplaintStatus.CLOSED
        complaint.closed_on = min(received_on + timedelta(days=30 + n % 90), today)
        complaint.outcome = seed_bulk.pick(n, 10, BENCHMARK_OUTCOMES)
    return complaint
