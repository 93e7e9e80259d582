"""Every place the portal takes a file: checked by content and size, stored out of reach of the
web server, and only ever served through a view that asks who is looking.

Each upload path is listed in UPLOAD_PATHS; a FileField added to a model without a path here
fails `test_every_file_field_is_known`.
"""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import get_resolver
from django.utils import timezone

from governance.models import Contract, ProtocolVersion, SupportingDocument
from governance.services import decisions as decision_services
from governance.services import registers as register_services
from governance.services.protocol import add_protocol_version
from opcc.models import TransparencyPublication
from opcc.publications import publish_document
from opcc.roles import Role
from scrutiny.models import Paper
from scrutiny.services import meetings as scrutiny_services
from tests.governance.factories import DecisionFactory
from tests.scrutiny.factories_meetings import AgendaItemFactory

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
DISGUISED = {
    "HTML": b"<!doctype html><html><script>alert(document.cookie)</script></html>",
    "SVG": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
    "Windows program": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64,
    "zip of a web page": (
        b"PK\x03\x04\x14\x00\x00\x00\x00\x00" + b"\x00" * 16 + b"index.html<html></html>"
    ),
}


def upload(content: bytes, name="report.pdf") -> SimpleUploadedFile:
    # Named and labelled as a PDF, whatever it holds.
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def publication(people, document):
    publish_document(
        people[Role.STAFF],
        category="spending",
        title="Spending over £500",
        summary="",
        published_on=datetime.date(2026, 11, 2),
        document=document,
    )


def protocol_version(people, document):
    add_protocol_version(
        people[Role.CHIEF_EXECUTIVE],
        version="7.0",
        approved_on=timezone.localdate(),
        declaration_text="I have read the protocol.",
        document=document,
    )


def contract(people, document):
    register_services.record_contract(
        people[Role.CFO],
        title="Victim support service",
        supplier="Victim Support",
        value=Decimal("250000.00"),
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2029, 3, 31),
        procurement_route="open",
        document=document,
    )


def supporting_document(people, document):
    decision_services.add_supporting_document(
        people[Role.STAFF], DecisionFactory(), title="Annex", upload=document, is_public=True
    )


def meeting_paper(people, document):
    scrutiny_services.add_paper(
        people[Role.STAFF], AgendaItemFactory(), title="Report", upload=document
    )


# What each path stores, and how it says the file was refused.
UPLOAD_PATHS = {
    "transparency publication": (publication, TransparencyPublication, "document"),
    "protocol version": (protocol_version, ProtocolVersion, "document"),
    "contract": (contract, Contract, "document"),
    "decision supporting document": (supporting_document, SupportingDocument, "upload"),
    "meeting paper": (meeting_paper, Paper, "upload"),
}
# Files the portal makes itself (generated PDFs, message attachments): never uploaded.
GENERATED_FILE_FIELDS = {"opcc.GeneratedDocument.file", "opcc.MessageAttachment.file"}
UPLOADED_FILE_FIELDS = {
    "opcc.TransparencyPublication.document",
    "governance.ProtocolVersion.document",
    "governance.Contract.document",
    "governance.SupportingDocument.file",
    "scrutiny.Paper.file",
}


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_every_file_field_is_known():
    found = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    }
    assert found == UPLOADED_FILE_FIELDS | GENERATED_FILE_FIELDS
    assert len(UPLOAD_PATHS) == len(UPLOADED_FILE_FIELDS)


@pytest.mark.parametrize("path", sorted(UPLOAD_PATHS))
@pytest.mark.parametrize("kind", sorted(DISGUISED))
def test_a_file_named_pdf_is_refused_for_what_it_contains(people, path, kind):
    send, model, field = UPLOAD_PATHS[path]
    with pytest.raises(ValidationError) as refusal:
        send(people, upload(DISGUISED[kind]))
    assert refusal.value.message_dict[field] == [
        "The selected file must be a PDF, Word, Excel, PowerPoint or OpenDocument file"
    ]
    assert not model.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize("path", sorted(UPLOAD_PATHS))
def test_an_oversize_file_is_refused_with_its_limit_and_nothing_is_kept(people, path, settings):
    send, model, field = UPLOAD_PATHS[path]
    settings.UPLOAD_MAX_BYTES = 10 * 1024 * 1024
    # One byte over the largest limit any path has (the hub's 20 MB).
    oversize = upload(PDF_BYTES + b"\0" * (20 * 1024 * 1024 + 1 - len(PDF_BYTES)))
    with pytest.raises(ValidationError) as refusal:
        send(people, oversize)
    [message] = refusal.value.message_dict[field]
    assert message in {
        "The selected file must be smaller than 10 MB",
        "The selected file must be smaller than 20 MB",
    }
    assert not model.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize("path", sorted(UPLOAD_PATHS))
def test_a_real_pdf_is_stored_under_a_name_of_the_portals_choosing(people, path):
    send, model, _ = UPLOAD_PATHS[path]
    send(people, upload(PDF_BYTES, name="<script>.html.pdf"))
    [stored] = stored_files()
    assert stored.suffix == ".pdf"
    assert "script" not in stored.name and ".html" not in stored.name
    assert model.objects.count() == 1


def test_uploaded_files_live_outside_the_web_root_and_have_no_public_route():
    from opcc import settings as portal_settings

    media = Path(portal_settings.MEDIA_ROOT).resolve()
    web_roots = [Path(portal_settings.STATIC_ROOT), Path(portal_settings.BASE_DIR) / "static"]
    web_roots += [
        Path(entry[1] if isinstance(entry, tuple) else entry)
        for entry in portal_settings.STATICFILES_DIRS
    ]
    for root in web_roots:
        root = root.resolve()
        assert not media.is_relative_to(root) and not root.is_relative_to(media), root
    assert not getattr(portal_settings, "MEDIA_URL", "")
    # No URL pattern serves files straight from disk (django.views.static.serve, static()).
    views = set()

    def walk(resolver):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern)
            else:
                view = pattern.callback
                views.add(f"{view.__module__}.{getattr(view, '__name__', type(view).__name__)}")

    walk(get_resolver())
    assert not any(view.startswith("django.views.static") for view in views)
