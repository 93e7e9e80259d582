"""The Chief Executive's pages on complainants' personal data: who viewed it, which cases were
anonymised, and the subject access export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from complaints.forms.personal_data import CaseReferenceForm, RetentionHoldForm
from complaints.models import (
    Complaint,
    ComplaintReview,
    Disposal,
    PersonalDataView,
    ProtocolConcern,
)
from complaints.services import personal_data as services
from opcc import access
from opcc.access import RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import Role
from opcc.views.forms import BadRequestOnInvalidForm


class ChiefExecutiveMixin(RoleRequiredMixin):
    """The Chief Executive only, and only while the role holds ``permission``."""

    roles = frozenset({Role.CHIEF_EXECUTIVE})
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if (
            request.user.is_authenticated
            and access.has_role(request.user, *self.roles)
            and not request.user.has_perm(self.permission)
        ):
            access.refuse(request.user, f"{request.path} needs {self.permission}")
        return super().dispatch(request, *args, **kwargs)


@method_decorator(never_cache, name="dispatch")
class PersonalDataViewLogView(ChiefExecutiveMixin, TemplateView):
    """Who saw a complainant's personal data, when, on which case: newest first."""

    permission = "complaints.view_personaldataview"
    template_name = "complaints/personal_data/views.html"

    def get_context_data(self, **kwargs):
        views = PersonalDataView.objects.select_related("viewer").only(
            "viewed_at", "case_reference", "viewer__full_name", "viewer__email"
        )
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, views)}


@method_decorator(never_cache, name="dispatch")
class DisposalLogView(ChiefExecutiveMixin, TemplateView):
    permission = "complaints.view_disposal"
    template_name = "complaints/personal_data/disposals.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, Disposal.objects.all()),
        }


class SubjectAccessMixin(ChiefExecutiveMixin):
    permission = services.PERSONAL_DETAILS
    http_method_names = ["get", "post", "head", "options"]

    def find(self, request):
        """The form and, when it is valid, the complainant it names (404 if nobody)."""
        form = CaseReferenceForm(request.POST)
        if not form.is_valid():
            return form, None
        complainant = services.complainant_for_case(request.user, form.cleaned_data["reference"])
        if complainant is None:
            raise Http404("No case has this reference")
        return form, complainant

    def form_page(self, request, form, status=200):
        return render(
            request, "complaints/personal_data/subject_access.html", {"form": form}, status=status
        )


@method_decorator(never_cache, name="dispatch")
class SubjectAccessView(SubjectAccessMixin, View):
    """Find the complainant by a case's reference (sent in the body, never the URL), then
    confirm their cases before the download."""

    def get(self, request):
        return self.form_page(request, CaseReferenceForm())

    def post(self, request):
        form, complainant = self.find(request)
        if complainant is None:
            return self.form_page(request, form, status=400)
        return render(
            request,
            "complaints/personal_data/subject_access_found.html",
            {"reference": form.cleaned_data["reference"], "cases": services.cases_of(complainant)},
        )


@method_decorator(never_cache, name="dispatch")
class SubjectAccessDownloadView(SubjectAccessMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        form, complainant = self.find(request)
        if complainant is None:
            return self.form_page(request, form, status=400)
        reference = form.cleaned_data["reference"]
        content = services.subject_access_export(
            request.user, complainant, case_reference=reference
        )
        name = f"subject-access-{reference}-{timezone.localdate():%Y-%m-%d}.json"
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


HOLDABLE = {"review": ComplaintReview, "complaint": Complaint, "concern": ProtocolConcern}


@method_decorator(never_cache, name="dispatch")
class RetentionHoldView(ChiefExecutiveMixin, BadRequestOnInvalidForm, FormView):
    """Put a hold on a case's disposal, or lift it."""

    permission = "complaints.view_disposal"
    template_name = "complaints/personal_data/retention_hold.html"
    form_class = RetentionHoldForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.has_role(request.user, *self.roles):
            model = HOLDABLE[kwargs["kind"]]
            self.case = access.object_for(request.user, model.objects.all(), code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"retention_hold": self.case.retention_hold}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "case": self.case}

    def form_valid(self, form):
        try:
            services.set_retention_hold(
                self.request.user, self.case, reason=form.cleaned_data["retention_hold"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if form.cleaned_data["retention_hold"]:
            messages.success(self.request, "The hold is saved: this case will not be anonymised.")
        else:
            messages.success(self.request, "The hold is lifted.")
        return redirect(self.case.get_absolute_url())
