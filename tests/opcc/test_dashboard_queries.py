""" "My work" takes a fixed handful of queries for every role, on an emptied cache, whatever the
data: every panel's rows come in one query (opcc.dashboard), the permissions in one, and the
session, the user and the second factor in the rest."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from opcc.roles import Role
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
MORE = 12  # more rows of each kind than any panel lists


def demo_person(role):
    return get_user_model().objects.filter(role=role, is_active=True).order_by("pk").first()


def grow() -> None:
    """MORE further rows of every kind a panel lists or counts."""
    from complaints.models import ComplaintStatus
    from custody_visits.models import FindingStatus, VisitStatus
    from governance.models import DecisionMaker, DecisionStatus, ReportStatus
    from opcc.models import GeneratedDocument, MessageStatus, OutboundMessage
    from tests.complaints.access_rows_complaints import ComplaintFactory
    from tests.complaints.factories import ComplaintReviewFactory
    from tests.custody_visits.factories import (
        CustodyVisitFactory,
        FindingFactory,
        VisitorFactory,
        visitor_for,
    )
    from tests.governance.factories import DecisionFactory, StatutoryReportFactory
    from tests.scrutiny.factories_inspections import InspectionFactory, PanelReportFactory
    from tests.scrutiny.factories_meetings import ActionFactory, MeetingFactory
    from tests.scrutiny.factories_plan import TopicFactory

    now = timezone.now()
    today = timezone.localdate()
    chief_executive = demo_person(Role.CHIEF_EXECUTIVE)
    staff = demo_person(Role.STAFF)
    panel_member = demo_person(Role.PANEL)
    visitor = visitor_for(demo_person(Role.VISITOR))
    for n in range(MORE):
        DecisionFactory(
            year=2031,
            status=DecisionStatus.AWAITING_ADVICE,
            advice_requested_at=now - datetime.timedelta(days=n),
        )
        for maker in (DecisionMaker.PCC, DecisionMaker.DEPUTY):
            DecisionFactory(
                year=2031,
                status=DecisionStatus.ADVISED,
                decision_maker=maker,
                advised_at=now - datetime.timedelta(days=n),
            )
        StatutoryReportFactory(
            status=ReportStatus.ISSUED, issued_at=now - datetime.timedelta(days=10 * n)
        )
        ComplaintFactory(reference=f"C-2031-{n:04d}", status=ComplaintStatus.RECEIVED)
        ComplaintFactory(reference=f"C-2032-{n:04d}", handler=staff)
        ComplaintReviewFactory(reference=f"R-2031-{n:04d}")
        ActionFactory(due_on=today - datetime.timedelta(days=n + 1))
        MeetingFactory(held_on=today + datetime.timedelta(days=n + 1))
        InspectionFactory(published_on=today - datetime.timedelta(days=5 * n))
        TopicFactory(lead=chief_executive, planned_quarter=datetime.date(2020, 1, 1))
        TopicFactory(lead=staff, planned_quarter=datetime.date(2020, 1, 1))
        PanelReportFactory(quarter=datetime.date(2010 + n, 1, 1), status="sent", sent_at=now)
        CustodyVisitFactory(status=VisitStatus.CONFIRMED, confirmed_at=now)
        CustodyVisitFactory(
            status=VisitStatus.SUBMITTED,
            submitted_at=now - datetime.timedelta(days=30),
            visitors=[visitor],
        )
        CustodyVisitFactory(visitors=[visitor])
        FindingFactory(status=FindingStatus.OPEN, due_on=today - datetime.timedelta(days=n + 1))
        VisitorFactory(vetting_expires_on=today + datetime.timedelta(days=n))
        for status in (MessageStatus.PENDING, MessageStatus.FAILED, MessageStatus.SENT):
            OutboundMessage.objects.create(
                to=panel_member.email,
                recipient=panel_member,
                subject=f"Message {n}",
                body_text="Hello",
                status=status,
            )
        for person in (chief_executive, staff, panel_member):
            GeneratedDocument.objects.create(
                kind="record_history", title=f"History {n}", requested_by=person
            )


def my_work(role, django_assert_max_num_queries) -> tuple[int, str]:
    """How many queries "My work" takes for the demo person of ``role`` on an emptied cache
    (failing past MAX_QUERIES), and the page."""
    client = sign_in(Client(), demo_person(role))
    client.get(reverse("dashboard"))  # the session's first request
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return len(captured), response.content.decode()


COUNTED = re.compile(
    r"(\d+) (decision|complaint|review|action|meeting|topic|confirmed report|response)"
)


def counts_shown(page: str) -> dict[str, int]:
    return {kind: int(number) for number, kind in COUNTED.findall(page)}


def test_my_work_takes_the_same_few_queries_for_every_role_at_any_size(
    django_assert_max_num_queries,
):
    call_command("seed_demo", allow_without_debug=True, stdout=io.StringIO())
    roles = [role.value for role in Role]
    at_demo_size = {role: my_work(role, django_assert_max_num_queries) for role in roles}

    grow()
    at_larger_size = {role: my_work(role, django_assert_max_num_queries) for role in roles}

    assert {role: queries for role, (queries, _) in at_larger_size.items()} == {
        role: queries for role, (queries, _) in at_demo_size.items()
    }
    # The larger data reached the panels: every count the Chief Executive sees went up by MORE
    # or more, and each list still stops at ten.
    before = counts_shown(at_demo_size[Role.CHIEF_EXECUTIVE][1])
    after = counts_shown(at_larger_size[Role.CHIEF_EXECUTIVE][1])
    assert set(after) == {
        "decision",
        "complaint",
        "review",
        "action",
        "meeting",
        "topic",
        "confirmed report",
        "response",
    }
    assert all(after[kind] >= before.get(kind, 0) + MORE for kind in after)
    advice = at_larger_size[Role.CHIEF_EXECUTIVE][1].split('id="panel-awaiting_my_advice"')[1]
    assert advice.split("</section>")[0].count("<li>") == 10
