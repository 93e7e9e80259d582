"""The production settings, as the harness serves them (`make bench` sets the environment:
DJANGO_DEBUG=0, a SECRET_KEY, DATABASE_URL, no SSL redirect since wrk speaks plain HTTP).

Two differences, both applied to the portal and the baseline alike so they cost the same on
each side: a middleware that counts each request's SQL queries (``X-Query-Count``), and static
files collected into var/bench/static (the hashed manifest production needs, uncompressed). With
BENCH_BASELINE_PAGE set, the same settings serve bench.baseline: one view returning that file.
"""

import os

from opcc.settings import *  # noqa: F403
from opcc.settings import BASE_DIR, MIDDLEWARE

STATIC_ROOT = BASE_DIR / "var" / "bench" / "static"
# The same hashed names as production's WhiteNoise storage, without compressing every file on
# each run (wrk asks for pages, never for static files).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]

if os.environ.get("BENCH_BASELINE_PAGE"):
    ROOT_URLCONF = "bench.baseline"
