"""The public register of decisions: search, filters, exports, feed, notices."""

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views import View
from django.views.generic import TemplateView

from governance.models import Decision, DecisionMaker, SupportingDocument
from governance.views.decisions import serve_document
from opcc.csv_export import csv_response, json_response
from opcc.models import DocumentStatus, GeneratedDocument
from opcc.pagination import paginate

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
    query = request.GET.get("q", "").strip()[:200]
    year = request.GET.get("year", "")
    maker = request.GET.get("maker", "")
    sort = request.GET.get("sort", "newest")
    if query:
        decisions = decisions.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    if year.isascii() and year.isdigit() and 2000 <= int(year) <= 2999:
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


def export_row(request, decision) -> dict:
    return {
        "reference": decision.reference,
        "title": decision.title,
        "summary": decision.summary,
        "decision_maker": decision.get_decision_maker_display(),
        "signed_on": decision.signed_at.date().isoformat() if decision.signed_at else "",
        "published_on": decision.published_at.date().isoformat() if decision.published_at else "",
        "url": request.build_absolute_uri(decision.get_public_url()),
    }


class DecisionRegisterView(TemplateView):
    template_name = "governance/public/register.html"

    def get_context_data(self, **kwargs):
        from urllib.parse import urlencode

        decisions, filters = register_filters(self.request)
        years = (
            Decision.objects.published().order_by("-year").values_list("year", flat=True).distinct()
        )
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, decisions),
            "filters": filters,
            "query": urlencode({k: v for k, v in filters.items() if v}),
            "years": list(years),
            "makers": DecisionMaker.choices,
            "sorts": [
                ("newest", "Newest first"),
                ("oldest", "Oldest first"),
                ("reference", "By reference"),
            ],
            "export_fields": EXPORT_FIELDS,
        }


class DecisionRegisterCsvView(View):
    def get(self, request):
        decisions, _ = register_filters(request)
        rows = (
            [export_row(request, decision)[field] for field in EXPORT_FIELDS]
            for decision in decisions.iterator(chunk_size=2000)
        )
        return csv_response("decisions.csv", EXPORT_FIELDS, rows)


class DecisionRegisterJsonView(View):
    def get(self, request):
        decisions, filters = register_filters(request)
        rows = (
            [export_row(request, decision)[field] for field in EXPORT_FIELDS]
            for decision in decisions[:10000]
        )
        return json_response(EXPORT_FIELDS, rows, filters=filters)


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
        documents = list(decision.documents.all())
        return {
            **super().get_context_data(**kwargs),
            "decision": decision,
            "public_documents": [d for d in documents if d.is_public],
            "withheld_documents": [d for d in documents if not d.is_public],
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
