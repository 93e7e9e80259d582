"""The office's pages of the registers, under /governance/registers/: each register's list, a
record's page, and the forms that add or correct a record."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from governance.forms.registers.entries import (
    ContractForm,
    EndInterestForm,
    GiftOfferForm,
    InterestEntryForm,
)
from governance.forms.registers.filters import ContractFilter, GiftOfferFilter, InterestFilter
from governance.models import CONTRACT_DETAIL_THRESHOLD, Contract
from governance.services import registers as services
from governance.views.registers.records import TEMPLATES, download, gift_offers, interests
from opcc import access
from opcc.access import PermissionRequiredMixin
from opcc.pagination import paginate
from opcc.views.forms import BadRequestOnInvalidForm


def add_service_errors(form, error: ValidationError) -> None:
    """A service's refusal, shown next to the fields it names (or above the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else NON_FIELD_ERRORS, messages_)


class RegisterListView(PermissionRequiredMixin, TemplateView):
    filterset_class = None

    def queryset(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        filterset = self.filterset_class(self.request.GET or None, queryset=self.queryset())
        return {
            **super().get_context_data(**kwargs),
            "filter": filterset,
            "page": paginate(self.request, filterset.qs),
            "query": filterset.query,
        }


class RecordView(PermissionRequiredMixin, TemplateView):
    """One record of a register, with what may be done to it and a link to its history."""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "record": self.find_record(access.VIEW)}


class RegisterFormView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    """Add or correct a record: the form checks the answers, a service makes the change."""

    template_name = f"{TEMPLATES}/entry_form.html"
    heading = ""
    caption = ""
    success_message = ""

    def introduction(self) -> str:
        return ""

    @cached_property
    def record(self):
        """The record being corrected, or None when one is being added."""
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.record is not None:
            kwargs["instance"] = self.record
        return kwargs

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": self.heading,
            "caption": self.caption,
            "introduction": self.introduction(),
            "record": self.record,
            "cancel_url": self.cancel_url(),
        }

    def form_valid(self, form):
        try:
            record = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.success_url_for(record))

    def save(self, form):
        raise NotImplementedError

    def cancel_url(self) -> str:
        return self.success_url_for(self.record)

    def success_url_for(self, record) -> str:
        raise NotImplementedError


class CorrectionMixin:
    """For a form that corrects a record: the record, fetched for changing, and its version."""

    @cached_property
    def record(self):
        return self.find_record(access.CHANGE)

    def seen_version(self, form):
        return form.cleaned_data.get("version")


# Register of interests


class InterestLookup:
    def find_record(self, action):
        return access.object_for(self.request.user, interests(), action, pk=self.kwargs["pk"])

    def success_url_for(self, record):
        return reverse("governance:interest", args=[record.pk])


class InterestListView(RegisterListView):
    permission = "governance.view_interestentry"
    template_name = f"{TEMPLATES}/interests.html"
    filterset_class = InterestFilter

    def queryset(self):
        return interests()


class InterestView(InterestLookup, RecordView):
    permission = "governance.view_interestentry"
    template_name = f"{TEMPLATES}/interest.html"


class InterestCreateView(InterestLookup, RegisterFormView):
    permission = "governance.add_interestentry"
    form_class = InterestEntryForm
    heading = "Record an interest"
    caption = "Register of interests"
    success_message = "The interest has been added to the register."

    def cancel_url(self):
        return reverse("governance:interests")

    def save(self, form):
        return services.record_interest(self.request.user, **form.changes())


class InterestUpdateView(InterestLookup, CorrectionMixin, RegisterFormView):
    permission = "governance.change_interestentry"
    form_class = InterestEntryForm
    heading = "Correct an interest"
    caption = "Register of interests"
    success_message = "The interest has been corrected."

    def save(self, form):
        return services.update_interest(
            self.request.user, self.record, seen_version=self.seen_version(form), **form.changes()
        )


class InterestEndView(InterestLookup, CorrectionMixin, RegisterFormView):
    permission = "governance.change_interestentry"
    form_class = EndInterestForm
    heading = "End this interest"
    caption = "Register of interests"
    success_message = "The interest has been ended. It stays on the register with its dates."

    def introduction(self):
        return (
            f"{self.record.person.full_name}: {self.record.description}. The entry stays on the "
            "register, marked as ended on the date you give."
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def get(self, request, *args, **kwargs):
        if self.record.ended_on:
            messages.info(
                request, f"This interest already ended on {self.record.ended_on:%-d %B %Y}."
            )
            return redirect(self.success_url_for(self.record))
        return super().get(request, *args, **kwargs)

    def save(self, form):
        return services.end_interest(self.request.user, self.record, form.cleaned_data["ended_on"])


# Gifts and hospitality


class GiftOfferLookup:
    def find_record(self, action):
        return access.object_for(self.request.user, gift_offers(), action, pk=self.kwargs["pk"])

    def success_url_for(self, record):
        return reverse("governance:gift_offer", args=[record.pk])


class GiftOfferListView(RegisterListView):
    permission = "governance.view_giftoffer"
    template_name = f"{TEMPLATES}/gift_offers.html"
    filterset_class = GiftOfferFilter

    def queryset(self):
        return gift_offers()


class GiftOfferView(GiftOfferLookup, RecordView):
    permission = "governance.view_giftoffer"
    template_name = f"{TEMPLATES}/gift_offer.html"


class GiftOfferCreateView(GiftOfferLookup, RegisterFormView):
    permission = "governance.add_giftoffer"
    form_class = GiftOfferForm
    heading = "Record a gift or hospitality offer"
    caption = "Gifts and hospitality"
    success_message = "The offer has been added to the register."

    def cancel_url(self):
        return reverse("governance:gift_offers")

    def save(self, form):
        return services.record_gift_offer(self.request.user, **form.changes())


class GiftOfferUpdateView(GiftOfferLookup, CorrectionMixin, RegisterFormView):
    permission = "governance.change_giftoffer"
    form_class = GiftOfferForm
    heading = "Correct a gift or hospitality offer"
    caption = "Gifts and hospitality"
    success_message = "The offer has been corrected."

    def save(self, form):
        return services.update_gift_offer(
            self.request.user, self.record, seen_version=self.seen_version(form), **form.changes()
        )


# Contracts


class ContractLookup:
    def find_record(self, action):
        return access.object_for(
            self.request.user, Contract.objects.all(), action, code=self.kwargs["code"]
        )

    def success_url_for(self, record):
        return reverse("governance:contract", args=[record.code])


class ContractListView(RegisterListView):
    permission = "governance.view_contract"
    template_name = f"{TEMPLATES}/contracts.html"
    filterset_class = ContractFilter

    def queryset(self):
        return Contract.objects.all()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "threshold": CONTRACT_DETAIL_THRESHOLD}


class ContractView(ContractLookup, RecordView):
    permission = "governance.view_contract"
    template_name = f"{TEMPLATES}/contract.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "threshold": CONTRACT_DETAIL_THRESHOLD}


class ContractCreateView(ContractLookup, RegisterFormView):
    permission = "governance.add_contract"
    form_class = ContractForm
    heading = "Record a contract"
    caption = "Contracts"
    success_message = "The contract has been added to the register."

    def cancel_url(self):
        return reverse("governance:contracts")

    def save(self, form):
        return services.record_contract(self.request.user, **form.changes())


class ContractUpdateView(ContractLookup, CorrectionMixin, RegisterFormView):
    permission = "governance.change_contract"
    form_class = ContractForm
    heading = "Correct a contract"
    caption = "Contracts"
    success_message = "The contract has been corrected."

    def save(self, form):
        return services.update_contract(
            self.request.user, self.record, seen_version=self.seen_version(form), **form.changes()
        )


class ContractDocumentView(ContractLookup, PermissionRequiredMixin, View):
    """The document of any contract, for the office."""

    permission = "governance.view_contract"

    def get(self, request, code):
        return download(self.find_record(access.VIEW))
