"""PDF documents: render a template with WeasyPrint, and generate documents in the background.

A page asks for a document with :func:`request_document`; a Celery task calls
:func:`generate_document`, which records each step (queued → running → ready or failed) so the
page can show progress and the reason for a failure.
"""

import logging
import mimetypes
import posixpath
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from opcc import access
from opcc.enqueue import enqueue_on_commit
from opcc.models import DocumentStatus, GeneratedDocument, SecurityMarking
from opcc.models.documents import DOCUMENT_TRANSITIONS
from opcc.registry import document_kinds

log = logging.getLogger(__name__)

PDF_BASE_URL = "https://portal.invalid/"


class StaticOnlyFetcher(URLFetcher):
    """Lets a PDF load the portal's own static files (print CSS, fonts, images) and nothing else,
    so a document can never reach the network or read an arbitrary file."""

    def fetch(self, url, headers=None):
        prefix = PDF_BASE_URL.rstrip("/") + settings.STATIC_URL
        if not url.startswith(prefix):
            raise ValueError(f"PDFs may only load the portal's static files, not {url}")
        relative = posixpath.normpath(url.removeprefix(prefix).split("?")[0])
        if relative.startswith(("..", "/")):
            raise ValueError(f"PDFs may only load the portal's static files, not {url}")
        path = finders.find(relative) or _collected(relative)
        if not path:
            raise FileNotFoundError(url)
        mimetype = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, Path(path).read_bytes(), {"Content-Type": mimetype})


def _collected(relative: str) -> str | None:
    """A file as ``collectstatic`` left it under STATIC_ROOT: in production templates name the
    hashed copies (css/print.<hash>.css), which the finders, reading the sources, do not know."""
    if settings.STATIC_ROOT:
        candidate = Path(settings.STATIC_ROOT, relative)
        if candidate.is_file():
            return str(candidate)
    return None


def render_pdf(
    template_name: str, context: dict, *, marking: str = SecurityMarking.OFFICIAL
) -> bytes:
    """Render ``template_name`` (which extends pdf/base.html) to PDF bytes."""
    html = render_to_string(template_name, {**context, "marking": marking})
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf()


def _move(document: GeneratedDocument, status: str) -> None:
    if status not in DOCUMENT_TRANSITIONS[document.status]:
        raise ValueError(f"A {document.status} document cannot become {status}")
    document.status = status


def request_document(
    actor, *, kind: str, title: str, of=None, marking: str = SecurityMarking.OFFICIAL
) -> GeneratedDocument:
    """Queue a document of a registered ``kind`` about ``of``; it is generated after commit."""
    if document_kinds.get(kind) is None:
        raise ValueError(f"No document kind {kind!r} is registered")
    if of is not None and not access.can(actor, access.VIEW, of):
        access.refuse(actor, f"document of {of._meta.label} {of.pk}")
    with transaction.atomic():
        document = GeneratedDocument(
            kind=kind, title=title, of=of, marking=marking, requested_by=actor
        )
        document.full_clean(exclude=["file", "content_type", "object_id"])
        document.save()
        enqueue_on_commit("opcc.tasks.generate_document", document.pk)
    return document


def retry_document(actor, document: GeneratedDocument) -> GeneratedDocument:
    """Queue a failed document again."""
    if not access.can(actor, access.VIEW, document):
        access.refuse(actor, f"retry document {document.pk}")
    with transaction.atomic():
        document = GeneratedDocument.objects.select_for_update().get(pk=document.pk)
        _move(document, DocumentStatus.QUEUED)
        document.error = ""
        document.requested_at = timezone.now()
        document.save(update_fields=["status", "error", "requested_at"])
        enqueue_on_commit("opcc.tasks.generate_document", document.pk)
    return document


def generate_document(document_id: int) -> GeneratedDocument | None:
    """Generate one queued document. Safe to run twice: only a queued document is taken."""
    with transaction.atomic():
        document = (
            GeneratedDocument.objects.select_for_update(skip_locked=True)
            .filter(pk=document_id, status=DocumentStatus.QUEUED)
            .first()
        )
        if document is None:
            return None
        _move(document, DocumentStatus.RUNNING)
        document.started_at = timezone.now()
        document.attempts += 1
        document.save(update_fields=["status", "started_at", "attempts"])

    try:
        kind = document_kinds.get(document.kind)
        if kind is None:
            raise LookupError(f"No document kind {document.kind!r} is registered")
        pdf = render_pdf(kind.template_name, kind.build_context(document), marking=document.marking)
    except Exception as error:
        log.exception("document %s failed", document.pk)
        _move(document, DocumentStatus.FAILED)
        document.error = f"{type(error).__name__}: {error}"[:2000]
        document.finished_at = timezone.now()
        document.save(update_fields=["status", "error", "finished_at"])
        return document

    document.file.save(document.filename, ContentFile(pdf), save=False)
    _move(document, DocumentStatus.READY)
    document.finished_at = timezone.now()
    document.save(update_fields=["status", "file", "finished_at"])
    return document


def requeue_stuck_documents(older_than_minutes: int = 10) -> int:
    """Send again documents queued while the broker was down, or left running by a killed worker."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    stuck_running = GeneratedDocument.objects.filter(
        status=DocumentStatus.RUNNING, started_at__lt=cutoff
    )
    stuck_running.update(status=DocumentStatus.QUEUED)
    queued = list(
        GeneratedDocument.objects.filter(
            status=DocumentStatus.QUEUED, requested_at__lt=cutoff
        ).values_list("pk", flat=True)[:200]
    )
    for pk in queued:
        generate_document(pk)
    return len(queued)
