"""For every URL pattern in the project, every role and the public: the expected outcome.

Adding a URL without a row here fails `test_every_url_pattern_has_a_row`.

Outcomes: a status code, LOGIN (302 to the sign-in page) or REDIRECT (302 anywhere else).
"""

import importlib
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from opcc.models import AlertSubscription, GeneratedDocument, MessageStatus, OutboundMessage
from opcc.roles import Role
from tests.matrix import EVERYONE, LOGIN, OFFICE, REDIRECT, Row, expect, only


def _history_of_visitor(objects):
    return {"app_label": "opcc", "model_name": "user", "pk": objects["visitor"].pk}


def _document(objects):
    return {"code": objects["document"].code}


signed_in_only = expect(200, anonymous=LOGIN)

CORE_ROWS = {
    "home": Row(expect(200)),
    "transparency": Row(expect(200)),
    "accessibility": Row(expect(200)),
    "privacy": Row(expect(200)),
    "dashboard": Row(signed_in_only),
    "login": Row(expect(REDIRECT, anonymous=200)),
    "logout": Row(expect(REDIRECT), method="post"),
    # Office roles in these tests are already verified; panel members and visitors may choose to
    # enrol an authenticator app, but are never made to.
    "two_factor_verify": Row(expect(REDIRECT, anonymous=LOGIN)),
    "two_factor_setup": Row(
        expect(REDIRECT, panel=200, visitor=200, anonymous=LOGIN),
    ),
    "password_reset": Row(expect(200)),
    "password_reset_done": Row(expect(200)),
    "password_reset_confirm": Row(
        expect(200), kwargs=lambda objects: {"uidb64": "MQ", "token": "not-a-token"}
    ),
    "password_reset_complete": Row(expect(200)),
    "password_change": Row(signed_in_only),
    "password_change_done": Row(signed_in_only),
    # History is for office roles (it shows past, unpublished values); among them, only those
    # who may see the record itself.
    "record_history": Row(
        only([Role.CHIEF_EXECUTIVE], others=404) | {Role.PANEL: 403, Role.VISITOR: 403},
        kwargs=_history_of_visitor,
    ),
    "record_history_pdf": Row(
        only([Role.CHIEF_EXECUTIVE], allowed=REDIRECT, others=404)
        | {Role.PANEL: 403, Role.VISITOR: 403},
        method="post",
        kwargs=_history_of_visitor,
    ),
    "document": Row(only([Role.CHIEF_EXECUTIVE], others=404), kwargs=_document),
    "document_status": Row(only([Role.CHIEF_EXECUTIVE], others=404), kwargs=_document),
    "document_download": Row(only([Role.CHIEF_EXECUTIVE], others=404), kwargs=_document),
    "document_retry": Row(
        only([Role.CHIEF_EXECUTIVE], allowed=REDIRECT, others=404),
        method="post",
        kwargs=_document,
    ),
    "outbox": Row(only([Role.CHIEF_EXECUTIVE, Role.STAFF])),
    "outbox_retry": Row(
        only([Role.CHIEF_EXECUTIVE, Role.STAFF], allowed=REDIRECT),
        method="post",
        kwargs=lambda objects: {"code": objects["failed_message"].code},
    ),
    "people": Row(only([Role.CHIEF_EXECUTIVE])),
    "panel_area": Row(only([Role.PANEL])),
    "search": Row(expect(200)),
    "open_data": Row(expect(200)),
    "alerts_subscribe": Row(expect(200)),
    "alerts_check_email": Row(expect(200)),
    "alerts_confirm": Row(expect(200), kwargs=lambda objects: {"code": objects["alert"].code}),
    "alerts_unsubscribe": Row(expect(200), kwargs=lambda objects: {"code": objects["alert"].code}),
    "governance:landing": Row(only([*OFFICE, Role.PANEL])),
    "complaints:landing": Row(only(OFFICE)),
    "scrutiny:landing": Row(only([*OFFICE, Role.PANEL])),
    "custody_visits:landing": Row(only([*OFFICE, Role.VISITOR])),
    # The Django admin is for technical administrators (is_staff) only: everyone else is sent
    # to its own sign-in page. Its internal URLs are Django's and are covered by this row.
    "admin:index": Row(expect(REDIRECT)),
}


def app_row_modules():
    """Each app's rows: tests/<app>/access_rows*.py, with ROWS and make_objects(people)."""
    for path in sorted(Path(__file__).parent.glob("*/access_rows*.py")):
        yield importlib.import_module(f"tests.{path.parent.name}.{path.stem}")


MATRIX = dict(CORE_ROWS)
for _module in app_row_modules():
    MATRIX.update(_module.ROWS)


def url_names(resolver=None, namespace=""):
    """Every named URL pattern in the project (the admin counted once, as admin:index)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                yield "admin:index"
                continue
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern, prefix)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else f"(unnamed) {pattern.pattern}"


def test_every_url_pattern_has_a_row():
    names = set(url_names())
    assert not names - set(MATRIX), "URL patterns without a row in the access matrix"
    assert not set(MATRIX) - names, "rows for URL patterns that no longer exist"


@pytest.fixture
def objects(people):
    chief_executive = people[Role.CHIEF_EXECUTIVE]
    document = GeneratedDocument.objects.create(
        kind="record_history",
        title="Change history of a visitor",
        of=people[Role.VISITOR],
        requested_by=chief_executive,
        status="ready",
        finished_at=timezone.now(),
    )
    document.file.save(document.filename, BytesIO(b"%PDF-1.7 test"))
    failed_message = OutboundMessage.objects.create(
        kind="test",
        to="nobody@example.org",
        subject="A failed message",
        body_text="-",
        status=MessageStatus.FAILED,
        attempts=6,
    )
    alert = AlertSubscription.objects.create(email="reader@example.org", kind="decisions")
    objects = {**people, "document": document, "failed_message": failed_message, "alert": alert}
    for module in app_row_modules():
        objects.update(module.make_objects(people))
    return objects


def outcome_of(response) -> object:
    if response.status_code == 302:
        login = reverse("login")
        return LOGIN if response["Location"].startswith(login) else REDIRECT
    return response.status_code


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access(name, objects, client_for):
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(objects))
    mismatches = {}
    for who in EVERYONE:
        client = client_for(who)
        response = getattr(client, row.method)(url)
        if (got := outcome_of(response)) != row.outcome[who]:
            mismatches[who] = f"expected {row.outcome[who]}, got {got}"
    assert not mismatches, f"{name} ({url}): {mismatches}"
