"""The public register of decisions: search, filters, exports, feed, notices."""

from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views import View
from django.views.generic import TemplateView

from governance.models import Decision, DecisionMaker, SupportingDocument
from governance.notices import notice_context
from governance.views.decisions import serve_document
from opcc import public_cache
from opcc.csv_export import csv_response, json_response
from opcc.models import DocumentStatus, GeneratedDocument
from opcc.pagination import PAGE_SIZE, DeferredJoinPaginator, page_number

SORTS = {
    "newest": ("-published_at", "-id"),
    "oldest": ("published_at", "id"),
    "reference": ("-year", "-number"),
}
# The fields every export carries, in order: documented on the register page. Never the
# confidential annex, the advice or any personal data beyond the decision maker's office.
EXPORT_FIELDS = (
    "reference",
    "title",
    "summary",
    "decision_maker",
    "signed_on",
    "published_on",
    "url",
)


def register_filters(request) -> tuple[object, dict]:
    """The published decisions the request's search and filters select, and the filters used."""
    decisions = Decision.objects.published()
    # Without its NUL bytes: PostgreSQL refuses them in a query (a 500).
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    year = request.GET.get("year", "")
    maker = request.GET.get("maker", "")
    sort = request.GET.get("sort", "newest")
    if query:
        decisions = decisions.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    # Four digits first: int() refuses a string of more than 4,300 digits (a 500).
    if year.isascii() and len(year) == 4 and year.isdigit() and 2000 <= int(year) <= 2999:
        decisions = decisions.filter(year=int(year))
    else:
        year = ""
    if maker in DecisionMaker.values:
        decisions = decisions.filter(decision_maker=maker)
    else:
        maker = ""
    if sort not in SORTS:
        sort = "newest"
    return decisions.order_by(*SORTS[sort]), {
        "q": query,
        "year": year,
        "maker": maker,
        "sort": sort,
    }


# What the register's list shows of each decision: the rest (the long texts) stays unread.
REGISTER_COLUMNS = ("year", "number", "reference", "title", "summary", "published_at", "status")
SORT_LABELS = [
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
    ("reference", "By reference"),
]


def register_years(request) -> list[int]:
    return public_cache.remember(
        request,
        "decision-register-years",
        (),
        lambda: list(
            Decision.objects.published().order_by("-year").values_list("year", flat=True).distinct()
        ),
    )


class DecisionRegisterView(TemplateView):
    """The register, 25 a page. Counting 100,000 rows, listing the years and drawing the page
    are the costly parts, so the public's copies are kept in the public cache (dropped at any
    change; a free-text search is not kept); a page is found by its keys first
    (opcc.pagination), so page 500 costs what page 1 does."""

    template_name = "governance/public/register.html"

    def get_context_data(self, **kwargs):
        request = self.request
        decisions, filters = register_filters(request)
        query = urlencode({k: v for k, v in filters.items() if v})
        # A free-text search is rarely asked twice; keeping each would only fill the cache.
        keep = public_cache.remember if not filters["q"] else public_cache.fresh
        count = keep(request, "decision-register-count", filters, decisions.count)
        listed = decisions.only(*REGISTER_COLUMNS).with_suspension()
        paginator = DeferredJoinPaginator(listed, PAGE_SIZE, count=count)
        number = page_number(paginator, request.GET.get("page"))
        results = keep(
            request,
            "decision-register-page",
            # The day too: a report's bar lifts at midnight, and with it the "suspended" tag.
            (filters, number, timezone.localdate().isoformat()),
            lambda: render_to_string(
                "governance/public/register_results.html",
                {"page": paginator.page(number), "query": query},
            ),
        )
        return {
            **super().get_context_data(**kwargs),
            "results": results,
            "filters": filters,
            "query": query,
            "years": register_years(request),
            "makers": DecisionMaker.choices,
            "sorts": SORT_LABELS,
            "export_fields": EXPORT_FIELDS,
        }


# Rows are read from the database this many at a time while the file is sent.
EXPORT_CHUNK = 2000


def export_rows(request, decisions):
    """The export's rows, read as plain values a chunk at a time (no model instances, and the
    page address built once: 10,000 calls to reverse() were a third of an export's time)."""
    makers = dict(DecisionMaker.choices)
    # The public page's address with stand-ins for the year and number, filled in per row.
    address = request.build_absolute_uri(reverse("decision_public", args=[1111, 2222]))
    address = address.replace("1111", "{year}").replace("2222", "{number}")
    columns = ("reference", "title", "summary", "decision_maker", "signed_at", "published_at")
    rows = decisions.values_list(*columns, "year", "number").iterator(chunk_size=EXPORT_CHUNK)
    for reference, title, summary, maker, signed_at, published_at, year, number in rows:
        yield (
            reference,
            title,
            summary,
            makers.get(maker, maker),
            signed_at.date().isoformat() if signed_at else "",
            published_at.date().isoformat() if published_at else "",
            address.format(year=year, number=number),
        )


class DecisionRegisterCsvView(View):
    def get(self, request):
        decisions, _ = register_filters(request)
        return csv_response("decisions.csv", EXPORT_FIELDS, export_rows(request, decisions))


class DecisionRegisterJsonView(View):
    def get(self, request):
        decisions, filters = register_filters(request)
        return json_response(EXPORT_FIELDS, export_rows(request, decisions), filters=filters)


class DecisionFeed(Feed):
    feed_type = Atom1Feed
    title = "Decisions of the Police and Crime Commissioner"
    subtitle = "Decisions of significant public interest, as they are published."

    def link(self):
        return reverse("decision_register")

    def items(self):
        return Decision.objects.for_register()[:50]

    def item_title(self, item):
        return f"{item.reference}: {item.title}"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_public_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at


def published_decision(year: int, number: int) -> Decision:
    return get_object_or_404(Decision.objects.published(), year=year, number=number)


def latest_notice(decision: Decision, *, ready_only: bool = True) -> GeneratedDocument | None:
    notices = GeneratedDocument.objects.filter(
        kind="decision_notice",
        content_type__app_label="governance",
        content_type__model="decision",
        object_id=decision.pk,
    )
    if ready_only:
        notices = notices.filter(status=DocumentStatus.READY)
    return notices.order_by("-requested_at").first()


class DecisionPublicView(TemplateView):
    template_name = "governance/public/decision.html"

    def get_context_data(self, **kwargs):
        decision = published_decision(kwargs["year"], kwargs["number"])
        return {
            **super().get_context_data(**kwargs),
            **notice_context(decision),
            "notice": latest_notice(decision),
        }


class DecisionNoticeView(View):
    def get(self, request, year, number):
        notice = latest_notice(published_decision(year, number))
        if notice is None:
            raise Http404
        return FileResponse(
            notice.file.open("rb"),
            as_attachment=True,
            filename=f"decision-notice-{year}-{number:03d}.pdf",
            content_type="application/pdf",
        )


class PublicSupportingDocumentView(View):
    def get(self, request, code):
        document = (
            SupportingDocument.objects.select_related("decision")
            .filter(code=code, is_public=True, decision__status="published")
            .first()
        )
        if document is None:
            raise Http404
        return serve_document(document)
