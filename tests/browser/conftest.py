"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser), with axe-core
from npm run on every page visited."""

import json
import os
from pathlib import Path

import pytest
from django.test import Client

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server sees only committed data; serialized rollback restores the roles
            # and permissions the migrations made, which a transactional test's flush removes.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: apt-get install -y chromium")
    if not AXE.exists():
        pytest.fail("axe-core is missing: npm ci")
    # Playwright's sync API runs an event loop in this thread, where the tests also use the ORM.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageProblems(list):
    """Failed requests and console errors (a CSP violation is one) seen while a test ran."""


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    page = context.new_page()
    problems = PageProblems()
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            # A page's own 4xx is the test's business; its sub-resources are checked below.
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and response.request.resource_type != "document"
            else None
        ),
    )
    page.problems = problems
    yield page
    context.close()
    assert not problems, f"the browser met problems: {problems}"


def check_accessibility(page) -> None:
    """Run axe-core in the page; fail on any WCAG 2.2 A or AA violation."""
    # Evaluated through the DevTools protocol, so the page's CSP (rightly) does not block it.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    violations = [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]
    assert not violations, f"{page.url}: {json.dumps(violations, indent=2)}"


def visit(page, path: str):
    page.goto(path)
    check_accessibility(page)


def sign_in_as(page, live_server, user):
    """Sign the browser in as ``user`` without the form (tests of the form sign in for real)."""
    from tests.conftest import sign_in

    client = sign_in(Client(), user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
