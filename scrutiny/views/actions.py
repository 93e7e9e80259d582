"""The office's actions tracker: the list (overdue flagged), raising an action from an agenda
item, and an action's page with its dated updates."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from opcc import access
from opcc.access import RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES
from opcc.views.forms import BadRequestOnInvalidForm, keep_typing_against_latest
from scrutiny.forms.actions import ActionUpdateForm, RaiseActionForm
from scrutiny.models import Action, ActionStatus, Body
from scrutiny.services import actions as services
from scrutiny.views.meetings_agenda import ItemMixin

OVERDUE = "overdue"


class ActionListView(RoleRequiredMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/actions/list.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        body = self.request.GET.get("body", "")
        actions = access.visible(self.request.user, Action.objects.for_list())
        today = timezone.localdate()
        if status == OVERDUE:
            actions = actions.overdue(today)
        elif status in ActionStatus.values:
            actions = actions.filter(status=status)
        else:
            status = ""
        # Ids are bigints: a longer run of digits would overflow the database's integer (a 500).
        if body.isascii() and body.isdigit() and len(body) < 19:
            actions = actions.filter(item__meeting__body=int(body))
        else:
            body = ""
        filters = {"status": status, "body": body}
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, actions),
            "today": today,
            "filters": filters,
            "query": urlencode({k: v for k, v in filters.items() if v}),
            "statuses": [*ActionStatus.choices, (OVERDUE, "Overdue")],
            "bodies": list(Body.objects.order_by("name")),
        }


@method_decorator(never_cache, name="dispatch")
class RaiseActionView(RoleRequiredMixin, ItemMixin, BadRequestOnInvalidForm, FormView):
    roles = OFFICE_ROLES
    item_action = access.VIEW
    template_name = "scrutiny/actions/raise.html"
    form_class = RaiseActionForm

    def load(self, request, kwargs) -> None:
        super().load(request, kwargs)
        if not request.user.has_perm("scrutiny.add_action"):
            access.refuse(request.user, f"raise an action on item {self.item.pk}")

    def form_valid(self, form):
        try:
            services.raise_action(self.request.user, self.item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The action has been recorded.")
        return redirect(self.get_success_url())


class ActionMixin:
    action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.is_office(request.user):
            self.tracked = access.object_for(
                request.user,
                Action.objects.for_list(),
                self.action,
                code=kwargs["code"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "tracked": self.tracked}


@method_decorator(never_cache, name="dispatch")
class ActionDetailView(RoleRequiredMixin, ActionMixin, BadRequestOnInvalidForm, FormView):
    """The action, its updates, and (for those who may) the form to add an update."""

    roles = OFFICE_ROLES
    template_name = "scrutiny/actions/detail.html"
    form_class = ActionUpdateForm

    def get_initial(self):
        return {"status": self.tracked.status, "version": self.tracked.version}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "updates": list(self.tracked.updates.select_related("written_by")),
            "overdue": self.tracked.is_overdue(),
            "may_update": self.request.user.has_perm("scrutiny.change_action"),
        }

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("scrutiny.change_action"):
            access.refuse(request.user, f"update action {self.tracked.pk}")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.update_action(
                self.request.user,
                self.tracked,
                text=form.cleaned_data["text"],
                status=form.cleaned_data["status"],
                expected_version=form.cleaned_data["version"] or 0,
            )
        except services.ConcurrentEdit as conflict:
            keep_typing_against_latest(form, Action, self.tracked.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The update has been added.")
        return redirect(self.tracked.get_absolute_url())
