"""Access-matrix rows for HMICFRS inspections (see tests/test_access_matrix.py)."""

from django.utils import timezone

from opcc.roles import Role
from scrutiny.models import InspectionStatus
from tests.matrix import OFFICE, Row, expect, only
from tests.scrutiny.factories_inspections import InspectionFactory, InspectionItemFactory

CE, STAFF, PCC, DEPUTY = Role.CHIEF_EXECUTIVE, Role.STAFF, Role.PCC, Role.DEPUTY
RESPONDERS = only([CE, STAFF])


def code(name):
    return lambda objects: {"code": objects[name].code}


ROWS = {
    "scrutiny:inspections": Row(only(OFFICE)),
    "scrutiny:inspection_add": Row(RESPONDERS),
    "scrutiny:inspection": Row(only(OFFICE), kwargs=code("hmicfrs_awaiting")),
    "scrutiny:inspection_request_comments": Row(RESPONDERS, kwargs=code("hmicfrs_awaiting")),
    "scrutiny:inspection_comments": Row(RESPONDERS, kwargs=code("hmicfrs_awaiting")),
    "scrutiny:inspection_response": Row(RESPONDERS, kwargs=code("hmicfrs_awaiting")),
    "scrutiny:inspection_item": Row(
        RESPONDERS,
        kwargs=lambda objects: {
            "code": objects["hmicfrs_awaiting"].code,
            "pk": objects["hmicfrs_item"].pk,
        },
    ),
    # Publishing a response with nothing answered: whoever may publish is told why (400).
    "scrutiny:inspection_publish": Row(
        only([PCC, DEPUTY, CE], allowed=400), method="post", kwargs=code("hmicfrs_awaiting")
    ),
    "scrutiny:inspection_sent": Row(RESPONDERS, kwargs=code("hmicfrs_published")),
    "scrutiny:hmicfrs_public": Row(expect(200)),
    "scrutiny:hmicfrs_public_csv": Row(expect(200)),
    "scrutiny:hmicfrs_public_json": Row(expect(200)),
    "scrutiny:hmicfrs_response_public": Row(expect(200), kwargs=code("hmicfrs_published")),
    # The published response's PDF is not yet made in these rows: not found, for everyone.
    "scrutiny:hmicfrs_response_pdf": Row(expect(404), kwargs=code("hmicfrs_published")),
}


def make_objects(people):
    awaiting = InspectionFactory()
    published = InspectionFactory(
        status=InspectionStatus.PUBLISHED,
        chief_constable_comments="Welcomed.",
        response_introduction="The Commissioner welcomes the report.",
        response_published_at=timezone.now(),
    )
    return {
        "hmicfrs_awaiting": awaiting,
        "hmicfrs_item": InspectionItemFactory(inspection=awaiting),
        "hmicfrs_published": published,
    }
