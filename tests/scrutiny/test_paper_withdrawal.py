"""Withdrawing a paper after the agenda is published: it is kept (with why and when) but no
public surface shows it any more: the meeting page, the download and the agenda pack."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from opcc.roles import Role
from scrutiny.models import Paper
from scrutiny.services import meetings as services
from tests.scrutiny.factories_meetings import AgendaItemFactory, MeetingFactory, PaperFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def pdf_text(response) -> str:
    content = b"".join(response.streaming_content)
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def published_paper(people, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(held_on=datetime.date(2026, 12, 10))
    item = AgendaItemFactory(meeting=meeting, title="Performance report")
    PaperFactory(item=item, title="KEPT-PAPER figures")
    paper = PaperFactory(item=item, title="MISTAKE-PAPER legal advice")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_agenda(people[Role.STAFF], meeting)
    return paper


def test_a_withdrawn_paper_leaves_every_public_surface_but_is_kept(
    client, client_for, published_paper, django_capture_on_commit_callbacks
):
    meeting = published_paper.item.meeting
    download = f"/meetings/papers/{published_paper.code}/"
    assert client.get(download).status_code == 200

    staff = client_for(Role.STAFF)
    url = f"/scrutiny/meetings/{meeting.code}/papers/{published_paper.code}/withdraw/"
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(url, {"reason": "Legal advice attached by mistake"})
    assert response.status_code == 302

    page = client.get(meeting.get_public_url()).content.decode()
    assert "KEPT-PAPER" in page
    assert "MISTAKE-PAPER" not in page
    assert client.get(download).status_code == 404
    pack = pdf_text(client.get(f"/meetings/{meeting.code}/agenda-pack.pdf"))
    assert "KEPT-PAPER" in pack
    assert "MISTAKE-PAPER" not in pack
    paper = Paper.objects.get(pk=published_paper.pk)
    assert paper.withdrawn_at is not None
    assert paper.withdrawn_reason == "Legal advice attached by mistake"
    assert paper.history.count() == 2
    office_page = staff.get(meeting.get_absolute_url()).content.decode()
    assert "Legal advice attached by mistake" in office_page


def test_withdrawing_a_paper_needs_a_reason_and_saves_nothing_without_one(
    client_for, published_paper
):
    meeting = published_paper.item.meeting
    url = f"/scrutiny/meetings/{meeting.code}/papers/{published_paper.code}/withdraw/"
    response = client_for(Role.CHIEF_EXECUTIVE).post(url, {"reason": "  "})
    assert response.status_code == 400
    assert "Enter why the paper is withdrawn" in response.content.decode()
    published_paper.refresh_from_db()
    assert published_paper.withdrawn_at is None


def test_it_requires_staff_or_chief_executive_to_withdraw(client_for, published_paper):
    meeting = published_paper.item.meeting
    url = f"/scrutiny/meetings/{meeting.code}/papers/{published_paper.code}/withdraw/"
    assert client_for(Role.CFO).post(url, {"reason": "Mistake"}).status_code == 403
    published_paper.refresh_from_db()
    assert published_paper.withdrawn_at is None


def test_it_rejects_get(client_for, published_paper):
    meeting = published_paper.item.meeting
    url = f"/scrutiny/meetings/{meeting.code}/papers/{published_paper.code}/withdraw/"
    assert client_for(Role.STAFF).get(url).status_code == 405


def test_a_paper_of_another_meeting_is_not_found(client_for, published_paper):
    other = MeetingFactory()
    url = f"/scrutiny/meetings/{other.code}/papers/{published_paper.code}/withdraw/"
    assert client_for(Role.STAFF).post(url, {"reason": "Mistake"}).status_code == 404


def test_a_paper_is_withdrawn_only_once(people, published_paper):
    services.withdraw_paper(people[Role.STAFF], published_paper, reason="Mistake")
    with pytest.raises(ValidationError):
        services.withdraw_paper(people[Role.STAFF], published_paper, reason="Again")
