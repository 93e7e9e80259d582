"""The language of the access matrix, shared by tests/test_access_matrix.py and each app's
tests/<app>/access_rows.py (which holds that app's rows and the records they need)."""

from dataclasses import dataclass, field

from opcc.roles import OFFICE_ROLES
from tests.conftest import ANONYMOUS, ROLES

LOGIN = "login"
REDIRECT = "redirect"
EVERYONE = [*ROLES, ANONYMOUS]
OFFICE = [role.value for role in OFFICE_ROLES]


def expect(default, **overrides):
    outcome = dict.fromkeys(EVERYONE, default)
    outcome.update(overrides)
    return outcome


def only(roles, *, allowed=200, others=403, anonymous=LOGIN):
    outcome = {who: (allowed if who in roles else others) for who in ROLES}
    outcome[ANONYMOUS] = anonymous
    return outcome


@dataclass
class Row:
    outcome: dict
    method: str = "get"
    kwargs: object = field(default=lambda objects: {})
