"""Adding entries to the registers through the staff forms: an interest (with a link to its
history), a gift offer in pounds, and a contract with its document — and that a contract's
document is accepted, stored and refused by its content and size, never by its name."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.models import Contract, GiftOffer, InterestEntry
from opcc.roles import Role
from tests.governance.registers_helpers import contract_post, errors_of, gift_post, interest_post

pytestmark = pytest.mark.django_db

WRONG_TYPE = "must be a PDF, Word, Excel, PowerPoint or OpenDocument file"
PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_bytes(part="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<document/>")
    return buffer.getvalue()


# --- Adding, through the forms ---------------------------------------------------------------


def test_staff_record_an_interest_and_see_it_with_a_link_to_its_history(people, client_for):
    client = client_for(Role.STAFF)

    response = client.post(reverse("governance:interest_add"), interest_post(people[Role.PCC]))

    entry = InterestEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:interest", args=[entry.pk])
    assert entry.history.get().history_user == people[Role.STAFF]
    page = client.get(response["Location"]).content.decode()
    assert "The interest has been added to the register." in page
    assert reverse("record_history", args=["governance", "interestentry", entry.pk]) in page
    assert (
        client.get(
            reverse("record_history", args=["governance", "interestentry", entry.pk])
        ).status_code
        == 200
    )


def test_staff_record_a_gift_offer_in_pounds(people, client_for):
    response = client_for(Role.STAFF).post(
        reverse("governance:gift_offer_add"), gift_post(people[Role.DEPUTY], accepted="False")
    )

    offer = GiftOffer.objects.get()
    assert response.status_code == 302
    assert offer.estimated_value == Decimal("45.00")
    assert offer.accepted is False


def test_cfo_records_a_contract_with_its_document(client_for):
    client = client_for(Role.CFO)
    response = client.post(
        reverse("governance:contract_add"),
        {**contract_post(), "document": upload("contract.pdf", PDF_BYTES)},
    )

    contract = Contract.objects.get()
    assert response.status_code == 302
    assert contract.value == Decimal("250000")
    download = client.get(reverse("governance:contract_document", args=[contract.code]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert 'filename="victim-support-service.pdf"' in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("contract.docx", docx_bytes()),
        ("prices.xlsx", docx_bytes("xl/workbook.xml")),
        ("contract.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
        ("prices.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
    ],
)
def test_office_documents_are_accepted_by_their_content(client_for, name, content):
    response = client_for(Role.STAFF).post(
        reverse("governance:contract_add"), {**contract_post(), "document": upload(name, content)}
    )

    assert response.status_code == 302
    assert Contract.objects.get().document.name.endswith(name[name.index(".") :])


def test_a_document_is_stored_as_what_its_content_is_not_what_its_name_says(client_for):
    client = client_for(Role.CFO)
    client.post(
        reverse("governance:contract_add"),
        {**contract_post(), "document": upload("contract.exe", PDF_BYTES)},
    )

    contract = Contract.objects.get()
    assert contract.document.name.endswith(f"/{contract.code}.pdf")
    download = client.get(reverse("governance:contract_document", args=[contract.code]))
    assert download["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("contract.pdf", b"<html><body>Not a PDF</body></html>", WRONG_TYPE),
        ("contract.docx", b"PK\x03\x04 but not a zip at all", WRONG_TYPE),
        ("contract.docx", docx_bytes("payload.exe"), WRONG_TYPE),
        ("contract.pdf", b"", "The selected file is empty"),
        ("contract.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "must be smaller than 10 MB"),
    ],
)
def test_a_document_is_checked_by_its_content_and_size(client_for, name, content, message):
    response = client_for(Role.CFO).post(
        reverse("governance:contract_add"), {**contract_post(), "document": upload(name, content)}
    )

    assert message in errors_of(response)
    assert not Contract.objects.exists()
