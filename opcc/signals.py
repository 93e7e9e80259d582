"""Receivers that write the security log: every login, failed login and logout, with user and
time. Never the password or any other credential."""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

security_log = logging.getLogger("opcc.security")


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
