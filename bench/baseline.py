"""The baseline: the same gunicorn, settings and middleware serving one view that returns a
static page the size of the decisions register (bytes captured from the real page). The portal
cannot beat it; the harness reports each page as a ratio of it."""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import re_path

PAGE = Path(os.environ["BENCH_BASELINE_PAGE"]).read_bytes()


def static_page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", static_page)]
