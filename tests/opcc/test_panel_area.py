"""The panel's page: what was sent to each member, newest first, with delivery, and what was
published lately; nobody else's messages; constant queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from opcc.models import GeneratedDocument, MessageAttachment, MessageStatus, OutboundMessage
from opcc.roles import Role
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("panel_area")


def sent(to, subject, *, delivered=True, days_ago=0, document=None):
    message = OutboundMessage.objects.create(
        kind="statutory_report_panel_copy",
        to=to.email,
        recipient=to,
        subject=subject,
        body_text="A copy for the panel.",
        status=MessageStatus.SENT if delivered else MessageStatus.PENDING,
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
        sent_at=timezone.now() - datetime.timedelta(days=days_ago) if delivered else None,
    )
    if document is not None:
        MessageAttachment.objects.create(message=message, filename="report.pdf", document=document)
    return message


def test_a_member_sees_what_was_sent_to_them_newest_first_with_delivery(people, client_for):
    member = people[Role.PANEL]
    document = GeneratedDocument.objects.create(
        kind="statutory_report", title="MO report 1", requested_by=people[Role.CHIEF_EXECUTIVE]
    )
    sent(member, "Monitoring Officer report: copy for the panel", days_ago=3, document=document)
    sent(member, "Quarterly report to the panel", delivered=False)
    sent(UserFactory(role=Role.PANEL), "Sent to another member only")

    page = client_for(Role.PANEL).get(URL).content.decode()

    assert page.index("Quarterly report to the panel") < page.index("Monitoring Officer report")
    assert "Sent to another member only" not in page
    assert "Delivered" in page and "Being sent" in page
    assert reverse("document", args=[document.code]) in page


@pytest.mark.parametrize("count", [2, 20])
def test_the_page_queries_do_not_grow(people, client_for, count, django_assert_max_num_queries):
    for number in range(count):
        sent(people[Role.PANEL], f"Paper {number}")
    client = client_for(Role.PANEL)

    with django_assert_max_num_queries(32):  # the hub asks each app for its last update
        assert client.get(URL).status_code == 200


def test_the_dashboard_shows_a_member_their_latest(people, client_for):
    sent(people[Role.PANEL], "Quarterly report to the panel")

    page = client_for(Role.PANEL).get(reverse("dashboard")).content.decode()

    assert "Quarterly report to the panel" in page and URL in page
