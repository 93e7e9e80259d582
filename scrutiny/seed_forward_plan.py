"""Demo work programme: a topic from each source and a horizon-scanning log, one entry of which
became a topic. Made through the services; idempotent (known by their titles)."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from opcc import seed_bulk
from opcc.models import User
from scrutiny.models import ForwardPlanTopic, HorizonScanEntry, Relevance, TopicSource
from scrutiny.quarters import quarter_start
from scrutiny.services import forward_plan as services

STAFF_EMAIL = "staff@opcc.example"
CHIEF_EXECUTIVE_EMAIL = "chief.executive@opcc.example"

TOPICS = [
    ("Neighbourhood crime: progress against the Plan", TopicSource.PLAN_PRIORITY, "Priority 1", 0),
    ("Witnesses not contacted in complaint handling", TopicSource.COMPLAINT_REVIEW_THEME,
     "Theme: witnesses not contacted", 1),
    ("999 call answering", TopicSource.HMICFRS_FINDING, "PEEL 2025 recommendation 1", 1),
    ("Detainees' access to food and drink", TopicSource.CUSTODY_VISITING_FINDING,
     "Central custody suite findings", 2),
]  # fmt: skip

SCANS = [
    ("Home Office", "Consultation on changes to police complaints regulations.", Relevance.HIGH,
     "Draft a response for the Commissioner.", 10),
    ("NPCC", "New national guidance on mental health demand (Right Care, Right Person).",
     Relevance.MEDIUM, "Ask the force how it is putting the guidance into practice.", 25),
    ("College of Policing", "Updated code of ethics published.", Relevance.LOW, "", 40),
]  # fmt: skip


def seed_forward_plan(scale: int, log) -> None:
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    chief_executive = User.objects.filter(email=CHIEF_EXECUTIVE_EMAIL).first()
    if staff is None or chief_executive is None:
        log("forward plan: demo people missing, skipped")
        return
    today = timezone.localdate()
    this_quarter = quarter_start(today)
    made = 0
    for title, source, reference, quarters_ahead in TOPICS:
        if ForwardPlanTopic.objects.filter(title=title).exists():
            continue
        services.plan_topic(
            staff,
            title=title,
            source=source,
            source_reference=reference,
            planned_quarter=this_quarter + relativedelta(months=3 * quarters_ahead),
            lead=staff if quarters_ahead else chief_executive,
        )
        made += 1
    for source, summary, relevance, action, days_ago in SCANS:
        if HorizonScanEntry.objects.filter(summary=summary).exists():
            continue
        entry = services.note_horizon_scan(
            staff,
            noted_on=today - timedelta(days=days_ago),
            source=source,
            summary=summary,
            relevance=relevance,
            action=action,
        )
        made += 1
        if relevance == Relevance.MEDIUM:
            services.plan_topic(
                staff,
                horizon_scan_entry=entry,
                title="Right Care, Right Person: the force's progress",
                source_reference=source,
                planned_quarter=this_quarter + relativedelta(months=3),
                lead=staff,
            )
    if scale:
        # Benchmark rows, made in bulk (without history), as the core app's outbox does.
        existing = HorizonScanEntry.objects.filter(source="Benchmark").count()
        HorizonScanEntry.objects.bulk_create(
            [
                HorizonScanEntry(
                    noted_on=seed_bulk.day_of(n, today),
                    created_at=seed_bulk.moment(seed_bulk.day_of(n, today)),
                    source="Benchmark",
                    summary=f"Benchmark horizon-scan entry {n}",
                    relevance=Relevance.LOW,
                    noted_by=staff,
                )
                for n in range(existing, seed_bulk.share(scale, "horizon_scan_entries"))
            ],
            batch_size=2000,
        )
    log(f"forward plan: {made} demo topics and horizon-scan entries added")
