"""The meetings pages the public reads: the list (filter by body and year, CSV export), a
meeting's published agenda and approved minutes, its public papers and PDFs.

Nothing here reads a confidential item beyond its title and reason: the agenda comes from
scrutiny.selectors.public_agenda, which builds plain values, and papers are served only when
their item is public and the agenda published."""

import io
from itertools import islice
from urllib.parse import urlencode

from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from opcc.csv_export import csv_response, json_response
from opcc.models import DocumentStatus, GeneratedDocument
from opcc.pagination import paginate
from scrutiny import selectors
from scrutiny.models import AgendaItem, Body, Meeting, MeetingStatus, Paper
from scrutiny.models.meetings import PUBLISHED_STATUSES
from scrutiny.services import meetings as services
from scrutiny.views.meetings import meeting_filters, meeting_years
from scrutiny.views.meetings_agenda import serve_paper

# The fields of the CSV export, in order: no confidential item's title appears in it beyond
# the count, and never a paper or minute of one.
EXPORT_FIELDS = (
    "body",
    "date",
    "time",
    "place",
    "open_to_the_public",
    "status",
    "agenda_published_on",
    "minutes_approved_on",
    "public_items",
    "confidential_items",
    "url",
)


def public_meetings(request):
    meetings, filters = meeting_filters(request, Meeting.objects.published())
    filters.pop("status")
    return meetings.select_related("body").order_by("-held_on", "-starts_at", "-id"), filters


def published_meeting(code) -> Meeting:
    return get_object_or_404(Meeting.objects.published().select_related("body"), code=code)


def latest_document(meeting: Meeting, kind: str) -> GeneratedDocument | None:
    return (
        GeneratedDocument.objects.filter(
            kind=kind,
            content_type__app_label="scrutiny",
            content_type__model="meeting",
            object_id=meeting.pk,
            status=DocumentStatus.READY,
        )
        .order_by("-requested_at", "-id")
        .first()
    )


class PublicMeetingListView(TemplateView):
    template_name = "scrutiny/meetings/public_list.html"

    def get_context_data(self, **kwargs):
        meetings, filters = public_meetings(self.request)
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, meetings),
            "filters": filters,
            "query": urlencode({k: v for k, v in filters.items() if v}),
            "bodies": list(Body.objects.order_by("name")),
            "years": meeting_years(Meeting.objects.published()),
            "export_fields": EXPORT_FIELDS,
        }


def export_rows(request):
    """The public meetings the request's filters select, one dict of EXPORT_FIELDS each.
    Only public items' titles are loaded at all; confidential ones are only counted."""
    meetings, _ = public_meetings(request)
    meetings = meetings.annotate(
        confidential_count=Count("items", filter=Q(items__is_confidential=True))
    ).prefetch_related(
        Prefetch(
            "items",
            queryset=AgendaItem.objects.public().order_by("position"),
            to_attr="public_items",
        )
    )
    for meeting in meetings.iterator(chunk_size=500):
        yield {
            "body": meeting.body.name,
            "date": meeting.held_on.isoformat(),
            "time": meeting.starts_at.strftime("%H:%M"),
            "place": meeting.place,
            "open_to_the_public": meeting.meetings_public,
            "status": meeting.get_status_display(),
            "agenda_published_on": _day(meeting.agenda_published_at),
            "minutes_approved_on": _day(meeting.minutes_approved_at),
            "public_items": "; ".join(item.title for item in meeting.public_items),
            "confidential_items": meeting.confidential_count,
            "url": request.build_absolute_uri(meeting.get_public_url()),
        }


def _day(moment) -> str:
    return timezone.localdate(moment).isoformat() if moment else ""


class PublicMeetingCsvView(View):
    def get(self, request):
        rows = ([row[field] for field in EXPORT_FIELDS] for row in export_rows(request))
        return csv_response("meetings.csv", EXPORT_FIELDS, rows)


class PublicMeetingJsonView(View):
    def get(self, request):
        _, filters = public_meetings(request)
        rows = ([row[field] for field in EXPORT_FIELDS] for row in export_rows(request))
        return json_response(EXPORT_FIELDS, islice(rows, 10000), filters=filters)


class PublicMeetingView(TemplateView):
    template_name = "scrutiny/meetings/public_detail.html"

    def get_context_data(self, **kwargs):
        meeting = published_meeting(kwargs["code"])
        approved = meeting.status == MeetingStatus.MINUTES_APPROVED
        return {
            **super().get_context_data(**kwargs),
            "meeting": meeting,
            "agenda": selectors.public_agenda(meeting),
            "brought_forward": selectors.public_actions_brought_forward(meeting),
            "minutes_approved": approved,
            "agenda_pack": latest_document(meeting, services.AGENDA_PACK),
            "minutes_pdf": latest_document(meeting, services.MINUTES) if approved else None,
        }


class PublicPaperView(View):
    def get(self, request, code):
        paper = (
            Paper.objects.current()
            .select_related("item__meeting")
            .filter(
                code=code,
                item__is_confidential=False,
                item__meeting__status__in=PUBLISHED_STATUSES,
            )
            .first()
        )
        if paper is None:
            raise Http404
        return serve_paper(paper)


class AgendaPackView(View):
    """The agenda pack: the agenda PDF made at publication followed by each public paper that
    is itself a PDF (the others are listed in the agenda, to download separately)."""

    def get(self, request, code):
        from pypdf import PdfReader, PdfWriter
        from pypdf.errors import PdfReadError

        meeting = published_meeting(code)
        agenda = latest_document(meeting, services.AGENDA_PACK)
        if agenda is None:
            raise Http404
        writer = PdfWriter()
        with agenda.file.open("rb") as handle:
            writer.append(PdfReader(io.BytesIO(handle.read())))
        papers = (
            Paper.objects.current()
            .filter(item__meeting=meeting, item__is_confidential=False, mimetype="application/pdf")
            .order_by("item__position", "uploaded_at", "id")
        )
        for paper in papers:
            try:
                with paper.file.open("rb") as handle:
                    writer.append(PdfReader(io.BytesIO(handle.read())))
            except (PdfReadError, OSError, ValueError):
                continue  # listed in the agenda; a damaged file must not stop the pack
        output = io.BytesIO()
        writer.write(output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            filename=f"agenda-pack-{meeting.held_on:%Y-%m-%d}.pdf",
            content_type="application/pdf",
        )


class MinutesPdfView(View):
    def get(self, request, code):
        meeting = published_meeting(code)
        if meeting.status != MeetingStatus.MINUTES_APPROVED:
            raise Http404
        minutes = latest_document(meeting, services.MINUTES)
        if minutes is None:
            raise Http404
        return FileResponse(
            minutes.file.open("rb"),
            as_attachment=True,
            filename=f"minutes-{meeting.held_on:%Y-%m-%d}.pdf",
            content_type="application/pdf",
        )
