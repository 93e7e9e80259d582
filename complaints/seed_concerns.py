"""Demo protocol concerns, recorded through the service by the demo member of staff: one about
the Commissioner (with the Monitoring Officer, open), one about the Chief Executive (sent to the
Chair of the Joint Audit and Standards Committee) and one about the Chief Finance Officer, closed
by the demo Chief Executive. Running it again adds nothing."""

from datetime import timedelta

from django.utils import timezone

from complaints.models import ConcernAbout, ProtocolConcern
from complaints.services import concerns as services
from opcc.models import User

RECORDED_BY = "staff@opcc.example"
CLOSED_BY = "chief.executive@opcc.example"

# (about, raised by, days ago, the concern, outcome if closed)
CONCERNS = (
    (
        ConcernAbout.PCC,
        "Rachel Green, Head of Partnerships",
        12,
        "The Commissioner asked the partnerships team to change a grant recommendation after "
        "the panel had seen it, without recording why.",
        "",
    ),
    (
        ConcernAbout.CHIEF_EXECUTIVE,
        "Owen Roberts, Policy Officer",
        8,
        "Staff were told not to record a declared interest in the minutes of the ethics committee.",
        "",
    ),
    (
        ConcernAbout.CHIEF_FINANCE_OFFICER,
        "Lucy Ahmed, Finance Assistant",
        70,
        "A budget virement was approved before the Chief Finance Officer's advice was recorded.",
        "Advice had been given orally and was recorded the same week; the virement procedure "
        "now asks for the written advice first. No breach of the protocol.",
    ),
)


def seed_concerns(scale: int, log) -> None:
    staff = User.objects.filter(email=RECORDED_BY).first()
    chief_executive = User.objects.filter(email=CLOSED_BY).first()
    if staff is None or chief_executive is None:
        log("concerns: no demo staff member or Chief Executive, nothing seeded")
        return
    today = timezone.localdate()
    added = 0
    for about, raised_by, days_ago, description, outcome in CONCERNS:
        if ProtocolConcern.objects.filter(about=about, raised_by=raised_by).exists():
            continue
        concern = services.raise_concern(
            staff,
            raised_by=raised_by,
            raised_by_email="",
            about=about,
            description=description,
            received_on=today - timedelta(days=days_ago),
        )
        if outcome:
            services.close_concern(chief_executive, concern, outcome=outcome)
        added += 1
    log(f"concerns: {added} added")
