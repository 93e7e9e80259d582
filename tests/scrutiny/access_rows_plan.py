"""Access-matrix rows for the Police and Crime Plan (see tests/test_access_matrix.py)."""

from opcc.roles import Role
from tests.matrix import OFFICE, Row, expect, only
from tests.scrutiny.factories_plan import MeasureFactory, PlanFactory

CE, STAFF = Role.CHIEF_EXECUTIVE, Role.STAFF
EDITORS = only([CE, STAFF])


def pk(name):
    return lambda objects: {"pk": objects[name].pk}


ROWS = {
    "scrutiny:plans": Row(only(OFFICE)),
    "scrutiny:plan_add": Row(EDITORS),
    "scrutiny:plan": Row(only(OFFICE), kwargs=pk("plan_draft")),
    # A plan with no measures cannot be published: whoever may publish is told why (400).
    "scrutiny:plan_publish": Row(
        only([CE, STAFF], allowed=400), method="post", kwargs=pk("plan_empty")
    ),
    "scrutiny:plan_priority_add": Row(EDITORS, kwargs=pk("plan_draft")),
    "scrutiny:plan_measure_add": Row(
        EDITORS, kwargs=lambda objects: {"pk": objects["plan_measure"].priority_id}
    ),
    "scrutiny:plan_measure": Row(only(OFFICE), kwargs=pk("plan_measure")),
    "scrutiny:plan_value_add": Row(EDITORS, kwargs=pk("plan_measure")),
    "scrutiny:plan_public": Row(expect(200)),
    "scrutiny:plan_public_csv": Row(expect(200)),
    "scrutiny:plan_public_json": Row(expect(200)),
}


def make_objects(people):
    measure = MeasureFactory()
    return {
        "plan_draft": measure.priority.plan,
        "plan_measure": measure,
        "plan_empty": PlanFactory(),
    }
