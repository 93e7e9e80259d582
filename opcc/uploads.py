"""Checking an uploaded document by what it contains, not by what its name or browser claims.

A file's name and its Content-Type header are chosen by whoever sends it, so a program renamed
``report.pdf`` would pass a check on either. Here the first bytes decide: a PDF starts ``%PDF-``;
Word, Excel and PowerPoint since 2007 (and OpenDocument) are zip packages with a known part inside;
the older Office formats are OLE2 compound files. Store the file under a name of your own choosing
from :func:`stored_name`, which gives it the extension of what it really is, so it is always
served as that.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

ACCEPTED_KINDS = "a PDF, Word, Excel, PowerPoint or OpenDocument file"


@dataclass(frozen=True)
class DocumentType:
    """What an uploaded file turned out to be."""

    label: str
    extension: str
    content_type: str


PDF = DocumentType("PDF", ".pdf", "application/pdf")
WORD = DocumentType(
    "Word document",
    ".docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
EXCEL = DocumentType(
    "Excel spreadsheet",
    ".xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
POWERPOINT = DocumentType(
    "PowerPoint presentation",
    ".pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
)
OPEN_TEXT = DocumentType("OpenDocument text", ".odt", "application/vnd.oasis.opendocument.text")
OPEN_SPREADSHEET = DocumentType(
    "OpenDocument spreadsheet", ".ods", "application/vnd.oasis.opendocument.spreadsheet"
)
OPEN_PRESENTATION = DocumentType(
    "OpenDocument presentation", ".odp", "application/vnd.oasis.opendocument.presentation"
)
OLD_WORD = DocumentType("Word 97-2003 document", ".doc", "application/msword")
OLD_EXCEL = DocumentType("Excel 97-2003 spreadsheet", ".xls", "application/vnd.ms-excel")
OLD_POWERPOINT = DocumentType(
    "PowerPoint 97-2003 presentation", ".ppt", "application/vnd.ms-powerpoint"
)

DOCUMENT_TYPES = (
    PDF,
    WORD,
    EXCEL,
    POWERPOINT,
    OPEN_TEXT,
    OPEN_SPREADSHEET,
    OPEN_PRESENTATION,
    OLD_WORD,
    OLD_EXCEL,
    OLD_POWERPOINT,
)

# The folder inside an Office Open XML package that says which application made it.
OOXML_PARTS = {"word/": WORD, "xl/": EXCEL, "ppt/": POWERPOINT}
OPENDOCUMENT_MIMETYPES = {
    t.content_type: t for t in (OPEN_TEXT, OPEN_SPREADSHEET, OPEN_PRESENTATION)
}
OLE2_TYPES = (OLD_WORD, OLD_EXCEL, OLD_POWERPOINT)


def check_document(uploaded_file, *, max_bytes: int) -> str:
    """Accept a PDF or Office document no bigger than ``max_bytes``; return its content type.

    Raises ``ValidationError`` with a message to show next to the file field. Leaves the file
    positioned at its start, ready to be saved.
    """
    if uploaded_file.size == 0:
        raise ValidationError("The selected file is empty", code="empty")
    if uploaded_file.size > max_bytes:
        raise ValidationError(
            f"The selected file must be smaller than {readable_size(max_bytes)}",
            code="too_large",
        )
    found = identify_document(uploaded_file)
    if found is None:
        raise ValidationError(f"The selected file must be {ACCEPTED_KINDS}", code="file_type")
    return found.content_type


def identify_document(uploaded_file) -> DocumentType | None:
    """What the file's content says it is, or None if it is not a PDF or Office document."""
    uploaded_file.seek(0)
    head = uploaded_file.read(len(OLE2_MAGIC))
    uploaded_file.seek(0)
    try:
        if head.startswith(PDF_MAGIC):
            return PDF
        if head.startswith(ZIP_MAGIC):
            return _package_type(uploaded_file)
        if head.startswith(OLE2_MAGIC):
            return _ole2_type(uploaded_file.name)
        return None
    finally:
        uploaded_file.seek(0)


def stored_name(stem: str, content_type: str) -> str:
    """A file name for storage: a name of our choosing, with the extension of the real content."""
    return f"{stem}{extension_for(content_type)}"


def extension_for(content_type: str) -> str:
    for document_type in DOCUMENT_TYPES:
        if document_type.content_type == content_type:
            return document_type.extension
    return ""


def content_type_for(name: str) -> str:
    """The content type to serve a stored document with, from the extension we gave it."""
    extension = PurePath(name).suffix.lower()
    for document_type in DOCUMENT_TYPES:
        if document_type.extension == extension:
            return document_type.content_type
    return "application/octet-stream"


def _package_type(uploaded_file) -> DocumentType | None:
    # Only the directory is read (and OpenDocument's few-byte "mimetype" part), never the
    # compressed content, so a zip bomb costs nothing here.
    try:
        with zipfile.ZipFile(uploaded_file) as package:
            names = package.namelist()
            if "[Content_Types].xml" in names:
                for prefix, document_type in OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return document_type
                return None
            if "mimetype" in names:
                with package.open("mimetype") as part:
                    declared = part.read(100).decode("ascii", "replace").strip()
                return OPENDOCUMENT_MIMETYPES.get(declared)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def _ole2_type(name: str) -> DocumentType:
    # The three old formats share one container; the name's extension picks among them, and
    # anything else is stored as a Word file, which is still only an Office document.
    extension = PurePath(name or "").suffix.lower()
    for document_type in OLE2_TYPES:
        if document_type.extension == extension:
            return document_type
    return OLD_WORD


def readable_size(size: int) -> str:
    """10485760 as "10 MB", as the GOV.UK file upload messages write it."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.{0 if size % factor == 0 else 1}f} {unit}"
    return f"{size} bytes"
