import pytest
from django.urls import reverse

from opcc import documents
from opcc.models import DocumentStatus, GeneratedDocument, SecurityMarking
from opcc.registry import DocumentKind, document_kinds
from opcc.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def history_pdf(people, django_capture_on_commit_callbacks):
    """The Chief Executive asks for a PDF of a visitor's change history; it is generated."""

    def make(*, execute=True):
        with django_capture_on_commit_callbacks(execute=execute):
            return documents.request_document(
                people[Role.CHIEF_EXECUTIVE],
                kind="record_history",
                title="Change history: Dee",
                of=people[Role.VISITOR],
                marking=SecurityMarking.OFFICIAL_SENSITIVE,
            )

    return make


@pytest.fixture
def broken_kind():
    document_kinds.register(
        "broken", DocumentKind("broken", "pdf/no-such-template.html", lambda document: {})
    )
    yield "broken"
    document_kinds.unregister("broken")


def test_document_goes_from_queued_to_ready_with_a_pdf(history_pdf):
    document = history_pdf(execute=False)
    assert document.status == DocumentStatus.QUEUED

    documents.generate_document(document.pk)

    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert document.started_at <= document.finished_at
    assert document.seconds_taken >= 0
    with document.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_generating_twice_does_the_work_once(history_pdf):
    document = history_pdf(execute=False)

    first = documents.generate_document(document.pk)
    second = documents.generate_document(document.pk)

    assert first.status == DocumentStatus.READY
    assert second is None
    document.refresh_from_db()
    assert document.attempts == 1


def test_a_failing_template_records_the_failure(
    people, broken_kind, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = documents.request_document(
            people[Role.CHIEF_EXECUTIVE], kind=broken_kind, title="Broken", of=people[Role.STAFF]
        )

    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert "TemplateDoesNotExist: pdf/no-such-template.html" in document.error
    assert document.finished_at is not None
    assert not document.file


def test_failed_document_page_shows_the_reason_and_can_be_retried(
    people, broken_kind, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = documents.request_document(
            people[Role.CHIEF_EXECUTIVE], kind=broken_kind, title="Broken", of=people[Role.STAFF]
        )
    client = client_for(Role.CHIEF_EXECUTIVE)

    page = client.get(reverse("document", args=[document.code])).content.decode()
    assert "The document could not be generated" in page
    assert "TemplateDoesNotExist" in page

    document_kinds.register(
        broken_kind, DocumentKind(broken_kind, "pdf/record_history.html", lambda d: {"entries": []})
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("document_retry", args=[document.code]))
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
    assert document.error == ""


def test_ready_document_cannot_be_queued_again(history_pdf, people):
    document = history_pdf()
    document.refresh_from_db()
    with pytest.raises(ValueError, match="A ready document cannot become queued"):
        documents.retry_document(people[Role.CHIEF_EXECUTIVE], document)


def test_unknown_kind_is_refused(people):
    with pytest.raises(ValueError, match="No document kind"):
        documents.request_document(people[Role.CHIEF_EXECUTIVE], kind="nope", title="x")
    assert GeneratedDocument.objects.count() == 0


def test_status_page_polls_until_ready_then_offers_the_download(history_pdf, client_for):
    document = history_pdf(execute=False)
    client = client_for(Role.CHIEF_EXECUTIVE)

    waiting = client.get(reverse("document", args=[document.code])).content.decode()
    status = client.get(reverse("document_status", args=[document.code])).json()
    assert (
        f'data-document-status-url="{reverse("document_status", args=[document.code])}"' in waiting
    )
    assert "document-status.mjs" in waiting
    assert status == {
        "status": "queued",
        "label": "Queued",
        "finished": False,
        "error": "",
        "download_url": "",
    }

    documents.generate_document(document.pk)

    ready = client.get(reverse("document", args=[document.code])).content.decode()
    status = client.get(reverse("document_status", args=[document.code])).json()
    download = client.get(reverse("document_download", args=[document.code]))
    assert "Your document is ready" in ready and "document-status.mjs" not in ready
    assert status["finished"] is True
    assert status["download_url"] == reverse("document_download", args=[document.code])
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "no-store" in download["Cache-Control"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_someone_who_may_not_see_the_record_cannot_see_its_document(history_pdf, client_for):
    document = history_pdf()
    for role in (Role.STAFF, Role.PCC, Role.PANEL):
        client = client_for(role)
        assert client.get(reverse("document", args=[document.code])).status_code == 404
        assert client.get(reverse("document_download", args=[document.code])).status_code == 404


def test_pdf_carries_the_security_marking_header_and_page_numbers(history_pdf):
    from pypdf import PdfReader

    document = history_pdf()
    document.refresh_from_db()
    with document.file.open("rb") as pdf:
        text = PdfReader(pdf).pages[0].extract_text()

    assert text.count("OFFICIAL-SENSITIVE") >= 2  # top and bottom of the page
    assert "Office of the Police and Crime Commissioner" in text
    assert "Page 1 of 1" in text
    assert "Change history: Dee" in text


def test_pdfs_may_load_only_the_portals_static_files():
    fetcher = documents.StaticOnlyFetcher()
    css = fetcher.fetch(f"{documents.PDF_BASE_URL}static/css/print.css")
    assert b"@page" in css.read()
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError):
        fetcher.fetch("http://169.254.169.254/latest/meta-data/")
    with pytest.raises(ValueError):
        fetcher.fetch(f"{documents.PDF_BASE_URL}static/../../opcc/settings.py")


def test_pdfs_load_the_hashed_print_css_that_production_templates_name(settings, tmp_path):
    # With DJANGO_DEBUG=0 the manifest storage names css/print.<hash>.css, which exists only
    # under STATIC_ROOT after collectstatic: the PDF must still get its print stylesheet.
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "print.0123abcd.css").write_bytes(b"@page { size: A4 }")
    settings.STATIC_ROOT = tmp_path
    fetcher = documents.StaticOnlyFetcher()
    css = fetcher.fetch(f"{documents.PDF_BASE_URL}static/css/print.0123abcd.css")
    assert css.read() == b"@page { size: A4 }"
    with pytest.raises(FileNotFoundError):
        fetcher.fetch(f"{documents.PDF_BASE_URL}static/css/print.ffffffff.css")


def test_stuck_queued_document_is_generated_by_the_sweeper(history_pdf):
    document = history_pdf(execute=False)  # as if the broker was down
    GeneratedDocument.objects.filter(pk=document.pk).update(
        requested_at=document.requested_at - documents.timedelta(minutes=30)
    )

    assert documents.requeue_stuck_documents() == 1

    document.refresh_from_db()
    assert document.status == DocumentStatus.READY
