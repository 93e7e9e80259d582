"""HMICFRS on the transparency hub: the latest PEEL report, the Commissioner's published
responses (filterable, with CSV and JSON exports), each response and its PDF."""

from itertools import islice
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from opcc.csv_export import csv_response, json_response
from opcc.models import DocumentStatus
from opcc.pagination import paginate
from scrutiny.models import HmicfrsInspection, InspectionType, ItemKind


def latest_peel():
    """The newest PEEL report: HMICFRS publishes it, so its link is public whatever our response."""
    return (
        HmicfrsInspection.objects.filter(inspection_type=InspectionType.PEEL)
        .only("title", "link", "published_on")
        .order_by("-published_on", "-id")
        .first()
    )


# The fields every export carries, in order: only what the public page shows.
EXPORT_FIELDS = (
    "title",
    "type",
    "report_published_on",
    "report_link",
    "response_due_on",
    "response_published_on",
    "recommendations",
    "areas_for_improvement",
    "url",
)


def public_responses(request):
    """The published responses the request's ?type= selects, newest first, and the filters."""
    responses = HmicfrsInspection.objects.published().annotate(
        recommendations=Count("items", filter=Q(items__kind=ItemKind.RECOMMENDATION)),
        areas_for_improvement=Count("items", filter=Q(items__kind=ItemKind.AREA_FOR_IMPROVEMENT)),
    )
    kind = request.GET.get("type", "")
    if kind in InspectionType.values:
        responses = responses.filter(inspection_type=kind)
    else:
        kind = ""
    return responses.order_by("-response_published_at", "-id"), {"type": kind}


def export_rows(request):
    responses, _ = public_responses(request)
    for inspection in responses.iterator(chunk_size=500):
        yield {
            "title": inspection.title,
            "type": inspection.get_inspection_type_display(),
            "report_published_on": inspection.published_on.isoformat(),
            "report_link": inspection.link,
            "response_due_on": inspection.due_on.isoformat(),
            "response_published_on": timezone.localdate(
                inspection.response_published_at
            ).isoformat(),
            "recommendations": inspection.recommendations,
            "areas_for_improvement": inspection.areas_for_improvement,
            "url": request.build_absolute_uri(inspection.get_public_url()),
        }


class PublicInspectionsView(TemplateView):
    """The transparency page: the latest PEEL report, and every published response."""

    template_name = "scrutiny/inspections/public_list.html"

    def get_context_data(self, **kwargs):
        responses, filters = public_responses(self.request)
        return {
            **super().get_context_data(**kwargs),
            "peel": latest_peel(),
            "page": paginate(self.request, responses),
            "filters": filters,
            "types": InspectionType.choices,
            "query": urlencode({k: v for k, v in filters.items() if v}),
        }


class PublicInspectionsCsvView(View):
    def get(self, request):
        rows = ([row[field] for field in EXPORT_FIELDS] for row in export_rows(request))
        return csv_response("hmicfrs-responses.csv", EXPORT_FIELDS, rows)


class PublicInspectionsJsonView(View):
    def get(self, request):
        _, filters = public_responses(request)
        rows = ([row[field] for field in EXPORT_FIELDS] for row in export_rows(request))
        return json_response(EXPORT_FIELDS, islice(rows, 10000), filters=filters)


class PublicResponseView(TemplateView):
    template_name = "scrutiny/inspections/public_detail.html"

    def get_context_data(self, **kwargs):
        inspection = get_object_or_404(
            HmicfrsInspection.objects.published().select_related("document"),
            code=self.kwargs["code"],
        )
        return {
            **super().get_context_data(**kwargs),
            "inspection": inspection,
            "items": list(inspection.items.all()),
        }


class PublicResponsePdfView(View):
    """The published response's PDF, for anyone (it holds only what the public page shows)."""

    def get(self, request, code):
        inspection = get_object_or_404(
            HmicfrsInspection.objects.published().select_related("document"), code=code
        )
        document = inspection.document
        if document is None or document.status != DocumentStatus.READY:
            raise Http404
        return FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=f"hmicfrs-response-{inspection.published_on:%Y-%m-%d}.pdf",
            content_type="application/pdf",
        )
