"""Receivers that write the security log: every login, failed login and logout, with user and
time. Never the password or any other credential."""

import logging

from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

security_log = logging.getLogger("opcc.security")


def normalised_username(request, credentials) -> str:
    """The sign-in address as django-axes should count it: trimmed, lower case."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return raw.strip().lower()


# Django saves the whole user at each login, which would add an empty change to its history;
# the time of last login is not history, so it is written directly.
user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")


@receiver(user_logged_in, dispatch_uid="opcc_update_last_login")
def record_last_login(sender, request, user, **kwargs):
    now = timezone.now()
    type(user).objects.filter(pk=user.pk).update(last_login=now)
    user.last_login = now


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    security_log.info("login: user=%s", user.pk)


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    security_log.info("logout: user=%s", getattr(user, "pk", None))


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    # The attempted username is not logged: it may be a mistyped password.
    security_log.warning(
        "failed login from %s", request.META.get("REMOTE_ADDR") if request else "?"
    )
