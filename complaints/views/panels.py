"""The office's pages of the misconduct hearing panels, under /complaints/panels/: the pool, its
members' forms, the hearings, choosing a panel, and a hearing with its outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from complaints.forms.panels import ChoosePanelForm, HearingOutcomeForm, PanelMemberForm
from complaints.models import Hearing, HearingSeat, PanelMember
from complaints.services import panels as services
from opcc import access
from opcc.access import PermissionRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.views.forms import BadRequestOnInvalidForm

TEMPLATES = "complaints/panels"


def hearings_with_panels():
    seats = HearingSeat.objects.select_related("member").order_by("pk")
    return Hearing.objects.prefetch_related(Prefetch("seats", queryset=seats))


class PanelFormView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    """A form whose answers a service acts on; a service's refusal is shown on the form."""

    template_name = f"{TEMPLATES}/form.html"
    heading = ""
    caption = "Misconduct hearing panels"
    introduction = ""
    success_message = ""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": self.heading,
            "caption": self.caption,
            "introduction": self.introduction,
            "cancel_url": self.cancel_url(),
        }

    def form_valid(self, form):
        try:
            record = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message_for(record))
        return redirect(self.success_url_for(record))

    def save(self, form):
        raise NotImplementedError

    def success_message_for(self, record) -> str:
        return self.success_message

    def cancel_url(self) -> str:
        raise NotImplementedError

    def success_url_for(self, record) -> str:
        raise NotImplementedError


# The pool


class PoolView(PermissionRequiredMixin, TemplateView):
    permission = "complaints.view_panelmember"
    template_name = f"{TEMPLATES}/pool.html"

    def get_context_data(self, **kwargs):
        members = access.visible(self.request.user, PanelMember.objects.order_by("kind", "name"))
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, members),
            "today": timezone.localdate(),
        }


class PanelMemberCreateView(PanelFormView):
    permission = "complaints.add_panelmember"
    form_class = PanelMemberForm
    heading = "Add a member to the pool"
    success_message = "The member has been added to the pool."

    def save(self, form):
        return services.add_panel_member(self.request.user, **form.cleaned_data)

    def cancel_url(self):
        return reverse("complaints:panel_members")

    def success_url_for(self, record):
        return reverse("complaints:panel_members")


class PanelMemberUpdateView(PanelFormView):
    permission = "complaints.change_panelmember"
    form_class = PanelMemberForm
    success_message = "The member's details have been saved."

    @cached_property
    def member(self):
        return access.object_for(
            self.request.user, PanelMember.objects.all(), access.CHANGE, pk=self.kwargs["pk"]
        )

    @property
    def heading(self):
        return f"Change {self.member.name}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editing": True}

    def get_initial(self):
        member = self.member
        return {
            "name": member.name,
            "kind": member.kind,
            "appointed_until": member.appointed_until,
            "conflicts": member.conflicts,
            "active": member.active,
        }

    def save(self, form):
        return services.update_panel_member(self.request.user, self.member, **form.cleaned_data)

    def cancel_url(self):
        return reverse("complaints:panel_members")

    def success_url_for(self, record):
        return reverse("complaints:panel_members")


# Hearings


class HearingListView(PermissionRequiredMixin, TemplateView):
    permission = "complaints.view_hearing"
    template_name = f"{TEMPLATES}/hearings.html"

    def get_context_data(self, **kwargs):
        hearings = access.visible(self.request.user, hearings_with_panels())
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, hearings)}


class ChoosePanelView(PanelFormView):
    permission = "complaints.add_hearing"
    form_class = ChoosePanelForm
    heading = "Choose a panel for a hearing"
    introduction = (
        "The panel is one legally qualified chair and two independent members, each the next "
        "available in rotation: members never chosen come first, then those chosen longest ago. "
        "Members who are inactive, whose appointment ends before the hearing, or who have "
        "declared a conflict with the officer are skipped."
    )

    def save(self, form):
        return services.choose_panel(self.request.user, **form.cleaned_data)

    def success_message_for(self, hearing):
        return f"The panel for the {hearing.get_kind_display().lower()} has been chosen."

    def cancel_url(self):
        return reverse("complaints:hearings")

    def success_url_for(self, hearing):
        return reverse("complaints:hearing", args=[hearing.pk])


class HearingLookup:
    @cached_property
    def hearing(self):
        action = getattr(self, "action", access.VIEW)
        return access.object_for(
            self.request.user, hearings_with_panels(), action, pk=self.kwargs["pk"]
        )


class HearingView(HearingLookup, PermissionRequiredMixin, TemplateView):
    permission = "complaints.view_hearing"
    template_name = f"{TEMPLATES}/hearing.html"

    def get_context_data(self, **kwargs):
        context = {**super().get_context_data(**kwargs), "hearing": self.hearing}
        if self.request.user.has_perm("complaints.change_hearing"):
            context["form"] = HearingOutcomeForm(initial={"outcome": self.hearing.outcome})
        return context


class HearingOutcomeView(HearingLookup, PanelFormView):
    permission = "complaints.change_hearing"
    action = access.CHANGE
    form_class = HearingOutcomeForm
    heading = "Record the outcome"
    success_message = "The outcome has been saved."

    @property
    def introduction(self):
        return f"{self.hearing.get_kind_display()} on {self.hearing.held_on:%-d %B %Y}."

    def get_initial(self):
        return {"outcome": self.hearing.outcome}

    def save(self, form):
        return services.record_hearing_outcome(
            self.request.user, self.hearing, outcome=form.cleaned_data["outcome"]
        )

    def cancel_url(self):
        return reverse("complaints:hearing", args=[self.hearing.pk])

    def success_url_for(self, hearing):
        return reverse("complaints:hearing", args=[hearing.pk])
