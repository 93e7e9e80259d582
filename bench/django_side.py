"""The harness's steps that need Django and the seeded database, run as a separate process
(``python -m bench.django_side targets|pdfs``, DJANGO_SETTINGS_MODULE=bench.settings) so the
runner itself stays small. Each command prints one JSON document on stdout.

- ``targets``: the URL of every case on the data as it is now, and a signed-in office session
  (a TOTP-verified session made the way tests/conftest.py ``sign_in`` makes one).
- ``pdfs``: the time to render each kind of PDF the portal generates, and a plain WeasyPrint
  document of the same page count (the limit).
"""

import io
import json
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date

import django

# The office holder who sees the most on "My work" and every complaint.
STAFF_EMAIL = "chief.executive@opcc.example"
SEARCH_TERMS = "community safety"  # in the demo decisions and in a tenth of the benchmark ones
PDF_REPEATS = 7  # renders of a few pages take a fraction of a second: a median of 7 steadies them
LONG_RENDER_SECONDS = 10
ICV_VISITS_WANTED = 5000


def targets() -> dict:
    from django.db.models import Count
    from django.urls import reverse

    from governance.models import Decision, DecisionMaker
    from opcc.pagination import PAGE_SIZE

    published = Decision.objects.published()
    count = published.count()
    busiest = published.values("year").annotate(n=Count("id")).order_by("-n", "-year").first() or {}
    year = busiest.get("year", date.today().year)
    middle = published.order_by("-published_at", "-id")[count // 2 : count // 2 + 1].first()
    maker = DecisionMaker.values[0]
    pages = max(1, -(-count // PAGE_SIZE))
    cases = [
        case("register_first", "Decisions register, page 1", reverse("decision_register")),
        case(
            "register_filtered",
            f"Decisions register, {year}, {maker}",
            f"{reverse('decision_register')}?year={year}&maker={maker}",
        ),
        case(
            "register_page_500",
            f"Decisions register, page 500 (page {min(500, pages)} of {pages})",
            f"{reverse('decision_register')}?page=500",
        ),
        case(
            "decision_detail",
            "A decision's public page",
            middle.get_public_url() if middle else reverse("decision_register"),
        ),
        case("transparency_hub", "Transparency hub", reverse("transparency")),
        case("search", f"Search '{SEARCH_TERMS}'", f"{reverse('search')}?q=community+safety"),
        case(
            "csv_year",
            f"CSV export of {year} ({published.filter(year=year).count()} decisions)",
            f"{reverse('decision_register_csv')}?year={year}",
            page=False,
        ),
        case("staff_dashboard", "My work (Chief Executive)", reverse("dashboard"), staff=True),
        case(
            "complaint_list",
            "Complaints list (Chief Executive)",
            reverse("complaints:complaint_cases"),
            staff=True,
        ),
    ]
    return {
        "published_decisions": count,
        "register_pages": pages,
        "csv_year": year,
        "csv_rows": published.filter(year=year).count(),
        "cases": cases,
        "session_cookie": office_session_cookie(),
    }


def case(key, label, path, *, staff=False, page=True) -> dict:
    return {"key": key, "label": label, "path": path, "staff": staff, "page": page}


def office_session_cookie() -> str:
    """A ``Cookie`` header value for the Chief Executive, second factor verified: the session
    Client.force_login and tests/conftest.py ``sign_in`` make, written directly (no login
    signal, so no sign-in is logged for a request that never happened), and the CSRF cookie a
    browser holds from its first page with a form."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from opcc.models import User

    user = User.objects.get(email=STAFF_EMAIL)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    csrf_secret = get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS)
    return (
        f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
        f"{settings.CSRF_COOKIE_NAME}={csrf_secret}"
    )


# --- PDFs ---------------------------------------------------------------------------------------


def timed(render, repeats=PDF_REPEATS) -> tuple[float, bytes]:
    """The median time of ``render()`` over ``repeats`` runs (one run if the first takes longer
    than LONG_RENDER_SECONDS: the harness must finish), and what it returned."""
    times, result = [], b""
    for _ in range(repeats):
        started = time.perf_counter()
        result = render()
        times.append(time.perf_counter() - started)
        if times[0] > LONG_RENDER_SECONDS:
            break
    return statistics.median(times), result


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


PLAIN_PARAGRAPH = (
    "The Commissioner considered the report and the advice of the Chief Executive and the "
    "Chief Finance Officer, the options set out in it and the views of those consulted, and "
    "decided as recommended for the reasons given, having regard to the Police and Crime Plan. "
) * 3


def plain_document(pages: int) -> str:
    """HTML of ``pages`` A4 pages of plain paragraphs: no tables, charts or print CSS."""
    page = "<section>{}</section>"
    body = "".join(
        page.format(f"<h1>Page {n}</h1>" + f"<p>{PLAIN_PARAGRAPH}</p>" * 6)
        for n in range(1, pages + 1)
    )
    return (
        "<html><head><style>section { break-after: page }</style></head>"
        f"<body>{body}</body></html>"
    )


def render_plain(pages: int) -> tuple[float, int]:
    from weasyprint import HTML

    html = plain_document(pages)
    seconds, pdf = timed(lambda: HTML(string=html).write_pdf())
    return seconds, page_count(pdf)


def render_kind(kind_key: str, of, title: str) -> tuple[float, int]:
    """Render a registered document kind about ``of`` exactly as the document task does
    (its context built from the database, then opcc.documents.render_pdf), without saving."""
    from django.core.cache import cache

    from opcc.documents import render_pdf
    from opcc.models import GeneratedDocument
    from opcc.registry import document_kinds

    kind = document_kinds.get(kind_key)
    document = GeneratedDocument(kind=kind_key, title=title)
    document.of = of

    def render():
        cache.clear()  # each time from the database, as the document task would
        return render_pdf(
            kind.template_name, kind.build_context(document), marking=document.marking
        )

    seconds, pdf = timed(render)
    return seconds, page_count(pdf)


def icv_report_over_visits(wanted: int):
    """The latest annual custody visiting report, its period widened back a year at a time
    until it covers ``wanted`` visits (a year at --scale 100000 holds about 2,000)."""
    from custody_visits.models import CustodyVisit, VisitingReport
    from custody_visits.report_periods import ReportingPeriod

    report = VisitingReport.objects.filter(kind="annual").order_by("-period_start").first()
    if report is None:
        return None, 0, 0
    period = report.period
    earliest = CustodyVisit.objects.order_by("visited_on").values_list("visited_on", flat=True)
    earliest = earliest.first() or period.start
    widened_from = period.financial_year
    visits = CustodyVisit.objects.filter(visited_on__range=(period.start, period.end)).count()
    while visits < wanted and date(widened_from, 4, 1) > earliest:
        widened_from -= 1
        visits = CustodyVisit.objects.filter(
            visited_on__range=(date(widened_from, 4, 1), period.end)
        ).count()

    @dataclass(frozen=True)
    class WidenedPeriod(ReportingPeriod):
        @property
        def start(self) -> date:
            return date(widened_from, 4, 1)

        @property
        def end(self) -> date:
            return period.end

    class WidenedReport:
        """The saved report, but over the widened period."""

        def __init__(self):
            self.period = WidenedPeriod(period.kind, period.financial_year)

        def __getattr__(self, name):
            return getattr(report, name)

    return WidenedReport(), visits, period.financial_year - widened_from + 1


def pdfs() -> dict:
    """Each document kind's time, with production's storage (the print stylesheet's hashed
    name read from STATIC_ROOT, as opcc.documents does in production)."""
    from weasyprint import HTML

    from governance.models import Decision
    from scrutiny.models.panel_reports import PanelQuarterlyReport

    results = []
    HTML(string=plain_document(1)).write_pdf()  # fonts and Pango loaded once, before any timing

    def measure(key, label, kind_key, of, extra=None):
        if of is None:
            results.append({"key": key, "label": label, "error": "nothing in the data to render"})
            return
        seconds, pages = render_kind(kind_key, of, label)
        plain_seconds, plain_pages = render_plain(pages)
        results.append(
            {
                "key": key,
                "label": label,
                "seconds": round(seconds, 3),
                "pages": pages,
                "plain_seconds": round(plain_seconds, 3),
                "plain_pages": plain_pages,
                **(extra or {}),
            }
        )

    decision = Decision.objects.published().order_by("-published_at").first()
    measure("decision_notice", "Decision notice", "decision_notice", decision)
    report, visits, years = icv_report_over_visits(ICV_VISITS_WANTED)
    measure(
        "icv_annual_report",
        f"ICV annual report over {visits} visits ({years} financial year(s))",
        "custody_visiting_report",
        report,
        {"visits": visits, "financial_years": years},
    )
    panel_report = PanelQuarterlyReport.objects.order_by("-quarter").first()
    measure(
        "panel_quarterly_report",
        "Quarterly report to the panel",
        "panel_quarterly_report",
        panel_report,
    )
    return {"pdfs": results}


COMMANDS = {"targets": targets, "pdfs": pdfs}

if __name__ == "__main__":
    django.setup()
    print(json.dumps(COMMANDS[sys.argv[1]]()))
