"""Pages of the registers: the office's lists and forms under /governance/registers/, and the
public pages and CSV exports under /registers/.

Every change is made by governance.services.registers; these views parse, call and render.
"""

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.views import View
from django.views.generic import FormView, TemplateView

from governance.csv_export import csv_response
from governance.forms.registers import (
    ContractFilter,
    ContractForm,
    EndInterestForm,
    GiftOfferFilter,
    GiftOfferForm,
    InterestEntryForm,
    InterestFilter,
    PublicContractFilter,
    financial_year_dates,
    financial_year_label,
    financial_year_of,
    gift_offer_years,
)
from governance.models import CONTRACT_DETAIL_THRESHOLD, Contract, GiftOffer, InterestEntry
from governance.services import registers as services
from opcc import access
from opcc.access import PermissionRequiredMixin
from opcc.pagination import paginate

TEMPLATES = "governance/registers"


def interests():
    return InterestEntry.objects.select_related("person")


def gift_offers():
    return GiftOffer.objects.select_related("recipient")


def contracts_listed_in_full():
    return Contract.objects.filter(value__gt=CONTRACT_DETAIL_THRESHOLD)


def other_contracts():
    return Contract.objects.filter(value__lte=CONTRACT_DETAIL_THRESHOLD)


def download(contract: Contract) -> FileResponse:
    """The contract's document from private storage, named after the contract."""
    if not contract.document:
        raise Http404
    extension = PurePath(contract.document.name).suffix.lower()
    try:
        file = contract.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        file,
        as_attachment=True,
        filename=f"{slugify(contract.title)[:80] or 'contract'}{extension}",
        content_type=services.CONTRACT_DOCUMENT_TYPES.get(extension, "application/octet-stream"),
    )


def add_service_errors(form, error: ValidationError) -> None:
    """A service's refusal, shown next to the fields it names (or above the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else NON_FIELD_ERRORS, messages_)


# --- The office's pages ----------------------------------------------------------------------


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


class RegisterFormView(PermissionRequiredMixin, FormView):
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


# --- Public pages ----------------------------------------------------------------------------


class PublicRegisterView(TemplateView):
    """A public register page; with ``export="csv"`` the same rows (all pages) as a CSV file."""

    export = ""
    filterset_class = None
    csv_filename = ""
    csv_header: tuple[str, ...] = ()

    def queryset(self):
        raise NotImplementedError

    def csv_row(self, record) -> tuple:
        raise NotImplementedError

    def rows(self):
        """The records shown, after the filters, and the filters' context."""
        filterset = self.filterset_class(self.request.GET or None, queryset=self.queryset())
        return filterset.qs, {"filter": filterset, "query": filterset.query}

    def get(self, request, *args, **kwargs):
        records, context = self.rows()
        if self.export == "csv":
            return csv_response(
                self.csv_filename, self.csv_header, (self.csv_row(r) for r in records.iterator())
            )
        context = {
            **self.get_context_data(**kwargs),
            **context,
            "page": paginate(request, records),
            "csv_header": self.csv_header,
        }
        return self.render_to_response(context)


class PublicInterestsView(PublicRegisterView):
    template_name = f"{TEMPLATES}/public_interests.html"
    filterset_class = InterestFilter
    csv_filename = "register-of-interests.csv"
    csv_header = (
        "person_name",
        "person_role",
        "category",
        "description",
        "registered_on",
        "ended_on",
    )

    def queryset(self):
        return interests()

    def csv_row(self, entry):
        return (
            entry.person.full_name,
            entry.person.get_role_display(),
            entry.get_category_display(),
            entry.description,
            entry.registered_on,
            entry.ended_on,
        )


class PublicGiftOffersView(PublicRegisterView):
    """Offers of one financial year (the current one unless ?year= says otherwise)."""

    template_name = f"{TEMPLATES}/public_gift_offers.html"
    csv_header = (
        "offered_on",
        "financial_year",
        "recipient_name",
        "recipient_role",
        "offered_by",
        "description",
        "estimated_value",
        "outcome",
        "reason",
    )

    def year(self) -> int:
        current = financial_year_of(timezone.localdate())
        try:
            year = int(self.request.GET.get("year", current))
        except ValueError:
            return current
        return year if 2000 <= year <= current + 1 else current

    def rows(self):
        year = self.year()
        first, last = financial_year_dates(year)
        self.csv_filename = f"gifts-and-hospitality-{year}-{year + 1}.csv"
        years = gift_offer_years()
        if year not in years:
            years = sorted([*years, year], reverse=True)
        return gift_offers().filter(offered_on__range=(first, last)), {
            "year": year,
            "year_label": financial_year_label(year),
            "years": [(other, financial_year_label(other)) for other in years],
            "query": f"year={year}",
        }

    def csv_row(self, offer):
        return (
            offer.offered_on,
            financial_year_label(offer.financial_year),
            offer.recipient.full_name,
            offer.recipient.get_role_display(),
            offer.offered_by,
            offer.description,
            offer.estimated_value,
            "accepted" if offer.accepted else "declined",
            offer.reason,
        )


class PublicContractsView(PublicRegisterView):
    """Contracts over £10,000, each with its document to download."""

    template_name = f"{TEMPLATES}/public_contracts.html"
    filterset_class = PublicContractFilter
    csv_filename = "contracts-over-10000.csv"
    csv_header = (
        "title",
        "supplier",
        "value",
        "starts_on",
        "ends_on",
        "procurement_route",
        "document_url",
    )

    def queryset(self):
        return contracts_listed_in_full()

    def csv_row(self, contract):
        document_url = ""
        if contract.document:
            document_url = self.request.build_absolute_uri(
                reverse("registers_contract_document", args=[contract.code])
            )
        return (
            contract.title,
            contract.supplier,
            contract.value,
            contract.starts_on,
            contract.ends_on,
            contract.get_procurement_route_display(),
            document_url,
        )


class PublicOtherContractsView(PublicRegisterView):
    """Contracts of £10,000 or less: a list, without documents."""

    template_name = f"{TEMPLATES}/public_other_contracts.html"
    filterset_class = PublicContractFilter
    csv_filename = "contracts-10000-or-less.csv"
    csv_header = ("title", "supplier", "value", "starts_on", "ends_on", "procurement_route")

    def queryset(self):
        return other_contracts()

    def csv_row(self, contract):
        return (
            contract.title,
            contract.supplier,
            contract.value,
            contract.starts_on,
            contract.ends_on,
            contract.get_procurement_route_display(),
        )


class PublicContractDocumentView(View):
    """The document of a contract published in full; any other contract's document is 404."""

    def get(self, request, code):
        contract = contracts_listed_in_full().filter(code=code).first()
        if contract is None:
            raise Http404
        return download(contract)
