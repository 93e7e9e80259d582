import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opcc.roles import OFFICE_ROLES, Role
from tests.opcc.factories import PASSWORD, TOTPDeviceFactory, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("login"), {"username": email, "password": password})


def code_for(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.parametrize("role", sorted(OFFICE_ROLES))
def test_office_roles_must_enter_a_totp_code(role):
    user = UserFactory(role=role)
    device = TOTPDeviceFactory(user=user)
    client = Client()

    response = sign_in(client, user.email)
    assert response["Location"] == reverse("two_factor_verify")
    # Until the code is entered, every page leads back to the code page.
    assert client.get(reverse("dashboard"))["Location"] == reverse("two_factor_verify")

    wrong = client.post(reverse("two_factor_verify"), {"token": "000000"})
    assert "That security code is wrong or has expired" in wrong.content.decode()

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above slowed further tries down
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(reverse("two_factor_verify"), {"token": code_for(device)})
    assert right["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200


def test_code_with_spaces_pasted_in_is_accepted():
    user = UserFactory(role=Role.CFO)
    device = TOTPDeviceFactory(user=user)
    client = Client()
    sign_in(client, user.email)

    code = code_for(device)
    response = client.post(reverse("two_factor_verify"), {"token": f" {code[:3]} {code[3:]} "})

    assert response["Location"] == reverse("dashboard")


@pytest.mark.parametrize("token", ["", "12345", "abcdef", "1234567"])
def test_malformed_code_is_answered_with_a_clear_error(token):
    user = UserFactory(role=Role.STAFF)
    TOTPDeviceFactory(user=user)
    client = Client()
    sign_in(client, user.email)

    response = client.post(reverse("two_factor_verify"), {"token": token})

    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in page
    assert "govuk-error-summary" in page
    assert re.search(r"Enter (the 6-digit security code|the security code as 6 digits)", page)


def test_office_user_without_an_app_enrols_one_with_a_qr_code():
    user = UserFactory(role=Role.STAFF)
    client = Client()

    response = sign_in(client, user.email)
    assert response["Location"] == reverse("two_factor_setup")
    page = client.get(reverse("two_factor_setup")).content.decode()
    assert "<svg" in page and "QR code" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'id="totp-secret">([A-Z2-7=]+)<', page).group(1)
    assert secret  # the key is offered as text for those who cannot scan

    response = client.post(reverse("two_factor_setup"), {"token": code_for(device)})

    assert response["Location"] == reverse("dashboard")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_second_app_cannot_be_enrolled_without_the_first():
    user = UserFactory(role=Role.PCC)
    TOTPDeviceFactory(user=user)
    client = Client()
    sign_in(client, user.email)

    assert client.get(reverse("two_factor_setup"))["Location"] == reverse("two_factor_verify")


@pytest.mark.parametrize("role", [Role.PANEL, Role.VISITOR])
def test_panel_members_and_visitors_sign_in_with_a_password(role):
    user = UserFactory(role=role)
    client = Client()

    response = sign_in(client, user.email)

    assert response["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200


def test_empty_sign_in_form_lists_each_missing_field():
    response = Client().post(reverse("login"), {"username": "", "password": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Sign in" in page
    assert 'href="#id_username">Enter your email address' in page
    assert 'href="#id_password">Enter your password' in page


def test_email_is_matched_without_regard_to_case():
    user = UserFactory(role=Role.PANEL, email="cllr.reid@council.example")
    response = sign_in(Client(), "Cllr.Reid@Council.Example")
    assert response["Location"] == reverse("dashboard")
    assert user.pk


def test_wrong_password_gives_a_clear_error_and_no_session():
    user = UserFactory(role=Role.PANEL)
    client = Client()

    response = sign_in(client, user.email, "not the password")

    assert response.status_code == 400
    assert "The email address or password is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_out(settings):
    user = UserFactory(role=Role.PANEL)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, user.email, "wrong password")

    response = sign_in(client, user.email)  # even the right password

    assert response.status_code == 429
    assert "too many failed attempts" in response.content.decode()
    assert "locked for 30 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_changing_the_case_of_the_address_does_not_reset_the_lockout(settings):
    user = UserFactory(role=Role.PANEL, email="panel.member@council.example")
    variants = [
        "panel.member@council.example",
        "Panel.Member@council.example",
        " PANEL.MEMBER@COUNCIL.EXAMPLE",
    ]
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), variants[attempt % 3], "wrong password")

    response = sign_in(Client(), "Panel.member@Council.example")

    assert response.status_code == 429
    assert user.pk


def test_technical_administrators_must_use_a_second_factor():
    admin = UserFactory(role="", is_staff=True, is_superuser=True)
    assert sign_in(Client(), admin.email)["Location"] == reverse("two_factor_setup")


def test_session_is_renewed_at_sign_in():
    user = UserFactory(role=Role.PANEL)
    client = Client()
    client.get(reverse("login"))
    client.session.save()
    before = client.session.session_key

    sign_in(client, user.email)

    assert client.session.session_key != before


def test_sign_out_ends_the_session_and_needs_a_post():
    user = UserFactory(role=Role.PANEL)
    client = Client()
    sign_in(client, user.email)

    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))

    assert client.get(reverse("dashboard"))["Location"].startswith(reverse("login"))


def test_demo_accounts_skip_the_second_factor_only_in_debug(settings):
    user = UserFactory(role=Role.CHIEF_EXECUTIVE, is_demo_account=True)

    settings.DEBUG = False
    assert sign_in(Client(), user.email)["Location"] == reverse("two_factor_setup")

    settings.DEBUG = True
    assert sign_in(Client(), user.email)["Location"] == reverse("dashboard")


def test_password_reset_link_works_once():
    user = UserFactory(role=Role.PANEL, email="reset.me@opcc.example")
    client = Client()

    client.post(reverse("password_reset"), {"email": "reset.me@opcc.example"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/account/password/reset/\S+/)", mail.outbox[0].body).group(1)

    form = client.get(link, follow=True)
    set_password_url = form.redirect_chain[-1][0]
    new_password = "a long new passphrase 42"
    done = client.post(
        set_password_url, {"new_password1": new_password, "new_password2": new_password}
    )
    assert done["Location"] == reverse("password_reset_complete")

    again = client.get(link, follow=True)
    assert "This link has expired or has been used" in again.content.decode()
    assert sign_in(Client(), user.email, new_password)["Location"] == reverse("dashboard")


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing():
    response = Client().post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


@pytest.mark.parametrize(
    "password, error",
    [
        ("short", "This password is too short. It must contain at least 12 characters."),
        ("password1234", "This password is too common."),
    ],
)
def test_weak_new_passwords_are_refused(client_for, password, error):
    client = client_for(Role.PANEL)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 400
    assert error in response.content.decode()


def test_changing_the_password_ends_other_sessions(people):
    user = people[Role.PANEL]
    here, elsewhere = Client(), Client()
    sign_in(here, user.email)
    sign_in(elsewhere, user.email)
    new_password = "another long passphrase"

    here.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )

    assert here.get(reverse("dashboard")).status_code == 200
    assert elsewhere.get(reverse("dashboard"))["Location"].startswith(reverse("login"))


def test_password_reset_link_expires_after_the_reset_timeout(settings):
    import time_machine

    user = UserFactory(role=Role.PANEL, email="slow.reader@opcc.example")
    with time_machine.travel("2026-11-23 09:00 +0000", tick=False) as clock:
        Client().post(reverse("password_reset"), {"email": user.email})
        link = re.search(r"https?://[^/]+(/account/password/reset/\S+/)", mail.outbox[0].body)
        clock.shift(settings.PASSWORD_RESET_TIMEOUT + 1)

        page = Client().get(link.group(1), follow=True)

    assert "This link has expired or has been used" in page.content.decode()
    assert 'name="new_password1"' not in page.content.decode()


def test_a_reset_link_is_refused_once_the_password_changed_another_way(people):
    user = people[Role.PANEL]
    Client().post(reverse("password_reset"), {"email": user.email})
    link = re.search(r"https?://[^/]+(/account/password/reset/\S+/)", mail.outbox[0].body)
    user.set_password("changed meanwhile by its owner")
    user.save()

    page = Client().get(link.group(1), follow=True)

    assert "This link has expired or has been used" in page.content.decode()


@pytest.mark.parametrize("role", sorted(OFFICE_ROLES))
def test_office_roles_reach_nothing_with_a_password_alone(role):
    user = UserFactory(role=role)
    TOTPDeviceFactory(user=user)
    client = Client()
    sign_in(client, user.email)

    for name in ("dashboard", "people", "outbox", "complaints:landing", "governance:landing"):
        assert client.get(reverse(name))["Location"] == reverse("two_factor_verify"), name
    assert client.get("/admin/")["Location"] == reverse("two_factor_verify")


def test_wrong_codes_slow_down_further_tries_even_with_the_right_code():
    import time_machine

    user = UserFactory(role=Role.CHIEF_EXECUTIVE)
    device = TOTPDeviceFactory(user=user)
    client = Client()
    with time_machine.travel("2026-11-23 09:00 +0000", tick=False) as clock:
        sign_in(client, user.email)
        for _ in range(5):
            client.post(reverse("two_factor_verify"), {"token": "000000"})

        # Guessing is throttled: 5 failures make the device refuse every code for 16 seconds.
        refused = client.post(reverse("two_factor_verify"), {"token": code_for(device)})
        assert refused.status_code == 400
        assert "That security code is wrong or has expired" in refused.content.decode()
        assert client.get(reverse("dashboard"))["Location"] == reverse("two_factor_verify")

        clock.shift(17)
        accepted = client.post(reverse("two_factor_verify"), {"token": code_for(device)})
    assert accepted["Location"] == reverse("dashboard")


def test_a_locked_out_account_gets_no_further_than_the_password_step(settings):
    user = UserFactory(role=Role.STAFF)
    TOTPDeviceFactory(user=user)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), user.email, "wrong password")

    client = Client()
    response = sign_in(client, user.email)

    assert response.status_code == 429
    assert client.get(reverse("two_factor_verify"))["Location"].startswith(reverse("login"))


def test_the_session_cookie_is_httponly_and_samesite_lax(settings):
    user = UserFactory(role=Role.PANEL)
    response = sign_in(Client(), user.email)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
