"""The Commissioner and Officer Protocol: who signs which version, and what the office sees."""

import datetime
import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance import protocol_status
from governance.models import ProtocolDeclaration, ProtocolVersion
from governance.seed_protocol import seed_protocol
from governance.services.protocol import add_protocol_version, sign_protocol
from governance.uploads import check_document
from governance.wiring_protocol import sign_panel, signatures_panel
from opcc.roles import Role
from opcc.seed import seed_people
from tests.governance.factories import ProtocolDeclarationFactory, ProtocolVersionFactory
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNATORIES = [Role.PCC, Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO, Role.STAFF]
PDF_BYTES = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"
# A Windows program's first bytes: what a disguised executable would start with.
PROGRAM_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def current(db):
    return ProtocolVersionFactory(version="2.0", approved_on=days_ago(30))


@pytest.fixture
def earlier(db):
    return ProtocolVersionFactory(version="1.0", approved_on=days_ago(700))


def names(people_queryset) -> set[str]:
    return {person.email for person in people_queryset}


def office_emails(*roles) -> set[str]:
    return {f"{role}@opcc.example" for role in roles}


# Who signs, and what


def test_a_person_who_must_sign_signs_the_current_version_and_it_is_dated(people, current):
    before = timezone.now()

    declaration = sign_protocol(people[Role.STAFF], current)

    assert declaration.version == current
    assert declaration.person == people[Role.STAFF]
    assert before <= declaration.signed_at <= timezone.now()
    assert people[Role.STAFF] not in protocol_status.outstanding_signatures(current)


def test_an_earlier_version_cannot_be_signed(people, current, earlier):
    with pytest.raises(ValidationError, match="not the current version"):
        sign_protocol(people[Role.STAFF], earlier)
    assert not ProtocolDeclaration.objects.exists()


def test_a_version_approved_for_a_future_date_is_not_yet_current_nor_signable(people, current):
    coming = ProtocolVersionFactory(version="3.0", approved_on=days_ago(-14))

    assert ProtocolVersion.objects.current() == current
    with pytest.raises(ValidationError, match="not the current version"):
        sign_protocol(people[Role.STAFF], coming)
    assert not ProtocolDeclaration.objects.exists()


@pytest.mark.parametrize("role", [Role.PANEL, Role.VISITOR])
def test_panel_members_and_visitors_cannot_sign(role, people, current):
    with pytest.raises(PermissionDenied):
        sign_protocol(people[role], current)
    assert not ProtocolDeclaration.objects.exists()


def test_someone_with_no_role_cannot_sign(outsider, current):
    with pytest.raises(PermissionDenied):
        sign_protocol(outsider, current)


def test_signing_twice_is_harmless_and_keeps_the_first_date(people, current):
    first = sign_protocol(people[Role.PCC], current)

    again = sign_protocol(people[Role.PCC], current)

    assert again.pk == first.pk
    assert again.signed_at == first.signed_at
    assert ProtocolDeclaration.objects.count() == 1


def test_a_new_version_asks_everyone_again(people, earlier):
    for role in SIGNATORIES:
        sign_protocol(people[role], earlier)
    assert not protocol_status.outstanding_signatures(earlier).exists()
    assert sign_panel(people[Role.STAFF]) is None

    newer = add_protocol_version(
        people[Role.CHIEF_EXECUTIVE],
        version="2.0",
        approved_on=timezone.localdate(),
        declaration_text="I have read version 2.0 and will act in accordance with it.",
    )

    assert ProtocolVersion.objects.current() == newer
    assert names(protocol_status.outstanding_signatures(newer)) == office_emails(*SIGNATORIES)
    assert sign_panel(people[Role.STAFF]) == {"version": newer}


def test_who_must_sign_follows_the_sign_protocol_permission(db):
    # protocol_status asks the role field for speed; the role groups' permission is the rule.
    signing_groups = set(
        Group.objects.filter(
            permissions__codename="sign_protocol", permissions__content_type__app_label="governance"
        ).values_list("name", flat=True)
    )
    assert signing_groups == set(protocol_status.SIGNING_ROLES)


def test_people_who_have_left_are_not_asked_to_sign(people, current):
    people[Role.CFO].is_active = False
    people[Role.CFO].save()

    assert people[Role.CFO] not in protocol_status.outstanding_signatures(current)
    assert people[Role.CFO] not in protocol_status.people_who_must_sign()


# The Chief Executive's view of who has not signed


def test_outstanding_signatures_are_exactly_those_who_must_sign_and_have_not(people, current):
    sign_protocol(people[Role.PCC], current)
    sign_protocol(people[Role.STAFF], current)
    ProtocolDeclarationFactory(
        version=ProtocolVersionFactory(approved_on=days_ago(900)), person=people[Role.CFO]
    )

    outstanding = protocol_status.outstanding_signatures(current)

    assert names(outstanding) == office_emails(Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO)


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


# Dashboard panels


def test_dashboard_asks_someone_who_has_not_signed_to_sign(people, current, client_for):
    client = client_for(Role.DEPUTY)
    sign_link = reverse("governance:protocol_sign", args=[current.pk])

    before = client.get(reverse("dashboard")).content.decode()
    sign_protocol(people[Role.DEPUTY], current)
    after = client.get(reverse("dashboard")).content.decode()

    assert "Sign the Commissioner and Officer Protocol" in before
    assert sign_link in before
    assert sign_link not in after


@pytest.mark.parametrize("role", [Role.PANEL, Role.VISITOR])
def test_dashboard_asks_nobody_outside_the_office_to_sign(role, people, current):
    assert sign_panel(people[role]) is None
    assert signatures_panel(people[role]) is None


def test_chief_executive_panel_counts_those_who_have_not_signed(people, current):
    for role in (Role.PCC, Role.DEPUTY):
        sign_protocol(people[role], current)

    assert signatures_panel(people[Role.CHIEF_EXECUTIVE]) == {"version": current, "outstanding": 3}
    assert signatures_panel(people[Role.STAFF]) is None

    for role in (Role.CHIEF_EXECUTIVE, Role.CFO, Role.STAFF):
        sign_protocol(people[role], current)
    assert signatures_panel(people[Role.CHIEF_EXECUTIVE]) is None


def test_chief_executive_dashboard_links_to_who_has_not_signed(people, current, client_for):
    content = client_for(Role.CHIEF_EXECUTIVE).get(reverse("dashboard")).content.decode()

    assert "5 people have not signed the declaration of version 2.0" in content
    assert reverse("governance:protocol_signatures") in content


def test_no_panel_without_a_current_version(people):
    ProtocolVersionFactory(approved_on=days_ago(-5))

    assert sign_panel(people[Role.STAFF]) is None
    assert signatures_panel(people[Role.CHIEF_EXECUTIVE]) is None


def test_panels_are_cheap(people, current, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        sign_panel(people[Role.STAFF])
    with django_assert_max_num_queries(2):
        signatures_panel(people[Role.CHIEF_EXECUTIVE])


# Demo data


def test_demo_data_has_a_version_half_the_staff_have_signed(db):
    log = []
    for _ in range(2):  # idempotent
        seed_people(0, log.append)
        seed_protocol(0, log.append)

    current = ProtocolVersion.objects.current()
    assert current.version == "2.0"
    assert ProtocolVersion.objects.count() == 2
    staff = protocol_status.people_who_must_sign().filter(role=Role.STAFF)
    assert staff.count() == 4
    signed_staff = staff.exclude(pk__in=protocol_status.outstanding_signatures(current))
    assert signed_staff.count() == 2
    assert not protocol_status.outstanding_signatures(
        ProtocolVersion.objects.get(version="1.0")
    ).exists()
    assert current.document.read(5) == b"%PDF-"
