"""Access-matrix rows of the transparency hub's hand-published documents: everyone reads what is
published; the Chief Executive, the Chief Finance Officer and staff publish and withdraw."""

from django.core.files.uploadedfile import SimpleUploadedFile

from opcc.publications import publish_document
from opcc.roles import Role
from opcc.seed_transparency import BLANK_PDF
from tests.matrix import Row, expect, only

PUBLISHERS = [Role.CHIEF_EXECUTIVE, Role.CFO, Role.STAFF]


def _entry(objects):
    return {"code": objects["publication"].code}


ROWS = {
    "transparency_category": Row(expect(200), kwargs=lambda objects: {"category": "spending"}),
    "transparency_document": Row(expect(200), kwargs=_entry),
    "transparency_feed": Row(expect(200)),
    "transparency_documents_csv": Row(expect(200)),
    "transparency_documents_json": Row(expect(200)),
    "transparency_manage": Row(only(PUBLISHERS)),
    "transparency_publish": Row(only(PUBLISHERS)),
    # Sent with no reason: the publisher is told what is missing (400).
    "transparency_withdraw": Row(only(PUBLISHERS, allowed=400), method="post", kwargs=_entry),
}


def make_objects(people):
    publication = publish_document(
        people[Role.STAFF],
        category="spending",
        title="Spending over £500: October 2026",
        summary="",
        published_on=None,
        document=SimpleUploadedFile("s.pdf", BLANK_PDF, content_type="application/pdf"),
    )
    return {"publication": publication}
