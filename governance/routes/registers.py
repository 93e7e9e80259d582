"""URLs of the registers (interests, gifts and hospitality, contracts)."""

from django.urls import path

from governance.views.registers import public, staff

# Staff pages, in the "governance" namespace under /governance/.
urlpatterns = [
    path("registers/interests/", staff.InterestListView.as_view(), name="interests"),
    path("registers/interests/add/", staff.InterestCreateView.as_view(), name="interest_add"),
    path("registers/interests/<int:pk>/", staff.InterestView.as_view(), name="interest"),
    path(
        "registers/interests/<int:pk>/change/",
        staff.InterestUpdateView.as_view(),
        name="interest_change",
    ),
    path("registers/interests/<int:pk>/end/", staff.InterestEndView.as_view(), name="interest_end"),
    path(
        "registers/gifts-and-hospitality/",
        staff.GiftOfferListView.as_view(),
        name="gift_offers",
    ),
    path(
        "registers/gifts-and-hospitality/add/",
        staff.GiftOfferCreateView.as_view(),
        name="gift_offer_add",
    ),
    path(
        "registers/gifts-and-hospitality/<int:pk>/",
        staff.GiftOfferView.as_view(),
        name="gift_offer",
    ),
    path(
        "registers/gifts-and-hospitality/<int:pk>/change/",
        staff.GiftOfferUpdateView.as_view(),
        name="gift_offer_change",
    ),
    path("registers/contracts/", staff.ContractListView.as_view(), name="contracts"),
    path("registers/contracts/add/", staff.ContractCreateView.as_view(), name="contract_add"),
    path("registers/contracts/<uuid:code>/", staff.ContractView.as_view(), name="contract"),
    path(
        "registers/contracts/<uuid:code>/change/",
        staff.ContractUpdateView.as_view(),
        name="contract_change",
    ),
    path(
        "registers/contracts/<uuid:code>/document/",
        staff.ContractDocumentView.as_view(),
        name="contract_document",
    ),
]

# Public pages, at the site root. Each list has CSV and JSON exports at the same path with ".csv"
# and ".json",
# taking the same filters as the page.
public_urlpatterns = [
    path("registers/interests/", public.PublicInterestsView.as_view(), name="registers_interests"),
    path(
        "registers/interests.csv",
        public.PublicInterestsView.as_view(export="csv"),
        name="registers_interests_csv",
    ),
    path(
        "registers/interests.json",
        public.PublicInterestsView.as_view(export="json"),
        name="registers_interests_json",
    ),
    path(
        "registers/gifts-and-hospitality/",
        public.PublicGiftOffersView.as_view(),
        name="registers_gifts",
    ),
    path(
        "registers/gifts-and-hospitality.csv",
        public.PublicGiftOffersView.as_view(export="csv"),
        name="registers_gifts_csv",
    ),
    path(
        "registers/gifts-and-hospitality.json",
        public.PublicGiftOffersView.as_view(export="json"),
        name="registers_gifts_json",
    ),
    path("registers/contracts/", public.PublicContractsView.as_view(), name="registers_contracts"),
    path(
        "registers/contracts.csv",
        public.PublicContractsView.as_view(export="csv"),
        name="registers_contracts_csv",
    ),
    path(
        "registers/contracts.json",
        public.PublicContractsView.as_view(export="json"),
        name="registers_contracts_json",
    ),
    path(
        "registers/contracts/other/",
        public.PublicOtherContractsView.as_view(),
        name="registers_other_contracts",
    ),
    path(
        "registers/contracts/other.csv",
        public.PublicOtherContractsView.as_view(export="csv"),
        name="registers_other_contracts_csv",
    ),
    path(
        "registers/contracts/other.json",
        public.PublicOtherContractsView.as_view(export="json"),
        name="registers_other_contracts_json",
    ),
    path(
        "registers/contracts/<uuid:code>/document/",
        public.PublicContractDocumentView.as_view(),
        name="registers_contract_document",
    ),
]
