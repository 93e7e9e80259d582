import re

import pytest
from django.test import Client
from django.urls import reverse

from opcc.registry import TransparencySource, transparency_sources
from opcc.roles import Role
from opcc.transparency import CATEGORIES, RefreshPeriod, is_overdue

pytestmark = pytest.mark.django_db

NAVIGATION = {
    "anonymous": ["Home", "Transparency", "Search", "Open data", "Sign in"],
    Role.PCC: [
        "My work",
        "Governance",
        "Complaints",
        "Scrutiny",
        "Custody visiting",
        "Transparency",
        "Search",
    ],
    Role.DEPUTY: [
        "My work",
        "Governance",
        "Complaints",
        "Scrutiny",
        "Custody visiting",
        "Transparency",
        "Search",
    ],
    Role.CHIEF_EXECUTIVE: [
        "My work",
        "Governance",
        "Complaints",
        "Scrutiny",
        "Custody visiting",
        "Transparency",
        "Search",
        "Notifications",
        "People",
    ],
    Role.CFO: [
        "My work",
        "Governance",
        "Complaints",
        "Scrutiny",
        "Custody visiting",
        "Transparency",
        "Search",
    ],
    Role.STAFF: [
        "My work",
        "Governance",
        "Complaints",
        "Scrutiny",
        "Custody visiting",
        "Transparency",
        "Search",
        "Notifications",
    ],
    Role.PANEL: ["My work", "Governance", "Scrutiny", "Sent to you", "Transparency", "Search"],
    Role.VISITOR: ["My work", "Custody visiting", "Transparency", "Search"],
}


def navigation_labels(page: str) -> list[str]:
    import re

    nav = page.split('<ul class="govuk-service-navigation__list"', 1)[1].split("</ul>", 1)[0]
    labels = re.findall(r">\s*(?:<strong[^>]*>)?([^<>]+?)(?:</strong>)?\s*</(?:a|button)>", nav)
    return [label for label in labels if label != "Sign out"]


@pytest.mark.parametrize("who", list(NAVIGATION))
def test_each_role_sees_its_own_navigation(who, client_for):
    page = client_for(who).get(reverse("transparency")).content.decode()
    assert navigation_labels(page) == NAVIGATION[who]


def test_every_category_of_the_hub_links_to_a_live_page():
    client = Client()
    page = client.get(reverse("transparency")).content.decode()

    for category in CATEGORIES:
        assert category.title in page
    links = re.findall(
        r'<td class="govuk-table__cell">\s*<a class="govuk-link" href="([^"]+)"', page
    )
    assert len(links) == len(CATEGORIES)
    for link in links:
        assert client.get(link).status_code == 200, link
    assert "Nothing published yet" in page


def test_a_registered_source_links_the_category_and_shows_its_date(settings):
    from datetime import date

    transparency_sources.register(
        "spending", TransparencySource("spending", "privacy", lambda: [date(2020, 1, 31)])
    )
    try:
        page = Client().get(reverse("transparency")).content.decode()
    finally:
        transparency_sources.unregister("spending")
    assert f'<a class="govuk-link" href="{reverse("privacy")}">Spending over £500</a>' in page
    assert "31 January 2020" in page
    assert "Overdue" in page


@pytest.mark.parametrize(
    "refresh, last_updated, today, overdue",
    [
        (RefreshPeriod.MONTHLY, "2026-10-23", "2026-11-23", False),  # exactly one month: due today
        (RefreshPeriod.MONTHLY, "2026-10-22", "2026-11-23", True),
        (RefreshPeriod.QUARTERLY, "2026-08-23", "2026-11-23", False),
        (RefreshPeriod.QUARTERLY, "2026-08-22", "2026-11-23", True),
        (RefreshPeriod.YEARLY, "2025-11-23", "2026-11-23", False),
        (RefreshPeriod.YEARLY, "2025-11-22", "2026-11-23", True),
        (RefreshPeriod.ON_CHANGE, "2000-01-01", "2026-11-23", False),
    ],
)
def test_a_category_is_overdue_once_a_whole_period_has_passed(
    refresh, last_updated, today, overdue
):
    from datetime import date

    assert (
        is_overdue(refresh, date.fromisoformat(last_updated), date.fromisoformat(today)) is overdue
    )


def test_dashboard_shows_the_registered_panels_for_the_role(client_for):
    chief_executive = client_for(Role.CHIEF_EXECUTIVE).get(reverse("dashboard")).content.decode()
    panel_member = client_for(Role.PANEL).get(reverse("dashboard")).content.decode()
    assert "Notifications" in chief_executive and "waiting to send" in chief_executive
    assert "waiting to send" not in panel_member


@pytest.mark.parametrize(
    "url_name", ["home", "transparency", "accessibility", "privacy", "login", "password_reset"]
)
def test_security_headers_on_every_page_kind(url_name):
    response = Client().get(reverse(url_name))
    policy = response["Content-Security-Policy"]
    directives = dict(
        ([*part.split(" ", 1), ""])[:2] for part in (d.strip() for d in policy.split(";"))
    )
    assert directives["default-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no inline script at all
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_have_no_inline_script():
    import re

    page = Client().get(reverse("home")).content.decode()
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts and all(" src=" in tag for tag in scripts)


def test_signed_in_pages_are_never_cached(client_for):
    response = client_for(Role.STAFF).get(reverse("dashboard"))
    assert "no-store" in response["Cache-Control"]


def test_not_found_page_is_in_the_govuk_style():
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_forbidden_page_is_in_the_govuk_style(client_for):
    response = client_for(Role.VISITOR).get(reverse("complaints:landing"))
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()


def test_server_error_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    assert "Sorry, there is a problem with the service" in render_to_string("500.html")


def test_a_form_sent_without_its_csrf_token_is_refused_with_an_explanation():
    response = Client(enforce_csrf_checks=True).post(
        reverse("login"), {"username": "a@b.example", "password": "x"}
    )
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
