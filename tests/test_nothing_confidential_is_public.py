"""Nothing unpublished or confidential reaches the public: one of each kind is made with a word of
its own, then every page the public can reach is read (by following links from the home page,
the hub and the open data page, search for each word included, and every export and feed), and
every alert e-mail is read. None of the words may appear anywhere."""

import datetime
import re
from urllib.parse import urldefrag, urlparse

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.models import DecisionStatus, ReportStatus
from opcc.alerts import confirm, send_alerts, subscribe
from opcc.models import AlertSubscription, OutboundMessage
from opcc.publications import withdraw_publication
from opcc.registry import alert_sources, datasets
from opcc.roles import Role
from scrutiny.models import MeetingStatus
from tests.complaints.access_rows_complaints import ComplaintFactory
from tests.complaints.factories import ComplaintReviewFactory
from tests.custody_visits.factories import DetaineeRecordFactory, FindingFactory
from tests.governance.factories import DecisionFactory, StatutoryReportFactory
from tests.opcc.test_transparency_publications import published as published_document
from tests.scrutiny.factories_inspections import InspectionFactory
from tests.scrutiny.factories_meetings import (
    AgendaItemFactory,
    ConfidentialItemFactory,
    MeetingFactory,
    PaperFactory,
)
from tests.scrutiny.factories_plan import MeasureFactory, PlanFactory

pytestmark = pytest.mark.django_db

MAX_PAGES = 400
NEVER_FOLLOW = ("/account/", "/admin/", "/alerts/", "/complaints/complain/", "/complaints/review/")


def make_secrets(people) -> list[str]:
    """One unpublished or confidential thing of each kind, each with its own word."""
    now = timezone.now()
    DecisionFactory(title="Draft CANARYDRAFTDECISION")
    DecisionFactory(
        title="Published decision",
        status=DecisionStatus.PUBLISHED,
        published_at=now,
        signed_at=now,
        confidential_annex="CANARYANNEX bank details",
        restriction_reason="Commercially sensitive",
    )
    StatutoryReportFactory(
        title="CANARYREPORT", findings="CANARYREPORT", status=ReportStatus.ISSUED, issued_at=now
    )
    AgendaItemFactory(
        meeting=MeetingFactory(status=MeetingStatus.PLANNED), title="CANARYPLANNEDITEM"
    )
    published = MeetingFactory(
        status=MeetingStatus.AGENDA_PUBLISHED,
        agenda_published_at=now,
        held_on=timezone.localdate() + datetime.timedelta(days=7),
    )
    # Issue 6: a confidential item shows only its title; its minutes and papers never.
    secret = ConfidentialItemFactory(
        meeting=published, title="Estates disposal", minutes="CANARYCONFMINUTE"
    )
    PaperFactory(item=secret, title="CANARYCONFPAPER")
    AgendaItemFactory(meeting=published, title="Public item", minutes="CANARYDRAFTMINUTE")
    InspectionFactory(title="CANARYHMICFRS")
    MeasureFactory(priority__plan=PlanFactory(title="CANARYPLAN"), name="CANARYMEASURE")
    ComplaintFactory(details="CANARYCOMPLAINT")
    ComplaintReviewFactory(grounds="CANARYREVIEW")
    withdraw_publication(
        people[Role.STAFF],
        published_document(people, title="CANARYWITHDRAWN"),
        reason="Wrong file",
    )
    visit = DetaineeRecordFactory(custody_number="11/CAN/0001").visit
    visit.suite_notes = "CANARYSUITENOTE"
    visit.save()
    FindingFactory(visit=visit, description="CANARYFINDING")
    return [
        "CANARYDRAFTDECISION", "CANARYANNEX", "CANARYREPORT", "CANARYPLANNEDITEM",
        "CANARYCONFMINUTE", "CANARYCONFPAPER", "CANARYDRAFTMINUTE",
        "CANARYHMICFRS", "CANARYPLAN", "CANARYMEASURE", "CANARYCOMPLAINT", "CANARYREVIEW",
        "CANARYWITHDRAWN", "11/CAN/0001", "CANARYSUITENOTE", "CANARYFINDING",
    ]  # fmt: skip


def links_in(response) -> list[str]:
    if not response["Content-Type"].startswith(("text/html", "application/atom", "text/calendar")):
        return []
    found = re.findall(r'(?:href|src)="([^"]+)"', response.content.decode(errors="replace"))
    return [urldefrag(link)[0] for link in found]


def crawl(client, starts) -> dict[str, str]:
    """Every same-site page reachable from ``starts``, by GET, as the public."""
    seen, queue, bodies = set(), list(starts), {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        parsed = urlparse(url)
        if parsed.netloc not in ("", "testserver") or not parsed.path.startswith("/"):
            continue
        path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
        if path in seen or path.startswith(NEVER_FOLLOW) or path.startswith("/static/"):
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code == 200:
            bodies[path] = (
                b"".join(response.streaming_content)
                if getattr(response, "streaming", False)
                else response.content
            ).decode(errors="replace")
            queue.extend(links_in(response))
    return bodies


def test_no_secret_reaches_any_public_page_search_export_feed_or_alert(people):
    secrets = make_secrets(people)
    for source in alert_sources.all():  # a subscriber to everything, confirmed a while ago
        subscription = subscribe(email=f"{source.key}@example.org", kind=source.key)
        confirm(subscription)
    AlertSubscription.objects.update(confirmed_at=timezone.now() - datetime.timedelta(days=1))

    starts = ["/", reverse("transparency"), reverse("open_data")]
    starts += [reverse(d.csv) for d in datasets.all()] + [reverse(d.json) for d in datasets.all()]
    starts += [f"{reverse('search')}?q={word}" for word in secrets]
    bodies = crawl(Client(), starts)
    send_alerts()
    alerts = list(OutboundMessage.objects.filter(kind="alert").values_list("body_text", flat=True))

    assert len(bodies) > 40, sorted(bodies)  # the crawl really went round the site
    for path, body in bodies.items():
        if path.startswith(reverse("search")):  # the page repeats the query: read the results
            bodies[path] = body.split('aria-live="polite">', 1)[-1]
    for word in secrets:
        leaks = [path for path, body in bodies.items() if word in body]
        assert not leaks, f"{word} is public at {leaks}"
        assert not [text for text in alerts if word in text], f"{word} was in an alert"
