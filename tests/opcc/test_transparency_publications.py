"""The transparency hub's hand-published categories: publishing a document (checked by what it
contains), withdrawing it, the category page, overdue marks at their edges, the Chief
Executive's reminder sent once, and constant query counts."""

import datetime
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from opcc.models import OutboundMessage, TransparencyPublication
from opcc.publications import publish_document, remind_overdue_categories
from opcc.roles import Role
from opcc.seed_transparency import BLANK_PDF
from opcc.transparency import hub_rows

pytestmark = pytest.mark.django_db

PUBLISH_URL = reverse("transparency_publish")
MANAGE_URL = reverse("transparency_manage")
SPENDING_URL = reverse("transparency_category", args=["spending"])


def pdf(name="spending.pdf", content=BLANK_PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def form(**changes):
    data = {
        "category": "spending",
        "title": "Spending over £500: October 2026",
        "summary": "Each payment over £500.",
        "published_on_0": "3",
        "published_on_1": "11",
        "published_on_2": "2026",
        "document": pdf(),
    }
    return {**data, **changes}


def published(people, category="spending", day=datetime.date(2026, 10, 23), title="Entry"):
    return publish_document(
        people[Role.STAFF],
        category=category,
        title=title,
        summary="",
        published_on=day,
        document=pdf(),
    )


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def test_staff_publish_a_document_that_the_public_can_find_and_download(client_for):
    response = client_for(Role.STAFF).post(PUBLISH_URL, form())

    assert response.status_code == 302
    entry = TransparencyPublication.objects.get()
    assert entry.document.name.endswith(f"{entry.code}.pdf")  # our name, not the sender's
    public = Client()
    page = public.get(SPENDING_URL).content.decode()
    assert "Spending over £500: October 2026" in page and "3 November 2026" in page
    download = public.get(entry.get_document_url())
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    hub = public.get(reverse("transparency")).content.decode()
    assert "3 November 2026" in hub


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"category": "gossip"}, "Choose the category of information"),
        ({"title": ""}, "Enter a title"),
        ({"document": ""}, "Select the document to publish"),
        (
            {"document": pdf("page.pdf", b"<html><script>alert(1)</script></html>")},
            "The selected file must be a PDF, Word, Excel, PowerPoint or OpenDocument file",
        ),
        ({"published_on_2": "2027"}, "must be today or in the past"),
        ({"published_on_0": "31", "published_on_1": "2"}, "must be a real date"),
    ],
)
def test_bad_input_is_refused_and_nothing_published(client_for, changes, message):
    response = client_for(Role.STAFF).post(PUBLISH_URL, form(**changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TransparencyPublication.objects.exists()


@pytest.mark.parametrize("role", [Role.PANEL, Role.VISITOR, Role.PCC, Role.DEPUTY])
def test_only_the_office_staff_publish(client_for, role):
    assert client_for(role).post(PUBLISH_URL, form()).status_code == 403
    assert not TransparencyPublication.objects.exists()


def test_a_withdrawn_document_leaves_the_hub_but_stays_on_record(people, client_for):
    entry = published(people, title="Wrong month")
    url = reverse("transparency_withdraw", args=[entry.code])
    client = client_for(Role.STAFF)

    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Published for the wrong month"}).status_code == 302

    assert "Wrong month" not in Client().get(SPENDING_URL).content.decode()
    assert Client().get(entry.get_document_url()).status_code == 404
    assert "Published for the wrong month" in client.get(MANAGE_URL).content.decode()
    entry.refresh_from_db()
    assert entry.history.first().history_user == people[Role.STAFF]


@pytest.mark.parametrize(
    ("today", "overdue"),
    [("2026-11-23", False), ("2026-11-24", True)],  # monthly: a whole month after 23 October
)
def test_a_monthly_category_is_overdue_the_day_after_a_whole_month(people, today, overdue):
    published(people, day=datetime.date(2026, 10, 23))

    with time_machine.travel(f"{today} 10:00 +0000", tick=False):
        [row] = [row for row in hub_rows() if row.category.key == "spending"]

    assert row.last_updated == datetime.date(2026, 10, 23)
    assert row.is_overdue is overdue


def test_the_chief_executive_is_reminded_once_per_overdue_spell(people):
    published(people, day=datetime.date(2026, 9, 1))

    assert remind_overdue_categories() == 1
    assert remind_overdue_categories() == 0
    reminders = OutboundMessage.objects.filter(kind="transparency_overdue")
    assert [m.to for m in reminders] == [people[Role.CHIEF_EXECUTIVE].email]
    assert "Spending over £500" in reminders.get().subject

    published(people, day=datetime.date(2026, 11, 20))  # brought up to date ...
    assert remind_overdue_categories() == 0
    with time_machine.travel("2027-01-05 10:00 +0000", tick=False):  # ... and overdue again
        assert remind_overdue_categories() == 1


def test_the_dashboard_lists_overdue_categories_for_those_who_publish(people, client_for):
    published(people, day=datetime.date(2026, 9, 1))

    chief_executive = client_for(Role.CHIEF_EXECUTIVE).get(reverse("dashboard")).content.decode()
    panel_member = client_for(Role.PANEL).get(reverse("dashboard")).content.decode()

    assert "Transparency hub: overdue" in chief_executive
    assert "Transparency hub: overdue" not in panel_member


@pytest.mark.parametrize("rows", [2, 20])
def test_category_and_publishing_pages_query_counts_do_not_grow(
    people, client_for, rows, django_assert_max_num_queries
):
    for number in range(rows):
        published(people, title=f"Month {number}")
    staff = client_for(Role.STAFF)

    with django_assert_max_num_queries(4):
        assert Client().get(SPENDING_URL).status_code == 200
    with django_assert_max_num_queries(30):  # the hub asks each app for its last update
        assert staff.get(MANAGE_URL).status_code == 200


def test_demo_data_fills_every_category_no_app_publishes_and_seeding_twice_adds_nothing(people):
    from opcc.registry import transparency_sources
    from opcc.seed_transparency import seed_transparency

    seed_transparency(0, lambda line: None)
    seed_transparency(0, lambda line: None)

    by_hand = {row.category.key: row for row in hub_rows()}
    unfed = [key for key in by_hand if transparency_sources.get(key) is None]
    assert unfed and all(by_hand[key].last_updated for key in unfed)
    assert any(by_hand[key].is_overdue for key in unfed)  # honestly marked, not hidden
    assert TransparencyPublication.objects.count() == 10


def test_the_whole_demo_leaves_every_category_current_or_marked_overdue(db, monkeypatch):
    from django.core.management import call_command
    from django.db import transaction

    # As `make run` seeds: outside a transaction, so what waits for a commit runs at once.
    monkeypatch.setattr(transaction, "on_commit", lambda callback, *a, **k: callback())
    call_command("seed_demo", "--allow-without-debug", stdout=io.StringIO())

    rows = hub_rows()
    assert [row.category.key for row in rows if not row.is_published] == []
    assert [row.category.key for row in rows if row.is_overdue] == ["spending"]
