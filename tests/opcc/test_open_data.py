"""Open data: the page lists every dataset with its fields, each CSV and JSON download answers
with the documented fields, and the published documents' feed holds only what is published."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from opcc.publications import publish_document, withdraw_publication
from opcc.registry import datasets
from opcc.roles import Role
from opcc.seed_transparency import BLANK_PDF

pytestmark = pytest.mark.django_db


def publish(people, title):
    return publish_document(
        people[Role.STAFF],
        category="spending",
        title=title,
        summary="Payments over £500.",
        published_on=None,
        document=SimpleUploadedFile("s.pdf", BLANK_PDF, content_type="application/pdf"),
    )


def test_the_open_data_page_documents_every_dataset_and_the_licence():
    page = Client().get(reverse("open_data")).content.decode()

    assert "Open Government Licence v3.0" in page
    for dataset in datasets.all():
        assert dataset.title in page
        assert reverse(dataset.csv) in page and reverse(dataset.json) in page
        for name, _meaning in dataset.fields:
            assert f"<code>{name}</code>" in page


@pytest.mark.parametrize("dataset", [d.key for d in datasets.all()])
def test_each_download_has_exactly_the_documented_fields(people, dataset):
    publish(people, "Spending over £500: October 2026")
    entry = datasets.get(dataset)
    documented = [name for name, _ in entry.fields]
    client = Client()

    table = client.get(reverse(entry.csv))
    header = next(csv.reader(io.StringIO(table.content.decode())))
    data = json.loads(client.get(reverse(entry.json)).content)

    assert table["Content-Type"].startswith("text/csv")
    assert header == documented
    assert data["licence"] == "Open Government Licence v3.0"
    assert data["fields"] == documented
    rows = data["rows"]
    assert all(list(row) == documented for row in rows)


def test_the_feed_holds_what_is_published_not_what_was_withdrawn(people):
    publish(people, "Spending over £500: October 2026")
    withdrawn = publish(people, "Spending over £500: wrong month")
    withdraw_publication(people[Role.STAFF], withdrawn, reason="Wrong month")

    feed = Client().get(reverse("transparency_feed"))
    body = feed.content.decode()

    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Spending over £500: October 2026" in body
    assert "wrong month" not in body
