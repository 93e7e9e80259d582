"""Access-matrix rows of the protocol declaration pages (see tests/test_access_matrix.py)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from opcc.roles import Role
from tests.governance.factories import ProtocolVersionFactory
from tests.matrix import OFFICE, Row, only


def _current_version(objects):
    return {"pk": objects["protocol_version"].pk}


ROWS = {
    "governance:protocol": Row(only(OFFICE)),
    # Nobody has signed the current version yet, so each signatory is shown the form.
    "governance:protocol_sign": Row(only(OFFICE), kwargs=_current_version),
    "governance:protocol_versions": Row(only(OFFICE)),
    "governance:protocol_version_add": Row(only([Role.CHIEF_EXECUTIVE])),
    "governance:protocol_signatures": Row(only([Role.CHIEF_EXECUTIVE])),
    "governance:protocol_document": Row(only(OFFICE), kwargs=_current_version),
}


def make_objects(people) -> dict:
    version = ProtocolVersionFactory(
        version="matrix-1", approved_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    version.document.save("protocol.pdf", ContentFile(b"%PDF-1.7 matrix"))
    return {"protocol_version": version}
