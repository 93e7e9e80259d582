"""The portal's one settings module, driven by the environment (see .env.example).

With nothing set it runs embedded: SQLite, Celery eager, local-memory cache,
console e-mail and DEBUG on. `DATABASE_URL` switches to PostgreSQL and
`REDIS_URL` switches Celery and the cache to Redis.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from opcc.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
NODE_MODULES = BASE_DIR / "node_modules"

DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production settings (DJANGO_DEBUG=0) need a long random "
            "SECRET_KEY in the environment; see .env.example."
        )
    SECRET_KEY = "development-only-key-never-used-in-production-0123456789abcdef"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

PORTAL_NAME = env_str("PORTAL_NAME", "OPCC governance portal")
PORTAL_URL = env_str("PORTAL_URL", "http://127.0.0.1:8000")  # for links in e-mails
PORTAL_OFFICE = env_str("PORTAL_OFFICE", "Office of the Police and Crime Commissioner")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "opcc",  # after django.contrib.auth, whose login signal opcc.signals replaces
    "simple_history",
    "guardian",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "crispy_forms",
    "crispy_forms_gds",
    "django_filters",
    "governance",
    "complaints",
    "scrutiny",
    "custody_visits",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "opcc.middleware.SessionLifetimeMiddleware",
    "opcc.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "opcc.middleware.NoStoreForSignedInMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opcc.urls"
WSGI_APPLICATION = "opcc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "opcc.context_processors.portal",
            ],
        },
    },
    {
        # Plain-text e-mails (subjects, text bodies): not HTML, so nothing to escape; escaping
        # would turn "witness's" into "witness&#x27;s" in the reader's inbox.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# --- Data -------------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction begins: two people saving at once then queue (up
    # to the timeout) instead of one failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis down reads as an empty cache, not a 500 (opcc/cache.py); and a Redis that
            # does not answer holds a request for a second, not the system's TCP timeout.
            "BACKEND": "opcc.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    # Sessions read from the shared cache, written through to the database (which keeps them
    # when Redis restarts). Not with a per-process cache: another worker's copy would be stale.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Uploaded and generated files live outside the web root and are served only through views
# that ask opcc.access first; there is deliberately no MEDIA_URL route.
MEDIA_ROOT = Path(env_str("PRIVATE_FILES_ROOT", str(BASE_DIR / "var" / "private")))

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    BASE_DIR / "static_build",  # compiled by `npm run build` (never committed)
    ("govuk", NODE_MODULES / "govuk-frontend" / "dist" / "govuk"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- People, login, sessions --------------------------------------------------------------------
AUTH_USER_MODEL = "opcc.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 60 * 60  # one hour; the token is single-use by construction

SESSION_COOKIE_AGE = 30 * 60  # 30 minutes idle, measured from the last request ...
SESSION_REFRESH_EVERY = 60  # ... which moves the expiry on at most once a minute (opcc.middleware)
SESSION_ABSOLUTE_AGE = 12 * 60 * 60  # and 12 hours at most, however active (opcc.middleware)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "opcc.views.errors.csrf_failure"

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
# Lock the account from the address the attempts come from; an office behind one NAT address
# is not locked out as a whole by one person mistyping.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# Login ignores the case of the address, so the lockout must too.
AXES_USERNAME_CALLABLE = "opcc.signals.normalised_username"
# The same client address as the public forms' limits (opcc.rate_limit), proxies allowed for.
AXES_CLIENT_IP_CALLABLE = "opcc.rate_limit.client_address"
# Sign-in attempts per address per hour, whatever the accounts tried (one address trying many
# accounts is never locked out by django-axes, which counts per account and address).
SIGN_IN_RATE_LIMIT = env_int("SIGN_IN_RATE_LIMIT", 100)

OTP_TOTP_ISSUER = PORTAL_NAME
ANONYMOUS_USER_NAME = (
    None  # django-guardian: no anonymous user row; the public sees published items
)

SIMPLE_HISTORY_REVERT_DISABLED = True

# --- Security headers ------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the portal append to X-Forwarded-For (opcc.rate_limit).
TRUSTED_PROXY_COUNT = env_int(
    "DJANGO_TRUSTED_PROXY_COUNT", 1 if env_bool("DJANGO_BEHIND_TLS_PROXY", False) else 0
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Governance ------------------------------------------------------------------------------
# Publish signed decisions of significant public interest at once, or wait for the button.
DECISIONS_PUBLISH_ON_SIGNING = env_bool("DECISIONS_PUBLISH_ON_SIGNING", False)
# Copies of Monitoring Officer and s.114 reports also go to the panel's secretariat.
PANEL_SECRETARIAT_EMAIL = env_str("PANEL_SECRETARIAT_EMAIL", "panel.secretariat@council.example")
# LGFA 1988 s.114(4)(a), s.115(1F)(b): "the person who ... has the duty to audit the authority's
# accounts" gets every s.114 report and the Commissioner's report of action on it.
EXTERNAL_AUDITOR_EMAIL = env_str("EXTERNAL_AUDITOR_EMAIL", "external.auditor@audit.example")
if not EXTERNAL_AUDITOR_EMAIL.strip():
    raise ImproperlyConfigured(
        "EXTERNAL_AUDITOR_EMAIL is empty: s.114 reports must be copied to the external auditor "
        "(Local Government Finance Act 1988 s.114(4)(a))"
    )
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
# The office's own targets (not statutory), in working days: advice after it is asked for, and
# the decision maker's signature after both advices are in. Late ones are marked on dashboards.
DECISION_ADVICE_TARGET_WORKING_DAYS = env_int("DECISION_ADVICE_TARGET_WORKING_DAYS", 5)
DECISION_SIGNATURE_TARGET_WORKING_DAYS = env_int("DECISION_SIGNATURE_TARGET_WORKING_DAYS", 5)

# --- Complaints ------------------------------------------------------------------------------
# Public forms (complaints, review requests): submissions per address per hour.
PUBLIC_FORM_RATE_LIMIT = env_int("PUBLIC_FORM_RATE_LIMIT", 5)
# The office's targets for complaint reviews, in working days from the request's arrival.
REVIEW_ACKNOWLEDGE_WORKING_DAYS = env_int("REVIEW_ACKNOWLEDGE_WORKING_DAYS", 5)
REVIEW_DECIDE_WORKING_DAYS = env_int("REVIEW_DECIDE_WORKING_DAYS", 28)
# Where the force's professional standards department receives review outcomes.
FORCE_PROFESSIONAL_STANDARDS_EMAIL = env_str(
    "FORCE_PROFESSIONAL_STANDARDS_EMAIL", "professional.standards@police.example"
)
# Concerns about the Chief Executive go to the Chair of the Joint Audit and Standards Committee.
AUDIT_COMMITTEE_CHAIR_EMAIL = env_str("AUDIT_COMMITTEE_CHAIR_EMAIL", "jasc.chair@opcc.example")
# Years after a case is closed before its personal data is anonymised (retention schedule).
COMPLAINT_RETENTION_YEARS = env_int("COMPLAINT_RETENTION_YEARS", 6)
REVIEW_RETENTION_YEARS = env_int("REVIEW_RETENTION_YEARS", 6)
CONCERN_RETENTION_YEARS = env_int("CONCERN_RETENTION_YEARS", 6)

# --- Scrutiny ------------------------------------------------------------------------------
# Where the Chief Constable is asked for comments on an HMICFRS report (Police Act 1996 s.55).
CHIEF_CONSTABLE_EMAIL = env_str("CHIEF_CONSTABLE_EMAIL", "chief.constable@police.example")

# --- Custody visiting --------------------------------------------------------------------------
# Days ahead a visitor's police vetting expiry is flagged to the scheme manager.
CUSTODY_VETTING_WARNING_DAYS = env_int("CUSTODY_VETTING_WARNING_DAYS", 60)
# The scheme's local target (not statutory) for the force's response to a finding, in working
# days after it was raised with the custody inspector.
CUSTODY_FINDING_RESPONSE_WORKING_DAYS = env_int("CUSTODY_FINDING_RESPONSE_WORKING_DAYS", 20)

# --- Forms ---------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)  # seconds: a hung mail server must not hang a worker
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "OPCC portal <no-reply@opcc.example>")

# Notification outbox: how often a message is tried before it is marked failed.
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 6)
OUTBOX_BATCH_SIZE = env_int("OUTBOX_BATCH_SIZE", 200)

# --- Celery ------------------------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A broker outage must not hold a user's request: fail fast, the outbox sweeper catches up.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # A task taken by a worker that then died (acks late: never acknowledged) is given to
    # another worker after this many seconds; longer than any task runs. Tests shorten it.
    "visibility_timeout": env_int("CELERY_BROKER_VISIBILITY_TIMEOUT", 3600),
}
CELERY_TIMEZONE = "Europe/London"
CELERY_BEAT_SCHEDULE = {
    "sweep-outbox": {"task": "opcc.tasks.sweep_outbox", "schedule": 60.0},
    "sweep-stuck-documents": {
        "task": "opcc.tasks.sweep_documents",
        "schedule": crontab(minute="*/5"),
    },
    "remind-overdue-reports": {
        "task": "governance.tasks.remind_overdue_reports",
        "schedule": crontab(hour=7, minute=30),
    },
    "anonymise-due-cases": {
        "task": "complaints.tasks.anonymise_due_cases",
        "schedule": crontab(hour=2, minute=15),
    },
    "flag-visitor-vetting-expiries": {
        "task": "custody_visits.tasks.flag_vetting_expiries",
        "schedule": crontab(hour=7, minute=0),
    },
    "remind-overdue-custody-findings": {
        "task": "custody_visits.tasks.remind_overdue_findings",
        "schedule": crontab(hour=7, minute=10),
    },
    "remind-overdue-meeting-actions": {
        "task": "scrutiny.tasks.remind_overdue_actions",
        "schedule": crontab(hour=7, minute=45),
    },
    "remind-hmicfrs-responses": {
        "task": "scrutiny.tasks.remind_hmicfrs_responses",
        "schedule": crontab(hour=7, minute=50),
    },
    "send-alerts": {"task": "opcc.tasks.send_alerts", "schedule": 15 * 60.0},
    "remind-overdue-transparency": {
        "task": "opcc.tasks.remind_overdue_transparency",
        "schedule": crontab(hour=7, minute=45),
    },
}

# --- Locale --------------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "opcc.security": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
