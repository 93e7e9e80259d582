from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from governance.forms.decisions import ForwardPlanItemForm
from governance.models import ForwardPlanItem
from governance.services.forward_plan import save_forward_plan_item
from opcc.access import PermissionRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.views.forms import BadRequestOnInvalidForm


class ForwardPlanView(PermissionRequiredMixin, TemplateView):
    permission = "governance.view_forwardplanitem"
    template_name = "governance/forward_plan/list.html"

    def get_context_data(self, **kwargs):
        items = ForwardPlanItem.objects.select_related("decision").order_by("expected_on", "id")
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, items)}


class ForwardPlanItemFormView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "governance.add_forwardplanitem"
    template_name = "governance/forward_plan/form.html"
    form_class = ForwardPlanItemForm
    item = None

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            self.permission = "governance.change_forwardplanitem"
            self.item = get_object_or_404(ForwardPlanItem, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.item}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "item": self.item}

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            save_forward_plan_item(self.request.user, self.item, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The forward plan has been updated.")
        return redirect("governance:forward_plan")


class PublicForwardPlanView(TemplateView):
    template_name = "governance/public/forward_plan.html"

    def get_context_data(self, **kwargs):
        items = (
            ForwardPlanItem.objects.filter(is_public=True, expected_on__gte=timezone.localdate())
            .select_related("decision")
            .order_by("expected_on", "id")
        )
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, items)}
