"""Adding a version of the Commissioner and Officer Protocol: only the Chief Executive may, the
add-version form's answers to missing or bad input, and the check of an uploaded document by its
content rather than its name (which the registers' uploads share)."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance.models import ProtocolVersion
from governance.services.protocol import add_protocol_version
from opcc.roles import Role
from opcc.uploads import check_document
from tests.governance.protocol_helpers import PDF_BYTES

pytestmark = pytest.mark.django_db

# A Windows program's first bytes: what a disguised executable would start with.
PROGRAM_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64

# Adding a version


def version_form(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "version": "3.0",
        "title": "Commissioner and Officer Protocol",
        "approved_on_0": str(today.day),
        "approved_on_1": str(today.month),
        "approved_on_2": str(today.year),
        "declaration_text": "I have read version 3.0 of the protocol and will act by it.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.CFO, Role.STAFF, Role.PANEL])
def test_only_the_chief_executive_may_add_a_version(role, people):
    with pytest.raises(PermissionDenied):
        add_protocol_version(
            people[role],
            version="9.0",
            approved_on=timezone.localdate(),
            declaration_text="A declaration.",
        )
    assert not ProtocolVersion.objects.exists()


def test_chief_executive_adds_a_version_with_its_document(people, current, client_for, settings):
    document = SimpleUploadedFile("Final protocol (v3).PDF", PDF_BYTES, "application/pdf")

    response = client_for(Role.CHIEF_EXECUTIVE).post(
        reverse("governance:protocol_version_add"), version_form(document=document), follow=True
    )

    version = ProtocolVersion.objects.get(version="3.0")
    assert response.redirect_chain[-1][0] == reverse("governance:protocol_versions")
    assert "Version 3.0 added. It is now the current version" in response.content.decode()
    assert ProtocolVersion.objects.current() == version
    assert version.approved_on == timezone.localdate()
    assert version.document.name.startswith("protocol/commissioner-and-officer-protocol-3-0")
    assert version.document.name.endswith(".pdf")
    assert version.document.read() == PDF_BYTES
    assert version.history.first().history_user == people[Role.CHIEF_EXECUTIVE]


def test_a_version_approved_for_a_later_date_is_announced_for_that_date(current, client_for):
    later = timezone.localdate() + datetime.timedelta(days=20)
    form = version_form(
        approved_on_0=str(later.day), approved_on_1=str(later.month), approved_on_2=str(later.year)
    )

    response = client_for(Role.CHIEF_EXECUTIVE).post(
        reverse("governance:protocol_version_add"), form, follow=True
    )

    assert f"Everyone must sign its declaration from {later:%-d %B %Y}" in (
        response.content.decode()
    )
    assert ProtocolVersion.objects.current() == current


def add_version_page(client_for, data):
    response = client_for(Role.CHIEF_EXECUTIVE).post(
        reverse("governance:protocol_version_add"), data
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "<title>Error: " in content
    assert "There is a problem" in content
    return content


def test_add_version_form_names_each_missing_field(people, client_for):
    content = add_version_page(
        client_for,
        version_form(
            version="",
            approved_on_0="",
            approved_on_1="",
            approved_on_2="",
            declaration_text="",
        ),
    )

    assert "Enter the version number" in content
    assert "Enter the date the version was approved" in content
    assert 'href="#id_approved_on_0"' in content
    assert "Enter the declaration that each person signs" in content
    assert not ProtocolVersion.objects.exists()


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2027", "The date the version was approved must be a real date"),
        ("1", "13", "2027", "The date the version was approved must be a real date"),
        ("1", "four", "2027", "The date the version was approved must be a real date"),
        ("1", "4", "27", "must include a year with 4 numbers"),
        ("1", "", "2027", "The date the version was approved must include a month"),
    ],
)
def test_add_version_form_refuses_a_date_that_is_not_real(
    day, month, year, message, people, client_for
):
    data = version_form(approved_on_0=day, approved_on_1=month, approved_on_2=year)

    content = add_version_page(client_for, data)

    assert message in content
    assert not ProtocolVersion.objects.exists()


def test_add_version_form_refuses_a_program_disguised_as_a_pdf(people, client_for, settings):
    disguised = SimpleUploadedFile("protocol.pdf", PROGRAM_BYTES, "application/pdf")

    content = add_version_page(client_for, version_form(document=disguised))

    assert "The selected file must be a PDF, Word, Excel, PowerPoint or OpenDocument file" in (
        content
    )
    assert not ProtocolVersion.objects.exists()
    stored = settings.MEDIA_ROOT / "protocol"
    assert not stored.exists() or not any(stored.iterdir())


def test_add_version_form_refuses_a_version_number_already_used(current, client_for):
    content = add_version_page(client_for, version_form(version="2.0"))

    assert "Version 2.0 already exists" in content
    assert ProtocolVersion.objects.count() == 1


def test_add_version_form_refuses_an_empty_document(people, client_for):
    empty = SimpleUploadedFile("protocol.pdf", b"", "application/pdf")

    content = add_version_page(client_for, version_form(document=empty))

    assert "The selected file is empty" in content
    assert not ProtocolVersion.objects.exists()


# Checking uploads by their content


def office_package(*parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for part in parts:
            package.writestr(part, "<x/>")
    return buffer.getvalue()


def opendocument(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", mimetype)
        package.writestr("content.xml", "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("a.pdf", PDF_BYTES, "application/pdf"),
        (
            "a.docx",
            office_package("[Content_Types].xml", "word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "named-wrongly.pdf",
            office_package("[Content_Types].xml", "xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "a.odt",
            opendocument("application/vnd.oasis.opendocument.text"),
            "application/vnd.oasis.opendocument.text",
        ),
        ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "application/vnd.ms-excel"),
    ],
)
def test_documents_are_accepted_by_their_content(name, content, content_type):
    upload = SimpleUploadedFile(name, content)

    assert check_document(upload, max_bytes=10_000) == content_type
    assert upload.tell() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (PROGRAM_BYTES, "must be a PDF, Word, Excel, PowerPoint or OpenDocument file"),
        (office_package("payload.exe"), "must be a PDF, Word"),
        (b"PK\x03\x04 not really a zip", "must be a PDF, Word"),
        (b"<html><script>alert(1)</script></html>", "must be a PDF, Word"),
        (b"", "The selected file is empty"),
        (PDF_BYTES + b"x" * 2048, "The selected file must be smaller than 2 KB"),
    ],
)
def test_other_files_are_refused_with_a_clear_message(content, message):
    with pytest.raises(ValidationError, match=message):
        check_document(SimpleUploadedFile("protocol.pdf", content), max_bytes=2048)
