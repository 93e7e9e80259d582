"""The security headers and the Content Security Policy, on every page the portal serves.

The pages are not a hand list: every row of the access matrix (tests/test_access_matrix.py) that
someone may see is fetched as that someone (the public where it is public, and a signed-in role
where one may see it), so a new URL is checked here as soon as it has its matrix row. Error pages
(400, 403, 404, 405, 429) and the downloads (CSV, JSON, Atom, iCal, PDF) are among them.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from opcc.roles import Role
from tests.conftest import ANONYMOUS, ROLES
from tests.opcc.test_settings import PRODUCTION, run
from tests.test_access_matrix import MATRIX, objects  # noqa: F401  (the matrix's fixture)

pytestmark = pytest.mark.django_db

HEADERS_ON_EVERY_RESPONSE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# What a download may be served as; anything else (text/plain, application/octet-stream for
# our own exports, a missing type) would leave the browser guessing.
DOWNLOAD_TYPES = {
    "text/csv",
    "application/json",
    "application/atom+xml",
    "application/rss+xml",
    "text/calendar",
    "application/pdf",
}
# Feeds are read in place by their readers, and a PDF (its content checked at upload) may open
# in the browser's own viewer; every other download (CSV, Office files) is an attachment.
SHOWN_INLINE = {
    "application/json",
    "application/atom+xml",
    "application/rss+xml",
    "text/calendar",
    "application/pdf",
}


def policy_directives(policy: str) -> dict[str, str]:
    parts = (part.strip() for part in policy.split(";") if part.strip())
    return {name: value for name, _, value in (part.partition(" ") for part in parts)}


class InlineCode(HTMLParser):
    """Finds what the policy would block unless it allowed 'unsafe-inline': scripts and style
    blocks without the page's nonce, style="" attributes, on*="" handlers, javascript: links."""

    def __init__(self, nonce: str):
        super().__init__(convert_charrefs=True)
        self.nonce = nonce
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        nonced = bool(self.nonce) and attributes.get("nonce") == self.nonce
        if tag in {"script", "style"} and "src" not in attributes and not nonced:
            self.found.append(f"<{tag}> without the nonce")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'style="{value}" on <{tag}>')
            elif name.startswith("on"):
                self.found.append(f'{name}="" on <{tag}>')
            elif name in {"href", "src", "action", "formaction"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.found.append(f"a javascript: URL on <{tag}>")


def problems_with(response, *, signed_in: bool) -> list[str]:
    """What is wrong with one response's headers and, for a page, its markup."""
    problems = [
        f"{header}: {response.get(header)!r}, expected {expected!r}"
        for header, expected in HEADERS_ON_EVERY_RESPONSE.items()
        if response.get(header) != expected
    ]
    if signed_in and "no-store" not in response.get("Cache-Control", ""):
        problems.append(f"Cache-Control {response.get('Cache-Control')!r} without no-store")
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type == "text/html":
        problems.extend(html_problems(response))
    elif response.status_code == 200:
        if content_type not in DOWNLOAD_TYPES:
            problems.append(f"served as {content_type or 'nothing'}")
        disposition = response.get("Content-Disposition", "")
        if content_type not in SHOWN_INLINE and not disposition.startswith("attachment"):
            problems.append(f"a {content_type} download not sent as an attachment")
    return problems


def html_problems(response) -> list[str]:
    policy = response.get("Content-Security-Policy", "")
    if not policy:
        return ["no Content-Security-Policy"]
    directives = policy_directives(policy)
    problems = [
        f"{word} in the policy" for word in ("unsafe-inline", "unsafe-eval") if word in policy
    ]
    expected = {
        "default-src": "'self'",
        "style-src": "'self'",
        "frame-ancestors": "'none'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
    problems += [
        f"{name} {directives.get(name)!r}, expected {value!r}"
        for name, value in expected.items()
        if directives.get(name) != value
    ]
    script_sources = directives.get("script-src", "").split()
    nonce = next((s[len("'nonce-") : -1] for s in script_sources if s.startswith("'nonce-")), "")
    if set(script_sources) - {"'self'", f"'nonce-{nonce}'"}:
        problems.append(f"script-src {directives.get('script-src')!r}")
    if response.streaming:
        return problems
    parser = InlineCode(nonce)
    parser.feed(response.content.decode())
    return problems + parser.found


def viewers(row) -> list[str]:
    """The public if the page is public, and the first signed-in role that may see it."""
    if row.method != "get":
        return []
    chosen = [ANONYMOUS] if row.outcome[ANONYMOUS] == 200 else []
    signed_in = next((who for who in ROLES if row.outcome[who] == 200), None)
    return chosen + ([signed_in] if signed_in else [])


def test_every_page_anyone_may_see_is_checked():
    # Only the rows nobody may GET with a 200 (POST-only actions, redirects) are left out.
    unchecked = [name for name, row in MATRIX.items() if not viewers(row)]
    assert all(
        MATRIX[name].method == "post" or 200 not in MATRIX[name].outcome.values()
        for name in unchecked
    )
    assert len(MATRIX) - len(unchecked) > 100


def test_every_page_sends_the_security_headers_and_needs_no_inline_code(objects, client_for):  # noqa: F811
    clients, failures, served_as = {}, {}, set()
    for name, row in sorted(MATRIX.items()):
        url = reverse(name, kwargs=row.kwargs(objects))
        for who in viewers(row):
            client = clients.setdefault(who, client_for(who))
            response = client.get(url)
            assert response.status_code == 200, f"{name} as {who}: {response.status_code}"
            served_as.add(response.get("Content-Type", "").split(";")[0])
            if problems := problems_with(response, signed_in=who != ANONYMOUS):
                failures[f"{name} as {who}"] = problems
    assert not failures, json.dumps(failures, indent=1)
    # The downloads were among the pages checked, not only HTML.
    assert {"text/html", "text/csv", "application/json", "application/atom+xml"} <= served_as
    assert {"text/calendar", "application/pdf"} <= served_as


def error_responses(client_for):
    yield "404", Client().get("/no-such-page/"), False
    yield "404 signed in", client_for(Role.PANEL).get("/no-such-page/"), True
    yield "403", client_for(Role.VISITOR).get(reverse("complaints:landing")), True
    yield "400", Client().post(reverse("login"), {}), False
    yield "405", client_for(Role.PANEL).get(reverse("logout")), True
    yield "403 CSRF", Client(enforce_csrf_checks=True).post(reverse("login"), {}), False


def test_error_pages_send_the_security_headers_and_need_no_inline_code(client_for):
    failures = {}
    for label, response, signed_in in error_responses(client_for):
        assert str(response.status_code) == label.split()[0], label
        if problems := problems_with(response, signed_in=signed_in):
            failures[label] = problems
    assert not failures, json.dumps(failures, indent=1)


def test_a_rate_limited_form_answers_with_the_security_headers(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 0
    response = Client().post(reverse("alerts_subscribe"), {"email": "a@example.org"})
    assert response.status_code == 429
    assert problems_with(response, signed_in=False) == []


def test_inline_code_is_found_by_the_check():
    """The markup check itself: each kind of inline code the policy would block is reported."""
    page = (
        '<script>alert(1)</script><script nonce="abc">ok()</script><style>p{}</style>'
        '<p style="color:red" onclick="x()"><a href="JavaScript:x()">x</a></p>'
    )
    parser = InlineCode("abc")
    parser.feed(page)
    assert parser.found == [
        "<script> without the nonce",
        "<style> without the nonce",
        'style="color:red" on <p>',
        'onclick="" on <p>',
        "a javascript: URL on <a>",
    ]


READ_PRODUCTION_HEADERS = """
import json, django
django.setup()
from django.test import Client
from django.conf import settings
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
# No collectstatic here: name the static files as they are, not by the manifest's hashes.
override_settings(
    STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
).enable()
plain = Client().get("/accessibility/", HTTP_HOST="portal.opcc.example")
secure = Client().get("/accessibility/", HTTP_HOST="portal.opcc.example", secure=True)
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "hsts": secure.get("Strict-Transport-Security"),
}))
"""


def test_production_sends_https_only_with_hsts():
    result = run(READ_PRODUCTION_HEADERS, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["plain_status"] == 301
    assert seen["plain_location"] == "https://portal.opcc.example/accessibility/"
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"


def test_the_policy_is_the_same_strict_one_in_production():
    result = run(
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CONTENT_SECURITY_POLICY))",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    policy = json.loads(result.stdout.strip().splitlines()[-1])
    assert "unsafe" not in json.dumps(policy)
    assert policy["DIRECTIVES"]["frame-ancestors"] == ["'none'"]
    assert not re.search(r"report-only", json.dumps(policy), re.I)


def test_public_pages_holding_personal_data_are_never_cached():
    from tests.complaints.question_pages import COMPLAINT_ANSWERS, answer, step_url

    client = Client()
    answer(client, "complain_step", COMPLAINT_ANSWERS)
    pages = [
        step_url("complain_step", "contact"),
        step_url("complain_step", "check-your-answers"),
        step_url("complaint_review_request_step", "reference"),
        reverse("alerts_subscribe"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    assert "ali@example.org" in client.get(pages[1]).content.decode()
