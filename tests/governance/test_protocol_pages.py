"""The Commissioner and Officer Protocol's pages for the office: the Chief Executive's list of
who has and has not signed, the list of versions, signing the declaration through the pages, and
downloading a version's document — with the query counts of the two lists."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from governance.models import ProtocolDeclaration
from governance.services.protocol import sign_protocol
from opcc.roles import Role
from tests.governance.factories import ProtocolDeclarationFactory, ProtocolVersionFactory
from tests.governance.protocol_helpers import PDF_BYTES, days_ago
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db

# The Chief Executive's view of who has not signed, and the versions


def test_chief_executive_sees_who_has_and_has_not_signed(people, current, client_for):
    people[Role.PCC].full_name = "Alex Morgan"
    people[Role.PCC].save()
    people[Role.DEPUTY].full_name = "Sam Patel"
    people[Role.DEPUTY].save()
    sign_protocol(people[Role.PCC], current)

    page = client_for(Role.CHIEF_EXECUTIVE).get(reverse("governance:protocol_signatures"))

    content = page.content.decode()
    assert "1 of 5 people have signed" in content
    assert "4 have not signed yet" in content
    rows = content.split("<tbody", 1)[1]
    assert rows.index("Sam Patel") < rows.index("Alex Morgan")  # not signed first
    assert f"Signed {timezone.localdate():%-d %B %Y}" in rows

    outstanding = client_for(Role.CHIEF_EXECUTIVE).get(
        reverse("governance:protocol_signatures"), {"show": "outstanding"}
    )
    assert "Sam Patel" in outstanding.content.decode()
    assert "Alex Morgan" not in outstanding.content.decode()


@pytest.mark.parametrize("extra_staff", [4, 40])
def test_signatures_page_queries_do_not_grow_with_the_office(
    extra_staff, people, current, client_for, django_assert_max_num_queries
):
    client = client_for(Role.CHIEF_EXECUTIVE)
    for index, person in enumerate(UserFactory.create_batch(extra_staff, role=Role.STAFF)):
        if index % 2:
            ProtocolDeclarationFactory(version=current, person=person)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("governance:protocol_signatures"))

    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 30])
def test_versions_page_queries_do_not_grow_with_the_versions(
    size, people, client_for, django_assert_max_num_queries
):
    client = client_for(Role.CHIEF_EXECUTIVE)
    for number in range(size):
        version = ProtocolVersionFactory(approved_on=days_ago(10 + number))
        ProtocolDeclarationFactory(version=version, person=people[Role.STAFF])
        version.document.save("protocol.pdf", ContentFile(PDF_BYTES))

    with django_assert_max_num_queries(11):
        response = client.get(reverse("governance:protocol_versions"))

    assert response.status_code == 200
    assert "Current" in response.content.decode()


def test_versions_page_marks_current_superseded_and_coming(people, current, earlier, client_for):
    ProtocolVersionFactory(version="3.0", approved_on=days_ago(-10))

    content = client_for(Role.STAFF).get(reverse("governance:protocol_versions")).content.decode()

    assert content.count("Current</strong>") == 1
    assert content.count("Superseded</strong>") == 1
    assert content.count("Not yet in force</strong>") == 1


# Signing through the pages


def test_sign_form_refuses_without_the_box_ticked(people, current, client_for):
    response = client_for(Role.STAFF).post(reverse("governance:protocol_sign", args=[current.pk]))

    content = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in content
    assert "Select the box to confirm you have read the protocol" in content
    assert current.declaration_text in content
    assert not ProtocolDeclaration.objects.exists()


def test_signing_through_the_page_then_shows_when(people, current, client_for):
    client = client_for(Role.STAFF)

    response = client.post(
        reverse("governance:protocol_sign", args=[current.pk]), {"confirm": "on"}, follow=True
    )

    content = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("governance:protocol")
    assert "You signed the declaration of version 2.0" in content
    assert f"You signed this declaration on {timezone.localdate():%-d %B %Y}" in content
    assert ProtocolDeclaration.objects.filter(person=people[Role.STAFF], version=current).exists()
    again = client.get(reverse("governance:protocol_sign", args=[current.pk]))
    assert again.status_code == 302


def test_the_current_page_offers_the_declaration_to_someone_who_has_not_signed(
    people, current, client_for
):
    content = client_for(Role.CFO).get(reverse("governance:protocol")).content.decode()

    assert current.declaration_text in content
    assert "I have read the protocol and make this declaration" in content
    assert "Sign the declaration" in content


def test_signing_an_earlier_version_through_the_page_is_turned_back(
    people, current, earlier, client_for
):
    response = client_for(Role.STAFF).post(
        reverse("governance:protocol_sign", args=[earlier.pk]), {"confirm": "on"}, follow=True
    )

    assert "Version 1.0 is not the current version" in response.content.decode()
    assert not ProtocolDeclaration.objects.exists()


# The document


def test_the_document_downloads_as_an_attachment_that_is_not_sniffed(people, current, client_for):
    current.document.save("commissioner-and-officer-protocol-2-0.pdf", ContentFile(PDF_BYTES))

    response = client_for(Role.STAFF).get(
        reverse("governance:protocol_document", args=[current.pk])
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "commissioner-and-officer-protocol-2-0.pdf" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.parametrize(("who", "status"), [(Role.PANEL, 403), (Role.VISITOR, 403)])
def test_the_document_is_not_for_the_panel_or_visitors(who, status, current, client_for):
    current.document.save("protocol.pdf", ContentFile(PDF_BYTES))

    response = client_for(who).get(reverse("governance:protocol_document", args=[current.pk]))

    assert response.status_code == status


def test_the_document_of_a_version_without_one_or_of_no_version_is_not_found(
    people, current, client_for
):
    client = client_for(Role.STAFF)

    assert client.get(reverse("governance:protocol_document", args=[current.pk])).status_code == 404
    assert client.get(reverse("governance:protocol_document", args=[99999])).status_code == 404
