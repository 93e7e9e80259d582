import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

SESSION_STARTED_KEY = "opcc_session_started"
SESSION_SEEN_KEY = "opcc_session_seen"

# Pages a signed-in person who still owes a second factor may reach.
SECOND_FACTOR_EXEMPT_URL_NAMES = (
    "two_factor_verify",
    "two_factor_setup",
    "logout",
    "accessibility",
    "privacy",
)


class SessionLifetimeMiddleware:
    """Ends a session 12 hours after sign-in, however active; and keeps an active one alive.

    Idle expiry is SESSION_COOKIE_AGE from the session's last save. Saving at every request
    would write the session at every page; instead a request moves the expiry on when the last
    save is more than SESSION_REFRESH_EVERY seconds old, so a session ends between
    SESSION_COOKIE_AGE minus that and SESSION_COOKIE_AGE after the last request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.setdefault(SESSION_STARTED_KEY, time.time())
            now = time.time()
            if now - started > settings.SESSION_ABSOLUTE_AGE:
                logout(request)
                return redirect(f"{reverse('login')}?expired=1")
            if now - request.session.get(SESSION_SEEN_KEY, 0) > settings.SESSION_REFRESH_EVERY:
                request.session[SESSION_SEEN_KEY] = now  # saved, with a new expiry
        return self.get_response(request)


class SecondFactorMiddleware:
    """Office roles must verify a TOTP code before anything else (django-otp marks the session)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._exempt_paths = None

    def exempt_paths(self):
        if self._exempt_paths is None:
            self._exempt_paths = {reverse(name) for name in SECOND_FACTOR_EXEMPT_URL_NAMES}
        return self._exempt_paths

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user_owes_second_factor(user)
            and request.path not in self.exempt_paths()
            and not request.path.startswith(settings.STATIC_URL)
        ):
            return redirect(second_factor_url(user))
        return self.get_response(request)


def user_owes_second_factor(user) -> bool:
    # Straight after login() the user is not yet wrapped by django-otp's middleware.
    is_verified = getattr(user, "is_verified", None)
    if not user.must_use_second_factor or (is_verified and is_verified()):
        return False
    # Demo accounts may skip it, and only on a development machine (DEBUG on).
    return not (settings.DEBUG and user.is_demo_account)


def second_factor_url(user) -> str:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return reverse("two_factor_verify" if has_device else "two_factor_setup")


class NoStoreForSignedInMiddleware:
    """Pages shown to a signed-in person may hold personal or unpublished data: never cache them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
