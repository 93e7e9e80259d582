"""Search on PostgreSQL reads the documents the database stores for decisions, contracts and
agenda items (opcc.migration_indexes.search_documents), rather than computing each row's: they
follow every edit, and the public still finds only what is published. Run on PostgreSQL
(DATABASE_URL), as CI does; `make test` (SQLite, where search uses LIKE) leaves them out."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.models import DecisionStatus
from governance.services import decisions as services
from opcc.roles import Role
from scrutiny.models import MeetingStatus
from scrutiny.services import meetings as meeting_services
from tests.governance.factories import DecisionFactory
from tests.governance.test_decisions import FIELDS, advise
from tests.opcc.test_search import results
from tests.scrutiny.factories_meetings import AgendaItemFactory, MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture(autouse=True)
def on_postgresql():
    assert connection.vendor == "postgresql", "run with DATABASE_URL set to PostgreSQL"


def test_a_decision_is_found_by_its_words_as_edited_not_as_first_drafted(people, client_for):
    draft = services.draft_decision(
        people[Role.STAFF], **{**FIELDS, "title": "Lighting for the riverside path"}
    )
    assert "riverside path" in results(client_for(Role.STAFF), q="lighting")

    services.update_decision(
        people[Role.STAFF],
        draft,
        expected_version=draft.version,
        **{**FIELDS, "title": "Benches for the riverside path"},
    )
    office = client_for(Role.STAFF)
    assert "Benches for the riverside path" in results(office, q="benches")
    assert "riverside path" not in results(office, q="lighting")
    assert "riverside path" not in results(Client(), q="benches")  # not published yet

    decision = advise(people, draft)
    services.sign_decision(people[Role.PCC], decision, declared_interests="None")
    services.publish_decision(people[Role.STAFF], decision)

    assert "Benches for the riverside path" in results(Client(), q="bench")  # stemmed
    assert "riverside path" not in results(Client(), q="lighting")


def test_the_public_finds_the_published_decision_never_the_draft(client_for):
    DecisionFactory(
        title="Cameras for the town centre",
        status=DecisionStatus.PUBLISHED,
        published_at=timezone.make_aware(datetime.datetime(2026, 6, 1, 12)),
    )
    DecisionFactory(title="Cameras for the car park (draft)")
    DecisionFactory(
        title="Cameras for the marina (signed)",
        status=DecisionStatus.SIGNED,
        signed_at=timezone.now(),
    )

    public = results(Client(), q="cameras")
    office = results(client_for(Role.STAFF), q="cameras")

    assert "Cameras for the town centre" in public
    assert "car park" not in public and "marina" not in public
    assert "car park" in office and "marina" in office


def test_agenda_items_are_found_by_their_title_and_approved_minutes_only(people, client_for):
    approved = MeetingFactory(status=MeetingStatus.MINUTES_APPROVED)
    held = MeetingFactory(status=MeetingStatus.HELD, held_on=datetime.date(2026, 11, 1))
    AgendaItemFactory(meeting=approved, title="Estates strategy", minutes="Members welcomed it.")
    item = AgendaItemFactory(meeting=held, title="Budget monitoring", minutes="Overspend noted.")
    meeting_services.record_minutes(
        people[Role.STAFF], item, minutes="Overspend criticised.", expected_version=item.version
    )

    assert "Estates strategy" in results(Client(), q="welcomed")
    assert "Budget monitoring" in results(Client(), q="budget")
    assert "Budget monitoring" not in results(Client(), q="criticised")  # not approved yet
    office = client_for(Role.STAFF)
    assert "Budget monitoring" in results(office, q="criticised")
    assert "Budget monitoring" not in results(office, q="noted")


def test_search_reads_the_stored_documents_and_computes_none():
    DecisionFactory(
        title="Lighting grant",
        status=DecisionStatus.PUBLISHED,
        published_at=timezone.make_aware(datetime.datetime(2026, 6, 1, 12)),
    )

    with CaptureQueriesContext(connection) as queries:
        response = Client().get(reverse("search"), {"q": "lighting grant"})

    assert "Lighting grant" in response.content.decode()
    stored = [
        query["sql"]
        for query in queries.captured_queries
        for table in ("governance_decision", "governance_contract", "scrutiny_agendaitem")
        if query["sql"].startswith(f'SELECT "{table}"."id"')
    ]
    assert len(stored) == 4  # decisions, contracts, agenda titles and approved minutes
    for sql in stored:
        assert "to_tsvector" not in sql
        assert '"search_' in sql and "@@" in sql and "ts_rank(" in sql
