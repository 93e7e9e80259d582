"""The office's pages for building an agenda and minuting it: items, their order, papers, and
the minute of each item."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView

from opcc import access
from opcc.access import RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.roles import OFFICE_ROLES
from opcc.uploads import extension_for
from opcc.views.forms import BadRequestOnInvalidForm, keep_typing_against_latest, refused
from scrutiny.forms.meetings import AgendaItemForm, MinutesForm, PaperForm, WithdrawPaperForm
from scrutiny.models import AgendaItem, Paper
from scrutiny.services import meetings as services
from scrutiny.views.meetings import MeetingMixin


class ItemMixin(MeetingMixin):
    """The agenda item named in the URL, of the meeting named in the URL; `item_action` is
    what the page does to the item (403 for one who may only look)."""

    item_action = access.CHANGE

    def load(self, request, kwargs) -> None:
        super().load(request, kwargs)
        self.item = get_object_or_404(self.meeting.items, pk=kwargs["pk"])
        if not access.can(request.user, self.item_action, self.item):
            access.refuse(request.user, f"{self.item_action} agenda item {self.item.pk}")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "item": self.item}


@method_decorator(never_cache, name="dispatch")
class AddAgendaItemView(RoleRequiredMixin, MeetingMixin, BadRequestOnInvalidForm, FormView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/meetings/item_form.html"
    form_class = AgendaItemForm

    def get_initial(self):
        # A private body's items start as confidential; the person can still open one up.
        return {"is_confidential": not self.meeting.body.meetings_public}

    def load(self, request, kwargs) -> None:
        super().load(request, kwargs)
        if not request.user.has_perm("scrutiny.add_agendaitem"):
            access.refuse(request.user, f"add an item to meeting {self.meeting.pk}")

    def form_valid(self, form):
        try:
            item = services.add_agenda_item(self.request.user, self.meeting, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Item {item.position} has been added to the agenda.")
        return redirect(self.get_success_url())


class MoveAgendaItemView(RoleRequiredMixin, ItemMixin, View):
    roles = OFFICE_ROLES
    http_method_names = ["post"]

    def post(self, request, code, pk):
        try:
            services.move_agenda_item(request.user, self.item, up=request.POST.get("to") == "up")
        except ValidationError as error:
            return refused(request, error.messages, back_url=self.meeting.get_absolute_url())
        return redirect(self.meeting.get_absolute_url())


@method_decorator(never_cache, name="dispatch")
class AddPaperView(RoleRequiredMixin, ItemMixin, BadRequestOnInvalidForm, FormView):
    roles = OFFICE_ROLES
    item_action = access.VIEW
    template_name = "scrutiny/meetings/paper_form.html"
    form_class = PaperForm

    def load(self, request, kwargs) -> None:
        super().load(request, kwargs)
        if not request.user.has_perm("scrutiny.add_paper"):
            access.refuse(request.user, f"add a paper to item {self.item.pk}")

    def form_valid(self, form):
        try:
            services.add_paper(
                self.request.user,
                self.item,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["upload"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The paper has been added.")
        return redirect(self.get_success_url())


@method_decorator(never_cache, name="dispatch")
class MinutesView(RoleRequiredMixin, ItemMixin, BadRequestOnInvalidForm, FormView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/meetings/minutes_form.html"
    form_class = MinutesForm

    def get_initial(self):
        return {"minutes": self.item.minutes, "version": self.item.version}

    def form_valid(self, form):
        try:
            services.record_minutes(
                self.request.user,
                self.item,
                minutes=form.cleaned_data["minutes"],
                expected_version=form.cleaned_data["version"] or 0,
            )
        except services.ConcurrentEdit as conflict:
            keep_typing_against_latest(form, AgendaItem, self.item.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The minutes of item {self.item.position} are saved.")
        return redirect(self.get_success_url())


class WithdrawPaperView(RoleRequiredMixin, MeetingMixin, View):
    """Withdraw a paper of the meeting (POST only): the reason is required (400 without it)."""

    roles = OFFICE_ROLES
    http_method_names = ["post"]

    def load(self, request, kwargs) -> None:
        super().load(request, kwargs)
        if not request.user.has_perm("scrutiny.change_paper"):
            access.refuse(request.user, f"withdraw a paper of meeting {self.meeting.pk}")
        self.paper = get_object_or_404(
            Paper.objects.select_related("item__meeting"),
            code=kwargs["paper"],
            item__meeting=self.meeting,
        )

    def post(self, request, code, paper):
        back_url = self.meeting.get_absolute_url()
        form = WithdrawPaperForm(request.POST)
        if not form.is_valid():
            reasons = [message for messages_ in form.errors.values() for message in messages_]
            return refused(request, reasons, back_url=back_url)
        try:
            services.withdraw_paper(request.user, self.paper, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            return refused(request, error.messages, back_url=back_url)
        messages.success(request, f"The paper {self.paper.title} has been withdrawn.")
        return redirect(back_url)


def serve_paper(paper: Paper) -> FileResponse:
    """A paper as a download: PDFs may open in the browser; anything else is an attachment, and
    nothing is ever served as HTML or SVG (the stored type comes from the file's content)."""
    is_pdf = paper.mimetype == "application/pdf"
    response = FileResponse(
        paper.file.open("rb"),
        as_attachment=not is_pdf,
        filename=f"paper-{paper.code}{extension_for(paper.mimetype)}",
        content_type=paper.mimetype,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class OfficePaperView(RoleRequiredMixin, View):
    """Any paper, confidential ones included, for the office roles who may see papers."""

    roles = OFFICE_ROLES

    def get(self, request, code):
        paper = access.object_for(
            request.user, Paper.objects.select_related("item__meeting"), code=code
        )
        if not paper.file:
            raise Http404
        return serve_paper(paper)
