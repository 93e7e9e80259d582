"""Object-level access (IDOR): a signed-in person never reaches another's record, whichever door
they try: its own URL, a list, an export (CSV, JSON), a feed (Atom, iCal), search, or a
document download.

Each secret record carries a word of its own. For each role, every list, export and feed in the
access matrix that the role may open is read, and search is asked for each word; none of the
words that role must not see may appear. The records' own URLs must answer 403 or 404.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from complaints.models import ComplaintStatus, ComplaintSubject
from governance.models import DecisionStatus
from opcc.roles import Role
from scrutiny.models import MeetingStatus
from tests.complaints.access_rows_complaints import ComplaintFactory
from tests.complaints.factories import ComplainantFactory, ComplaintReviewFactory
from tests.custody_visits.access_rows_reports import _report as visiting_report
from tests.custody_visits.factories import (
    CustodyVisitFactory,
    DetaineeRecordFactory,
    FindingFactory,
    ReportedVisitFactory,
    VisitorFactory,
    visitor_for,
)
from tests.governance.factories import DecisionFactory, StatutoryReportFactory
from tests.scrutiny.factories_meetings import ConfidentialItemFactory, MeetingFactory, PaperFactory
from tests.test_access_matrix import MATRIX

pytestmark = pytest.mark.django_db

# Words only the office may read: drafts, confidential parts, complaints and visits.
OFFICE_ONLY = [
    "CANARYDRAFTDECISION",
    "CANARYANNEX",
    "CANARYDRAFTREPORT",
    "CANARYCONFMINUTE",
    "CANARYCONFPAPER",
    "CANARYCOMPLAINT",
    "CANARYREVIEW",
]
# Another visitor's visit: the visitor role reads only visits it is on.
OTHER_VISIT = ["CANARYOTHERVISIT", "CANARYOTHERFINDING", "11/OTH/0001"]
ABOUT_PCC = ["CANARYABOUTPCC", "Canarypcc Complainant"]
ABOUT_DEPUTY = ["CANARYABOUTDEPUTY", "Canarydeputy Complainant"]

MUST_NOT_SEE = {
    Role.PANEL: OFFICE_ONLY + OTHER_VISIT + ABOUT_DEPUTY,
    Role.VISITOR: OFFICE_ONLY + OTHER_VISIT + ABOUT_PCC + ABOUT_DEPUTY,
    # The conflict rule: the subject of a complaint never sees it, whatever the role.
    Role.PCC: ABOUT_PCC,
    Role.DEPUTY: ABOUT_DEPUTY,
}

# The same records by their unguessable codes, which every link to a record carries.
OFFICE_RECORDS = ["draft_decision", "draft_report", "confidential_paper", "handled_complaint"]
OTHER_VISITS = ["others_visit", "others_planned_visit"]
SECRET_RECORDS = {
    Role.PANEL: OFFICE_RECORDS + OTHER_VISITS + ["about_deputy"],
    Role.VISITOR: OFFICE_RECORDS + OTHER_VISITS + ["about_pcc", "about_deputy"],
    Role.PCC: ["about_pcc"],
    Role.DEPUTY: ["about_deputy"],
}


@pytest.fixture
def secrets(people):
    now = timezone.now()
    draft = DecisionFactory(title="Draft CANARYDRAFTDECISION")
    DecisionFactory(
        title="Published decision",
        status=DecisionStatus.PUBLISHED,
        significant_public_interest=True,
        published_at=now,
        signed_at=now,
        confidential_annex="CANARYANNEX bank details",
        restriction_reason="Commercially sensitive",
    )
    draft_report = StatutoryReportFactory(title="CANARYDRAFTREPORT", findings="CANARYDRAFTREPORT")
    meeting = MeetingFactory(
        status=MeetingStatus.AGENDA_PUBLISHED,
        agenda_published_at=now,
        held_on=timezone.localdate() + datetime.timedelta(days=7),
    )
    confidential = ConfidentialItemFactory(
        meeting=meeting, title="Estates disposal", minutes="CANARYCONFMINUTE"
    )
    paper = PaperFactory(item=confidential, title="CANARYCONFPAPER")
    handled = ComplaintFactory(details="CANARYCOMPLAINT", status=ComplaintStatus.BEING_HANDLED)
    ComplaintReviewFactory(grounds="CANARYREVIEW")
    about_pcc = ComplaintFactory(
        subject=ComplaintSubject.PCC,
        details="CANARYABOUTPCC",
        complainant=ComplainantFactory(name="Canarypcc Complainant"),
    )
    about_deputy = ComplaintFactory(
        subject=ComplaintSubject.DEPUTY,
        details="CANARYABOUTDEPUTY",
        complainant=ComplainantFactory(name="Canarydeputy Complainant"),
    )
    # The visitor in `people` is on one visit; two other visitors made another.
    me = visitor_for(people[Role.VISITOR])
    mine = CustodyVisitFactory(visitors=[me, VisitorFactory()])
    others = ReportedVisitFactory(
        visitors=[VisitorFactory(), VisitorFactory()], suite_notes="CANARYOTHERVISIT"
    )
    others_planned = CustodyVisitFactory(visitors=[VisitorFactory(), VisitorFactory()])
    FindingFactory(visit=others, description="CANARYOTHERFINDING")
    DetaineeRecordFactory(visit=others, custody_number="11/OTH/0001")
    unpublished_report = visiting_report(people, datetime.date(2025, 10, 1), published=False)
    return {
        "draft_decision": draft,
        "draft_report": draft_report,
        "confidential_paper": paper,
        "handled_complaint": handled,
        "about_pcc": about_pcc,
        "about_deputy": about_deputy,
        "my_visit": mine,
        "others_visit": others,
        "others_planned_visit": others_planned,
        "unpublished_report": unpublished_report,
    }


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def doors_without_a_record(role) -> list[str]:
    """Every list, export, feed and search page in the matrix that ``role`` may open."""
    urls = []
    for name, row in sorted(MATRIX.items()):
        if row.method != "get" or row.outcome[role] != 200:
            continue
        try:
            if row.kwargs({}):
                continue  # a record's own page: tried below, record by record
        except KeyError:
            continue
        urls.append(reverse(name))
    return urls


@pytest.mark.parametrize("role", sorted(MUST_NOT_SEE))
def test_no_list_export_feed_or_search_shows_another_persons_record(role, secrets, client_for):
    client = client_for(role)
    words = MUST_NOT_SEE[role]
    codes = [str(secrets[name].code) for name in SECRET_RECORDS[role]]
    urls = doors_without_a_record(role)
    assert len(urls) > 10
    leaks = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = body_of(response)
        if found := [text for text in words + codes if text in body]:
            leaks[url] = found
    # The results page repeats the words searched for: a hit is a word seen more often than
    # on the public's page for the same search (which finds none of these records), or a link.
    for word in words:
        url = f"{reverse('search')}?q={word}"
        echoed = body_of(Client().get(url)).count(word)
        body = body_of(client.get(url))
        if body.count(word) > echoed or any(code in body for code in codes):
            leaks[url] = [word]
    assert not leaks, f"{role} sees: {leaks}"


def visit(name, url_name="custody_visits:visit"):
    return lambda secrets: reverse(url_name, kwargs={"code": secrets[name].code})


def code_url(url_name, name):
    return lambda secrets: reverse(url_name, kwargs={"code": secrets[name].code})


def unpublished_report_document(secrets):
    return reverse(
        "document_download", kwargs={"code": secrets["unpublished_report"].document.code}
    )


NOT_YOURS = [
    # A panel member: drafts, confidential papers, complaints, visits, unpublished ICV reports.
    (Role.PANEL, code_url("governance:decision", "draft_decision")),
    (Role.PANEL, code_url("governance:report", "draft_report")),
    (Role.PANEL, code_url("report_published", "draft_report")),
    (Role.PANEL, code_url("scrutiny:paper", "confidential_paper")),
    (Role.PANEL, code_url("public_meeting_paper", "confidential_paper")),
    (Role.PANEL, code_url("complaints:complaint", "handled_complaint")),
    (Role.PANEL, visit("others_visit")),
    (Role.PANEL, code_url("custody_visiting_report_pdf", "unpublished_report")),
    (Role.PANEL, unpublished_report_document),
    # A custody visitor: other visitors' visits and reports, and everything of the office.
    (Role.VISITOR, visit("others_visit")),
    (Role.VISITOR, visit("others_planned_visit")),
    (Role.VISITOR, visit("others_planned_visit", "custody_visits:report_details")),
    (Role.VISITOR, visit("others_planned_visit", "custody_visits:report_findings")),
    (Role.VISITOR, visit("others_planned_visit", "custody_visits:report_check")),
    (Role.VISITOR, code_url("governance:decision", "draft_decision")),
    (Role.VISITOR, code_url("scrutiny:paper", "confidential_paper")),
    (Role.VISITOR, code_url("custody_visiting_report_pdf", "unpublished_report")),
    (Role.VISITOR, unpublished_report_document),
    # The subject of a complaint, against their own complaint.
    (Role.PCC, code_url("complaints:complaint", "about_pcc")),
    (Role.PCC, code_url("complaints:complaint_decline", "about_pcc")),
    (Role.DEPUTY, code_url("complaints:complaint", "about_deputy")),
    (Role.DEPUTY, code_url("complaints:complaint_decline", "about_deputy")),
]


@pytest.mark.parametrize("role, url_of", NOT_YOURS)
def test_another_persons_record_is_refused_by_its_own_url(role, url_of, secrets, client_for):
    url = url_of(secrets)
    response = client_for(role).get(url)
    assert response.status_code in {403, 404}, f"{role} {url}: {response.status_code}"
    for word in MUST_NOT_SEE[role]:
        assert word not in body_of(response)


def test_the_visitor_still_reaches_their_own_visit(secrets, client_for):
    """The refusals above are about whose record it is, not a visitor being refused everything."""
    url = reverse("custody_visits:report_details", kwargs={"code": secrets["my_visit"].code})
    assert client_for(Role.VISITOR).get(url).status_code == 200


def test_the_chief_executive_reaches_the_complaints_the_commissioners_may_not(secrets, client_for):
    client = client_for(Role.CHIEF_EXECUTIVE)
    for name in ("about_pcc", "about_deputy"):
        url = reverse("complaints:complaint", kwargs={"code": secrets[name].code})
        assert "CANARYABOUT" in client.get(url).content.decode()


def test_search_finds_the_secret_records_for_those_who_may_see_them(secrets, client_for):
    """The search check above can fail: the office finds the same words the others must not."""
    office = client_for(Role.CHIEF_EXECUTIVE)
    for word in ("CANARYDRAFTDECISION", "CANARYDRAFTREPORT"):
        url = f"{reverse('search')}?q={word}"
        assert body_of(office.get(url)).count(word) > body_of(Client().get(url)).count(word)
