"""The scheme of delegation: the office's table of categories, the Chief Executive's form, and
the public page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from governance.forms.delegation import DecisionCategoryForm
from governance.models import DecisionCategory
from governance.services import delegation as services
from opcc.access import PermissionRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.views.forms import BadRequestOnInvalidForm, keep_typing_against_latest

# The scheme is read as one document: a few dozen categories at most, each added by hand.
SCHEME_PAGE_SIZE = 100


class SchemeOfDelegationView(PermissionRequiredMixin, TemplateView):
    permission = "governance.view_decisioncategory"
    template_name = "governance/delegation/list.html"

    def get_context_data(self, **kwargs):
        categories = DecisionCategory.objects.in_scheme_order()
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, categories, SCHEME_PAGE_SIZE),
            "may_maintain": self.request.user.has_perm(services.MAINTAIN),
        }


class DecisionCategoryFormView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    """Add a category (no slug in the address) or change one (by its slug)."""

    permission = services.MAINTAIN
    template_name = "governance/delegation/form.html"
    form_class = DecisionCategoryForm

    @cached_property
    def category(self) -> DecisionCategory | None:
        if "slug" not in self.kwargs:
            return None
        return get_object_or_404(DecisionCategory, slug=self.kwargs["slug"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.category}

    def get_context_data(self, **kwargs):
        category = self.category
        return {
            **super().get_context_data(**kwargs),
            "category": category,
            "fixed": services.fixed_fields(category).values() if category else [],
        }

    def form_valid(self, form):
        fields = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        try:
            if self.category is None:
                category = services.add_category(self.request.user, **fields)
            else:
                category = services.update_category(
                    self.request.user,
                    self.category,
                    expected_version=form.cleaned_data["version"] or 0,
                    **fields,
                )
        except services.ConcurrentEdit:
            keep_typing_against_latest(form, DecisionCategory, self.category.pk)
            form.add_error(
                None,
                "Someone else saved this category while you were changing it, so your changes "
                "have not been saved. Check the scheme and its change history, then save again.",
            )
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The scheme of delegation has been updated: {category}.")
        return redirect("governance:delegation")


class PublicSchemeOfDelegationView(TemplateView):
    """The categories offered for decisions, who may make each, and what the Act reserves."""

    template_name = "governance/public/scheme_of_delegation.html"

    def get_context_data(self, **kwargs):
        changes = DecisionCategory.history.aggregate(latest=Max("history_date"))
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, DecisionCategory.objects.offered(), SCHEME_PAGE_SIZE),
            "last_changed": changes["latest"],
        }
