"""Two people saving one record at once (DESIGN.md, Reliability): both open the edit page, both
save; the second is refused with one clear message (409, in the GOV.UK error summary), their
typing stays on the page, and the first person's save stands. Saving again after reading the
other's changes is then their informed choice.

The four records people edit side by side: a draft decision, a complaint's handling steps, a
custody visit report's question pages and the minutes of a meeting's item. One test races two
real transactions on PostgreSQL (`services`: run by CI's PostgreSQL pass)."""

import datetime
from html import unescape
from html.parser import HTMLParser

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse

from complaints.models import Complaint, ComplaintStatus, ComplaintSubject
from complaints.services import complaints as complaint_services
from custody_visits.models import CustodyVisit
from governance.models import Decision
from governance.services import decisions as decision_services
from opcc.roles import Role
from scrutiny.models import AgendaItem, MeetingStatus
from scrutiny.services import meetings as meeting_services
from tests.conftest import sign_in
from tests.custody_visits.factories import CustodyVisitFactory, VisitorFactory, visitor_for
from tests.opcc.factories import UserFactory
from tests.races import race
from tests.scrutiny.factories_meetings import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_november_2026():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


class _PostForms(HTMLParser):
    """The fields a browser would send from each POST form of a page, as filled in."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form = self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and attributes.get("method", "").lower() == "post":
            self._form = {}
            self.forms.append(self._form)
        elif self._form is None or (not attributes.get("name") and tag != "option"):
            return
        elif tag == "input":
            kind = attributes.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            if kind in ("radio", "checkbox") and "checked" not in attributes:
                return
            # A browser sends "on" for a ticked box without a value, "" for an empty text box.
            default = "on" if kind in ("radio", "checkbox") else ""
            self._form[attributes["name"]] = attributes.get("value", default)
        elif tag == "textarea":
            self._textarea = attributes["name"]
            self._form[self._textarea] = ""
        elif tag == "select":
            self._select = attributes["name"]
        elif tag == "option" and self._select and "selected" in attributes:
            self._form[self._select] = attributes.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea:
            # A browser drops the newline that starts a textarea's content.
            self._form[self._textarea] = self._form[self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form[self._textarea] += data


def edit_form(response) -> dict:
    """The page's edit form (the one carrying the record's version), as a browser would send it."""
    parser = _PostForms()
    parser.feed(response.content.decode())
    forms = [form for form in parser.forms if "version" in form]
    assert len(forms) == 1, "the page has one edit form, with the version it was opened on"
    return forms[0]


def open_edit_page(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return edit_form(response)


def assert_refused_with_typing_kept(response, message: str, typed: str, latest_version: int):
    """409; the conflict said once, in the error summary above the heading; the person's typing
    still in the form, which now carries the saved version (so saving again is a choice)."""
    assert response.status_code == 409
    page = unescape(response.content.decode())
    assert "<title>Error: " in page
    assert page.count(message) == 1
    assert page.index('class="govuk-error-summary"') < page.index(message) < page.index("<h1")
    assert typed in page
    assert edit_form(response)["version"] == str(latest_version)


# Decisions: the draft decision's edit page


@pytest.fixture
def draft(people):
    return decision_services.draft_decision(
        people[Role.STAFF],
        title="Community safety grants",
        summary="Grants to the community safety partnerships.",
        decision_text="To award the grants.",
        reasons="They support the plan.",
        significant_public_interest=True,
    )


def test_the_second_of_two_decision_edits_is_refused_and_the_first_kept(client_for, draft):
    url = reverse("governance:decision_edit", args=[draft.code])
    staff, chief_executive = client_for(Role.STAFF), client_for(Role.CHIEF_EXECUTIVE)
    first_form, second_form = open_edit_page(staff, url), open_edit_page(chief_executive, url)

    first = staff.post(url, first_form | {"title": "FIRST-SAVE grants to partnerships"})
    second = chief_executive.post(url, second_form | {"title": "MY-TYPING grants for 2027"})

    assert first.status_code == 302
    saved = Decision.objects.get(pk=draft.pk)
    assert_refused_with_typing_kept(
        second,
        decision_services.ConcurrentEdit.message,
        "MY-TYPING grants for 2027",
        saved.version,
    )
    assert saved.title == "FIRST-SAVE grants to partnerships"

    again = chief_executive.post(url, edit_form(second))
    assert again.status_code == 302
    assert Decision.objects.get(pk=draft.pk).title == "MY-TYPING grants for 2027"


# Complaints: the steps of handling a case


@pytest.fixture
def handled_case(people):
    """A complaint about the Chief Constable, recorded and being handled by staff."""
    complaint = complaint_services.receive_complaint(
        subject=ComplaintSubject.CHIEF_CONSTABLE,
        name="Sam Complainant",
        email="sam@example.org",
        phone="",
        details="The Chief Constable did not answer my letters.",
    )
    chief_executive = people[Role.CHIEF_EXECUTIVE]
    complaint = complaint_services.record_complaint(chief_executive, complaint)
    return complaint_services.assign_handler(chief_executive, complaint, handler=people[Role.STAFF])


def test_the_second_of_two_closures_of_a_complaint_is_refused_and_the_first_kept(
    client_for, handled_case
):
    url = reverse("complaints:complaint_close", args=[handled_case.code])
    handler, chief_executive = client_for(Role.STAFF), client_for(Role.CHIEF_EXECUTIVE)
    first_form, second_form = open_edit_page(handler, url), open_edit_page(chief_executive, url)

    first = handler.post(url, first_form | {"outcome": "FIRST-SAVE apology given"})
    second = chief_executive.post(url, second_form | {"outcome": "MY-TYPING letters answered"})

    assert first.status_code == 302
    saved = Complaint.objects.get(pk=handled_case.pk)
    assert_refused_with_typing_kept(
        second,
        complaint_services.ConcurrentEdit.message,
        "MY-TYPING letters answered",
        saved.version,
    )
    assert saved.status == ComplaintStatus.CLOSED
    assert saved.outcome == "FIRST-SAVE apology given"


def test_a_second_handler_assignment_does_not_silently_replace_the_first(people, handled_case):
    """Assigning a handler is allowed again and again, so without the version check the second
    person's choice would quietly overwrite the first's."""
    url = reverse("complaints:complaint_assign", args=[handled_case.code])
    chief_executive = sign_in(Client(), people[Role.CHIEF_EXECUTIVE])
    acting_chief_executive = sign_in(Client(), UserFactory(role=Role.CHIEF_EXECUTIVE))
    first_choice, second_choice = UserFactory(role=Role.STAFF), UserFactory(role=Role.STAFF)
    first_form = open_edit_page(chief_executive, url)
    second_form = open_edit_page(acting_chief_executive, url)

    first = chief_executive.post(url, first_form | {"handler": first_choice.pk})
    second = acting_chief_executive.post(url, second_form | {"handler": second_choice.pk})

    assert first.status_code == 302
    saved = Complaint.objects.get(pk=handled_case.pk)
    assert_refused_with_typing_kept(
        second,
        complaint_services.ConcurrentEdit.message,
        f'<option value="{second_choice.pk}" selected>',
        saved.version,
    )
    assert saved.handler == first_choice

    again = acting_chief_executive.post(url, edit_form(second))
    assert again.status_code == 302
    assert Complaint.objects.get(pk=handled_case.pk).handler == second_choice


# Custody visits: the visitors' report, page by page

DETAILS = {
    "visited_on_0": "4",
    "visited_on_1": "11",
    "visited_on_2": "2026",
    "arrived_at": "19:30",
    "departed_at": "21:05",
    "detainees_in_custody": "3",
}


def test_the_second_of_two_visitors_saving_a_report_page_is_refused_and_the_first_kept(people):
    me, partner = visitor_for(people[Role.VISITOR]), VisitorFactory()
    visit = CustodyVisitFactory(visitors=[me, partner], week_starting=datetime.date(2026, 11, 2))
    url = reverse("custody_visits:report_details", kwargs={"code": visit.code})
    mine, theirs = sign_in(Client(), me.user), sign_in(Client(), partner.user)
    my_form, their_form = open_edit_page(mine, url), open_edit_page(theirs, url)

    first = theirs.post(url, their_form | DETAILS)
    second = mine.post(url, my_form | DETAILS | {"arrived_at": "19:47"})

    assert first.status_code == 302
    saved = CustodyVisit.objects.get(pk=visit.pk)
    assert_refused_with_typing_kept(
        second, "The other visitor saved this report while you were editing it", "19:47", 2
    )
    assert saved.version == 2
    assert saved.arrived_at == datetime.time(19, 30)

    again = mine.post(url, edit_form(second))
    assert again.status_code == 302
    assert CustodyVisit.objects.get(pk=visit.pk).arrived_at == datetime.time(19, 47)


# Scrutiny: the minutes of an item


def held_meeting_item() -> AgendaItem:
    meeting = MeetingFactory(status=MeetingStatus.HELD, agenda_published_at="2026-09-20T10:00Z")
    return AgendaItemFactory(meeting=meeting)


def test_the_second_of_two_minute_takers_is_refused_and_the_first_kept(client_for):
    item = held_meeting_item()
    url = f"/scrutiny/meetings/{item.meeting.code}/items/{item.pk}/minutes/"
    staff, chief_executive = client_for(Role.STAFF), client_for(Role.CHIEF_EXECUTIVE)
    first_form, second_form = open_edit_page(staff, url), open_edit_page(chief_executive, url)

    first = staff.post(url, first_form | {"minutes": "FIRST-SAVE: members noted the report."})
    second = chief_executive.post(url, second_form | {"minutes": "MY-TYPING: members asked why."})

    assert first.status_code == 302
    saved = AgendaItem.objects.get(pk=item.pk)
    assert_refused_with_typing_kept(
        second,
        meeting_services.ConcurrentEdit.message,
        "MY-TYPING: members asked why.",
        saved.version,
    )
    assert saved.minutes == "FIRST-SAVE: members noted the report."


# A real race, on PostgreSQL


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_minute_takers_racing_on_postgresql_exactly_one_wins(people):
    if connection.vendor != "postgresql":
        pytest.fail("set DATABASE_URL to a PostgreSQL database: this test races real locks")
    item = held_meeting_item()

    def save(role, text):
        return lambda: meeting_services.record_minutes(
            people[role], AgendaItem.objects.get(pk=item.pk), minutes=text, expected_version=1
        )

    results = race(save(Role.STAFF, "Staff's minute."), save(Role.CHIEF_EXECUTIVE, "CE's minute."))

    refused = [r for r in results if isinstance(r, meeting_services.ConcurrentEdit)]
    saved = [r for r in results if isinstance(r, AgendaItem)]
    assert (len(saved), len(refused)) == (1, 1), results
    item.refresh_from_db()
    assert item.version == 2
    assert item.minutes == saved[0].minutes
