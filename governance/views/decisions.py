"""The office's pages for decisions: list, draft, edit, advice, signing, publication."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from governance.forms.decisions import (
    AdviceForm,
    DecisionForm,
    SignForm,
    SpendingAuthorisationForm,
    SupportingDocumentForm,
    WithdrawForm,
)
from governance.models import (
    AdviceKind,
    Decision,
    DecisionStatus,
    SupportingDocument,
)
from governance.services import decisions as services
from governance.services import spending
from opcc import access
from opcc.access import PermissionRequiredMixin, RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES
from opcc.views.forms import (
    BadRequestOnInvalidForm,
    RecordStepView,
    keep_typing_against_latest,
)


def decision_for(user, code, action=access.VIEW) -> Decision:
    return access.object_for(user, Decision.objects.all(), action, code=code)


class DecisionMixin:
    """Loads the decision named in the URL through the one way in (404 for outsiders)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.decision = decision_for(request.user, kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "decision": self.decision}

    def get_success_url(self):
        return self.decision.get_absolute_url()


class DecisionListView(RoleRequiredMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "governance/decisions/list.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        decisions = Decision.objects.order_by("-year", "-number")
        if status in DecisionStatus.values:
            decisions = decisions.filter(status=status)
        else:
            status = ""
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, decisions),
            "status": status,
            "statuses": DecisionStatus.choices,
        }


class DecisionCreateView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "governance.add_decision"
    template_name = "governance/decisions/form.html"
    form_class = DecisionForm

    def form_valid(self, form):
        try:
            decision = services.draft_decision(self.request.user, **form.substantive_data())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Decision {decision.reference} has been drafted.")
        return redirect(decision.get_absolute_url())


class DecisionEditView(PermissionRequiredMixin, DecisionMixin, BadRequestOnInvalidForm, FormView):
    permission = "governance.change_decision"
    template_name = "governance/decisions/form.html"
    form_class = DecisionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.decision}

    def form_valid(self, form):
        try:
            services.update_decision(
                self.request.user,
                self.decision,
                expected_version=form.cleaned_data["version"] or 0,
                **form.substantive_data(),
            )
        except services.ConcurrentEdit as conflict:
            keep_typing_against_latest(form, Decision, self.decision.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The decision has been saved.")
        return redirect(self.get_success_url())


class DecisionDetailView(RoleRequiredMixin, DecisionMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "governance/decisions/detail.html"

    def get_context_data(self, **kwargs):
        decision, user = self.decision, self.request.user
        spending_bars = spending.spending_bars(decision) if decision.is_editable else []
        advice = list(decision.advice.select_related("given_by").order_by("given_at"))
        current = {a.kind: a for a in advice if a.advice_round == decision.advice_round}
        status = decision.status
        from governance.views.public_decisions import latest_notice

        return {
            **super().get_context_data(**kwargs),
            "notice": latest_notice(decision, ready_only=False) if decision.is_published else None,
            "advice": advice,
            "current_advice": current,
            "documents": list(decision.documents.all()),
            "reports": list(decision.statutory_reports.all()),
            "suspension": decision.suspension(),
            "spending_bars": spending_bars,
            "authorisations": list(
                decision.spending_authorisations.select_related("report", "authorised_by")
            ),
            "may_authorise": bool(spending_bars)
            and user.has_perm("governance.authorise_new_agreement"),
            "may_edit": decision.is_editable and user.has_perm("governance.change_decision"),
            "may_submit": status == DecisionStatus.DRAFT
            and user.has_perm("governance.change_decision"),
            "advice_wanted": [
                kind
                for kind in AdviceKind
                if status == DecisionStatus.AWAITING_ADVICE
                and kind not in current
                and user.has_perm(services.ADVICE_PERMISSION[kind])
            ],
            "may_sign": status == DecisionStatus.ADVISED
            and user.has_perm("governance.sign_decision")
            and user.role == decision.decision_maker,
            "may_publish": status == DecisionStatus.SIGNED
            and decision.significant_public_interest
            and user.has_perm("governance.publish_decision"),
            "may_withdraw": decision.is_editable and user.has_perm("governance.change_decision"),
        }


class DecisionActionView(RoleRequiredMixin, DecisionMixin, RecordStepView):
    """A one-button action on a decision (POST only)."""

    roles = OFFICE_ROLES
    record_attribute = "decision"


class DecisionSubmitView(DecisionActionView):
    done_message = "Decision {record.reference} has been sent for advice."

    def act(self):
        services.submit_for_advice(self.request.user, self.decision)


class DecisionPublishView(DecisionActionView):
    done_message = "Decision {record.reference} is now on the public register."

    def act(self):
        services.publish_decision(self.request.user, self.decision)


class DecisionFormActionView(RoleRequiredMixin, DecisionMixin, BadRequestOnInvalidForm, FormView):
    """An action on a decision that asks for something first (advice, interests, a reason)."""

    roles = OFFICE_ROLES
    template_name = "governance/decisions/action_form.html"
    heading = ""
    done_message = ""

    def act(self, form):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "heading": self.heading}

    def form_valid(self, form):
        try:
            self.act(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message.format(decision=self.decision))
        return redirect(self.get_success_url())


class DecisionAdviceView(DecisionFormActionView):
    form_class = AdviceForm
    done_message = "Your advice on {decision.reference} has been recorded."

    def dispatch(self, request, *args, **kwargs):
        if kwargs["kind"] not in AdviceKind.values:
            raise Http404
        self.kind = AdviceKind(kwargs["kind"])
        self.heading = self.kind.label
        if request.user.is_authenticated and not request.user.has_perm(
            services.ADVICE_PERMISSION[self.kind]
        ):
            access.refuse(request.user, f"{self.kind} advice")
        return super().dispatch(request, *args, **kwargs)

    def act(self, form):
        services.record_advice(
            self.request.user, self.decision, kind=self.kind, text=form.cleaned_data["text"]
        )


class DecisionSignView(DecisionFormActionView):
    form_class = SignForm
    heading = "Sign the decision"
    done_message = "You have signed decision {decision.reference}."

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("governance.sign_decision"):
            access.refuse(request.user, "sign a decision")
        return super().dispatch(request, *args, **kwargs)

    def act(self, form):
        services.sign_decision(
            self.request.user,
            self.decision,
            declared_interests=form.cleaned_data["declared_interests"],
        )


class DecisionAuthoriseSpendingView(DecisionFormActionView):
    """The CFO's written authority for a new agreement during a s.114(3) prohibition period."""

    form_class = SpendingAuthorisationForm
    heading = "Authorise a new agreement during a prohibition period"
    done_message = (
        "Your authorisation under section 115(6) is recorded on {decision.reference}: it can now "
        "be signed."
    )

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(
            "governance.authorise_new_agreement"
        ):
            access.refuse(request.user, "authorise a new agreement")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.decision.status != DecisionStatus.ADVISED or not self.bars:
            return self.response_class(
                request,
                "governance/decisions/nothing_to_authorise.html",
                {"decision": self.decision},
            )
        return super().get(request, *args, **kwargs)

    @cached_property
    def bars(self):
        return spending.spending_bars(self.decision)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "reports": self.bars}

    def act(self, form):
        spending.authorise_new_agreement(
            self.request.user,
            self.decision,
            report=form.cleaned_data["report"],
            ground=form.cleaned_data["ground"],
            reasons=form.cleaned_data["reasons"],
        )


class DecisionWithdrawView(DecisionFormActionView):
    form_class = WithdrawForm
    heading = "Withdraw the decision"
    done_message = "Decision {decision.reference} has been withdrawn."

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(
            "governance.change_decision"
        ):
            access.refuse(request.user, "withdraw a decision")
        return super().dispatch(request, *args, **kwargs)

    def act(self, form):
        services.withdraw_decision(
            self.request.user, self.decision, reason=form.cleaned_data["reason"]
        )


class DecisionDocumentAddView(DecisionFormActionView):
    form_class = SupportingDocumentForm
    heading = "Add a supporting document"
    done_message = "The document has been added to {decision.reference}."

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(
            "governance.add_supportingdocument"
        ):
            access.refuse(request.user, "add a supporting document")
        return super().dispatch(request, *args, **kwargs)

    def act(self, form):
        services.add_supporting_document(
            self.request.user,
            self.decision,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["upload"],
            is_public=form.cleaned_data["is_public"],
            restriction_reason=form.cleaned_data["restriction_reason"],
        )


class SupportingDocumentView(RoleRequiredMixin, View):
    """A supporting document, for the office (public ones are also on the public register)."""

    roles = OFFICE_ROLES

    def get(self, request, code):
        document = SupportingDocument.objects.select_related("decision").filter(code=code).first()
        if document is None or not access.can(request.user, access.VIEW, document.decision):
            raise Http404
        return serve_document(document)


def serve_document(document: SupportingDocument) -> FileResponse:
    from opcc.uploads import extension_for

    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{document.decision.reference.replace('/', '-')}-{document.pk}"
        f"{extension_for(document.mimetype)}",
        content_type=document.mimetype,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
