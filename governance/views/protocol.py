"""Pages of the Commissioner and Officer Protocol: the current version, signing its declaration,
the versions, who has signed, adding a version and downloading a version's document."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from governance import protocol_status
from governance.forms.protocol import ProtocolVersionForm, SignDeclarationForm
from governance.models import ProtocolVersion
from governance.services.protocol import SIGN_PROTOCOL, add_protocol_version, sign_protocol
from opcc import access
from opcc.access import PermissionRequiredMixin
from opcc.pagination import paginate
from opcc.uploads import content_type_for
from opcc.views.forms import BadRequestOnInvalidForm

VIEW_VERSIONS = "governance.view_protocolversion"

SIGNATURE_FILTERS = {
    "all": "Everyone who must sign",
    "outstanding": "Not signed yet",
    "signed": "Signed",
}


def version_for(user, pk) -> ProtocolVersion:
    return access.object_for(user, ProtocolVersion.objects.all(), pk=pk)


class CurrentProtocolView(PermissionRequiredMixin, TemplateView):
    """The version everyone must have signed, its declaration, and whether you have signed it."""

    permission = VIEW_VERSIONS
    template_name = "governance/protocol/current.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "version": protocol_status.current_version_for(user),
            "must_sign": protocol_status.must_sign(user),
            "form": SignDeclarationForm(),
        }


class SignDeclarationView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    """The declaration of the current version, signed by ticking a box."""

    permission = SIGN_PROTOCOL
    form_class = SignDeclarationForm
    template_name = "governance/protocol/sign.html"

    def get(self, request, *args, **kwargs):
        return self.not_to_be_signed(request, kwargs["pk"]) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.not_to_be_signed(request, kwargs["pk"]) or super().post(
            request, *args, **kwargs
        )

    def not_to_be_signed(self, request, pk):
        """Back to the protocol page, unless this is the current version and is not yet signed."""
        self.version = version_for(request.user, pk)
        current = protocol_status.current_version_for(request.user)
        if current is None or current.pk != self.version.pk:
            messages.error(
                request,
                f"Version {self.version.version} is not the current version of the protocol. "
                "Sign the current version instead.",
            )
            return redirect("governance:protocol")
        if current.signed_at is not None:
            return redirect("governance:protocol")
        return None

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "version": self.version}

    def form_valid(self, form):
        try:
            declaration = sign_protocol(self.request.user, self.version)
        except ValidationError as problem:
            messages.error(self.request, " ".join(problem.messages))
            return redirect("governance:protocol")
        messages.success(
            self.request,
            f"You signed the declaration of version {self.version.version} on "
            f"{declaration.signed_at:%-d %B %Y}.",
        )
        return redirect("governance:protocol")


class ProtocolVersionsView(PermissionRequiredMixin, TemplateView):
    permission = VIEW_VERSIONS
    template_name = "governance/protocol/versions.html"

    def get_context_data(self, **kwargs):
        current = ProtocolVersion.objects.current()
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, protocol_status.versions_with_counts()),
            "current": current,
            "today": timezone.localdate(),
        }


class ProtocolSignaturesView(PermissionRequiredMixin, TemplateView):
    """For the Chief Executive: who has and has not signed the current version."""

    permission = "governance.view_protocoldeclaration"
    template_name = "governance/protocol/signatures.html"

    def get_context_data(self, **kwargs):
        version = ProtocolVersion.objects.current()
        shown = self.request.GET.get("show", "all")
        if shown not in SIGNATURE_FILTERS:
            shown = "all"
        context = {
            **super().get_context_data(**kwargs),
            "version": version,
            "shown": shown,
            "shown_label": SIGNATURE_FILTERS[shown],
            "filters": SIGNATURE_FILTERS,
        }
        if version is None:
            return context
        people = protocol_status.signatures(version)
        if shown == "outstanding":
            people = people.filter(signed_at__isnull=True)
        elif shown == "signed":
            people = people.filter(signed_at__isnull=False)
        return {
            **context,
            **protocol_status.signature_counts(version),
            "page": paginate(self.request, people),
            "query": f"show={shown}",
        }


class AddProtocolVersionView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "governance.add_protocolversion"
    form_class = ProtocolVersionForm
    template_name = "governance/protocol/version_add.html"

    def form_valid(self, form):
        try:
            version = add_protocol_version(self.request.user, **form.cleaned_data)
        except ValidationError as problem:
            form.add_error(None, problem)
            return self.form_invalid(form)
        current = ProtocolVersion.objects.current()
        if current == version:
            follows = "It is now the current version: everyone must sign its declaration."
        elif version.approved_on > timezone.localdate():
            follows = (
                f"Everyone must sign its declaration from {version.approved_on:%-d %B %Y}, "
                "when it becomes the current version."
            )
        else:
            follows = (
                f"It was approved before the current version ({current.version}), so it is kept "
                "as an earlier version and nobody is asked to sign it."
            )
        messages.success(self.request, f"Version {version.version} added. {follows}")
        return redirect("governance:protocol_versions")


class ProtocolDocumentView(PermissionRequiredMixin, View):
    """A version's document, from private storage, to those who may read the protocol."""

    permission = VIEW_VERSIONS

    def get(self, request, pk):
        version = version_for(request.user, pk)
        if not version.document:
            raise Http404
        try:
            file = version.document.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        name = version.document.name.rsplit("/", 1)[-1]
        response = FileResponse(
            file, as_attachment=True, filename=name, content_type=content_type_for(name)
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "no-store"
        return response
