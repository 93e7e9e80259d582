"""Demo HMICFRS reports: a PEEL report answered and published (today, within its 56 days), and
a thematic report whose response is due soon. Made through the services; idempotent (known by
their titles)."""

from datetime import timedelta

from django.utils import timezone

from opcc.models import User
from scrutiny.models import HmicfrsInspection, InspectionType, ResponseKind
from scrutiny.services import inspections as services

STAFF_EMAIL = "staff@opcc.example"
PCC_EMAIL = "pcc@opcc.example"
PEEL_TITLE = "PEEL 2025: police effectiveness, efficiency and legitimacy"
THEMATIC_TITLE = "An inspection of how police forces respond to stalking"


def seed_inspections(scale: int, log) -> None:
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    pcc = User.objects.filter(email=PCC_EMAIL).first()
    if staff is None or pcc is None:
        log("hmicfrs: demo people missing, skipped")
        return
    today = timezone.localdate()
    made = 0
    if not HmicfrsInspection.objects.filter(title=PEEL_TITLE).exists():
        _answered_peel(staff, pcc, published_on=today - timedelta(days=40))
        made += 1
    if not HmicfrsInspection.objects.filter(title=THEMATIC_TITLE).exists():
        thematic = services.record_inspection(
            staff,
            title=THEMATIC_TITLE,
            inspection_type=InspectionType.THEMATIC,
            published_on=today - timedelta(days=45),
            link="https://hmicfrs.justiceinspectorates.gov.uk/publications/stalking/",
            recommendations=[
                "Chief constables should make sure stalking protection orders are considered "
                "in every case.",
                "Forces should record stalking correctly, and audit their records.",
            ],
            areas_for_improvement=["The force should improve its risk assessments."],
        )
        services.request_chief_constable_comments(
            staff, thematic, requested_on=today - timedelta(days=40)
        )
        made += 1
    log(f"hmicfrs: {made} demo reports added")


def _answered_peel(staff, pcc, *, published_on) -> None:
    peel = services.record_inspection(
        staff,
        title=PEEL_TITLE,
        inspection_type=InspectionType.PEEL,
        published_on=published_on,
        link="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/",
        recommendations=["The force should answer 999 calls more quickly."],
        areas_for_improvement=[
            "The force should make sure it records crime accurately.",
            "The force should understand its demand from people with mental ill health.",
        ],
    )
    peel = services.request_chief_constable_comments(
        staff, peel, requested_on=published_on + timedelta(days=2)
    )
    peel = services.record_chief_constable_comments(
        staff,
        peel,
        received_on=published_on + timedelta(days=20),
        comments="I welcome the report. The force has a plan for each area, overseen by the "
        "Deputy Chief Constable.",
    )
    answers = {
        1: (ResponseKind.ACTION_TAKEN, "Call handlers were added in the control room in June."),
        2: (ResponseKind.ACTION_PROPOSED, "A crime data audit will report to the board."),
        3: (
            ResponseKind.NO_ACTION,
            "Already covered by the joint mental health work with the NHS.",
        ),
    }
    for index, item in enumerate(peel.items.order_by("kind", "number"), start=1):
        kind, text = answers[index]
        services.respond_to_item(staff, item, response_kind=kind, response=text)
    peel.refresh_from_db()
    peel = services.save_response_introduction(
        staff,
        peel,
        introduction="I welcome HMICFRS's report, and I will hold the Chief Constable to account "
        "for progress on each recommendation at the accountability board.",
        expected_version=peel.version,
    )
    peel = services.publish_response(pcc, peel)
    sent_on = timezone.localdate(peel.response_published_at)
    services.record_sent(
        staff, peel, sent_to_inspectorate_on=sent_on, sent_to_home_secretary_on=sent_on
    )
