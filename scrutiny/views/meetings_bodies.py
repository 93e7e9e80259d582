"""The bodies that meet: the list, and setting one up or changing its members."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from opcc import access
from opcc.access import PermissionRequiredMixin, RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES
from opcc.views.forms import BadRequestOnInvalidForm, keep_typing_against_latest
from scrutiny.forms.meetings import BodyForm
from scrutiny.models import Body
from scrutiny.services import meetings as services


class BodyListView(RoleRequiredMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/meetings/bodies.html"

    def get_context_data(self, **kwargs):
        bodies = Body.objects.annotate(meeting_count=Count("meetings")).order_by("name")
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, bodies)}


@method_decorator(never_cache, name="dispatch")
class BodyFormView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "scrutiny.add_body"
    template_name = "scrutiny/meetings/body_form.html"
    form_class = BodyForm
    body = None

    def get_initial(self):
        if self.body is None:
            return {"meetings_public": True}
        return {
            "name": self.body.name,
            "kind": self.body.kind,
            "members": self.body.members,
            "meetings_public": self.body.meetings_public,
            "version": self.body.version,
        }

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "body": self.body}

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        expected_version = data.pop("version") or 0
        try:
            body = services.save_body(
                self.request.user, self.body, expected_version=expected_version, **data
            )
        except services.ConcurrentEdit as conflict:
            keep_typing_against_latest(form, Body, self.body.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{body.name} has been saved.")
        return redirect("scrutiny:bodies")


class BodyEditView(BodyFormView):
    permission = "scrutiny.change_body"

    @cached_property
    def body(self):
        # Looked up only after the permission check, so the sign-in redirect and the 403 say
        # nothing about which bodies exist.
        return access.object_for(
            self.request.user, Body.objects.all(), access.CHANGE, pk=self.kwargs["pk"]
        )
