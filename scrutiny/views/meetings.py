"""The office's pages for meetings: the list, scheduling, a meeting, publishing the agenda,
recording that it was held, and approving its minutes."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from opcc import access
from opcc.access import PermissionRequiredMixin, RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.models import GeneratedDocument
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES
from opcc.views.forms import (
    BadRequestOnInvalidForm,
    RecordStepView,
    keep_typing_against_latest,
)
from scrutiny import selectors
from scrutiny.forms.meetings import (
    ApproveMinutesForm,
    RescheduleMeetingForm,
    ScheduleMeetingForm,
)
from scrutiny.models import Body, Meeting, MeetingStatus
from scrutiny.services import meetings as services


def meeting_filters(request, meetings):
    """Narrow ``meetings`` by the ?body=, ?year= (and ?status=) the request asks for."""
    body = request.GET.get("body", "")
    year = request.GET.get("year", "")
    status = request.GET.get("status", "")
    # Ids are bigints: a longer run of digits would overflow the database's integer (a 500).
    if body.isascii() and body.isdigit() and len(body) < 19:
        meetings = meetings.filter(body=int(body))
    else:
        body = ""
    # Four digits first: int() refuses a string of more than 4,300 digits (a 500).
    if year.isascii() and len(year) == 4 and year.isdigit() and 2000 <= int(year) <= 2999:
        meetings = meetings.filter(held_on__year=int(year))
    else:
        year = ""
    if status in MeetingStatus.values:
        meetings = meetings.filter(status=status)
    else:
        status = ""
    filters = {"body": body, "year": year, "status": status}
    return meetings, filters


def meeting_years(meetings) -> list[int]:
    return sorted({day.year for day in meetings.dates("held_on", "year")}, reverse=True)


class MeetingMixin:
    """Loads the meeting named in the URL through the one way in (404 for outsiders); `action`
    is what the page does to it (403 for one who may only look)."""

    action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.is_office(request.user):
            self.load(request, kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, request, kwargs) -> None:
        self.meeting = access.object_for(
            request.user,
            Meeting.objects.select_related("body", "minutes_approved_at_meeting"),
            self.action,
            code=kwargs["code"],
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "meeting": self.meeting}

    def get_success_url(self):
        return self.meeting.get_absolute_url()


class MeetingListView(RoleRequiredMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/meetings/list.html"

    def get_context_data(self, **kwargs):
        visible = access.visible(self.request.user, Meeting.objects.all())
        meetings, filters = meeting_filters(self.request, visible)
        meetings = (
            meetings.for_list()
            .annotate(item_count=Count("items"))
            .order_by("-held_on", "-starts_at", "-id")
        )
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, meetings),
            "filters": filters,
            "query": urlencode({k: v for k, v in filters.items() if v}),
            "bodies": list(Body.objects.order_by("name")),
            "years": meeting_years(visible),
            "statuses": MeetingStatus.choices,
        }


@method_decorator(never_cache, name="dispatch")
class ScheduleMeetingView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "scrutiny.add_meeting"
    template_name = "scrutiny/meetings/schedule.html"
    form_class = ScheduleMeetingForm

    def form_valid(self, form):
        try:
            meeting = services.schedule_meeting(self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The meeting on {meeting.held_on:%-d %B %Y} is scheduled.")
        return redirect(meeting.get_absolute_url())


@method_decorator(never_cache, name="dispatch")
class RescheduleMeetingView(RoleRequiredMixin, MeetingMixin, BadRequestOnInvalidForm, FormView):
    roles = OFFICE_ROLES
    action = access.CHANGE
    template_name = "scrutiny/meetings/reschedule.html"
    form_class = RescheduleMeetingForm

    def get_initial(self):
        meeting = self.meeting
        return {
            "held_on": meeting.held_on,
            "starts_at": meeting.starts_at.strftime("%H:%M"),
            "place": meeting.place,
            "version": meeting.version,
        }

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        expected_version = data.pop("version") or 0
        try:
            services.reschedule_meeting(
                self.request.user, self.meeting, expected_version=expected_version, **data
            )
        except services.ConcurrentEdit as conflict:
            keep_typing_against_latest(form, Meeting, self.meeting.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The meeting's date, time and place are saved.")
        return redirect(self.get_success_url())


@method_decorator(never_cache, name="dispatch")
class MeetingDetailView(RoleRequiredMixin, MeetingMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/meetings/detail.html"

    def get_context_data(self, **kwargs):
        meeting, user = self.meeting, self.request.user
        items = list(meeting.items.order_by("position").prefetch_related("papers", "actions"))
        status = meeting.status
        may_change = user.has_perm("scrutiny.change_meeting")
        return {
            **super().get_context_data(**kwargs),
            "items": items,
            "documents": list(
                GeneratedDocument.objects.filter(
                    kind__in=(services.AGENDA_PACK, services.MINUTES),
                    content_type__app_label="scrutiny",
                    content_type__model="meeting",
                    object_id=meeting.pk,
                ).order_by("-requested_at")
            ),
            "today": timezone.localdate(),
            "brought_forward": list(selectors.actions_brought_forward(meeting)),
            "previous": selectors.previous_meeting(meeting),
            "planned": status == MeetingStatus.PLANNED,
            "held": status == MeetingStatus.HELD,
            "may_add_items": status == MeetingStatus.PLANNED
            and user.has_perm("scrutiny.add_agendaitem"),
            "may_add_papers": status == MeetingStatus.PLANNED
            and user.has_perm("scrutiny.add_paper"),
            "may_withdraw_papers": user.has_perm("scrutiny.change_paper"),
            "may_minute": status == MeetingStatus.HELD
            and user.has_perm("scrutiny.change_agendaitem"),
            "may_raise_actions": status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
            and user.has_perm("scrutiny.add_action"),
            "may_reschedule": status in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED)
            and may_change,
            "may_publish": status == MeetingStatus.PLANNED
            and user.has_perm("scrutiny.publish_meeting"),
            "may_record_held": status == MeetingStatus.AGENDA_PUBLISHED and may_change,
            "may_approve": status == MeetingStatus.HELD
            and user.has_perm("scrutiny.approve_minutes_meeting"),
        }


class MeetingStepView(RoleRequiredMixin, MeetingMixin, RecordStepView):
    """A one-button step on a meeting (POST only); a refused step says why (400)."""

    roles = OFFICE_ROLES
    record_attribute = "meeting"


class PublishAgendaView(MeetingStepView):
    action = "publish"
    done_message = "The agenda has been published."

    def act(self):
        services.publish_agenda(self.request.user, self.meeting)


class RecordMeetingHeldView(MeetingStepView):
    action = access.CHANGE
    done_message = "The meeting has been recorded as held: draft the minutes of each item."

    def act(self):
        services.record_meeting_held(self.request.user, self.meeting)


@method_decorator(never_cache, name="dispatch")
class ApproveMinutesView(RoleRequiredMixin, MeetingMixin, BadRequestOnInvalidForm, FormView):
    roles = OFFICE_ROLES
    action = "approve_minutes"
    template_name = "scrutiny/meetings/approve_minutes.html"
    form_class = ApproveMinutesForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def form_valid(self, form):
        try:
            services.approve_minutes(self.request.user, self.meeting, **form.approval())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The minutes are approved and published.")
        return redirect(self.get_success_url())
