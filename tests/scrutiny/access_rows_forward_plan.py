"""Access-matrix rows for the forward plan and horizon scanning (tests/test_access_matrix.py)."""

from opcc.roles import Role
from tests.matrix import OFFICE, Row, only
from tests.scrutiny.factories_plan import HorizonScanEntryFactory, TopicFactory

EDITORS = only([Role.CHIEF_EXECUTIVE, Role.STAFF])


def pk(name):
    return lambda objects: {"pk": objects[name].pk}


ROWS = {
    "scrutiny:forward_plan": Row(only(OFFICE)),
    "scrutiny:forward_plan_topic_add": Row(EDITORS),
    "scrutiny:forward_plan_topic": Row(only(OFFICE), kwargs=pk("forward_plan_topic")),
    "scrutiny:forward_plan_topic_edit": Row(EDITORS, kwargs=pk("forward_plan_topic")),
    "scrutiny:horizon_scan": Row(only(OFFICE)),
    "scrutiny:horizon_scan_add": Row(EDITORS),
    "scrutiny:horizon_scan_topic": Row(EDITORS, kwargs=pk("horizon_scan_entry")),
}


def make_objects(people):
    return {"forward_plan_topic": TopicFactory(), "horizon_scan_entry": HorizonScanEntryFactory()}
