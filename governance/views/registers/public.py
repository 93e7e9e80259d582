"""The public pages of the registers, under /registers/, each with a CSV export of its rows."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from governance.forms.registers.filters import InterestFilter, PublicContractFilter
from governance.forms.registers.financial_years import (
    financial_year_dates,
    financial_year_label,
    financial_year_of,
    gift_offer_years,
)
from governance.views.registers.records import (
    TEMPLATES,
    contracts_listed_in_full,
    download,
    gift_offers,
    interests,
    other_contracts,
)
from opcc.csv_export import csv_response, json_response
from opcc.pagination import paginate


class PublicRegisterView(TemplateView):
    """A public register page; with ``export="csv"`` or ``"json"`` the same rows (all pages) as
    a file."""

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
        if self.export == "json":
            return json_response(
                self.csv_header,
                (self.csv_row(r) for r in records.iterator()),
                filters=context.get("query", ""),
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
