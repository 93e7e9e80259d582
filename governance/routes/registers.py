"""URLs of the registers (interests, gifts and hospitality, contracts)."""

from django.urls import path

from governance.views import registers as views

# Staff pages, in the "governance" namespace under /governance/.
urlpatterns = [
    path("registers/interests/", views.InterestListView.as_view(), name="interests"),
    path("registers/interests/add/", views.InterestCreateView.as_view(), name="interest_add"),
    path("registers/interests/<int:pk>/", views.InterestView.as_view(), name="interest"),
    path(
        "registers/interests/<int:pk>/change/",
        views.InterestUpdateView.as_view(),
        name="interest_change",
    ),
    path("registers/interests/<int:pk>/end/", views.InterestEndView.as_view(), name="interest_end"),
    path(
        "registers/gifts-and-hospitality/",
        views.GiftOfferListView.as_view(),
        name="gift_offers",
    ),
    path(
        "registers/gifts-and-hospitality/add/",
        views.GiftOfferCreateView.as_view(),
        name="gift_offer_add",
    ),
    path(
        "registers/gifts-and-hospitality/<int:pk>/",
        views.GiftOfferView.as_view(),
        name="gift_offer",
    ),
    path(
        "registers/gifts-and-hospitality/<int:pk>/change/",
        views.GiftOfferUpdateView.as_view(),
        name="gift_offer_change",
    ),
    path("registers/contracts/", views.ContractListView.as_view(), name="contracts"),
    path("registers/contracts/add/", views.ContractCreateView.as_view(), name="contract_add"),
    path("registers/contracts/<uuid:code>/", views.ContractView.as_view(), name="contract"),
    path(
        "registers/contracts/<uuid:code>/change/",
        views.ContractUpdateView.as_view(),
        name="contract_change",
    ),
    path(
        "registers/contracts/<uuid:code>/document/",
        views.ContractDocumentView.as_view(),
        name="contract_document",
    ),
]

# Public pages, at the site root. Each list has a CSV export at the same path with ".csv",
# taking the same filters as the page.
public_urlpatterns = [
    path("registers/interests/", views.PublicInterestsView.as_view(), name="registers_interests"),
    path(
        "registers/interests.csv",
        views.PublicInterestsView.as_view(export="csv"),
        name="registers_interests_csv",
    ),
    path(
        "registers/gifts-and-hospitality/",
        views.PublicGiftOffersView.as_view(),
        name="registers_gifts",
    ),
    path(
        "registers/gifts-and-hospitality.csv",
        views.PublicGiftOffersView.as_view(export="csv"),
        name="registers_gifts_csv",
    ),
    path("registers/contracts/", views.PublicContractsView.as_view(), name="registers_contracts"),
    path(
        "registers/contracts.csv",
        views.PublicContractsView.as_view(export="csv"),
        name="registers_contracts_csv",
    ),
    path(
        "registers/contracts/other/",
        views.PublicOtherContractsView.as_view(),
        name="registers_other_contracts",
    ),
    path(
        "registers/contracts/other.csv",
        views.PublicOtherContractsView.as_view(export="csv"),
        name="registers_other_contracts_csv",
    ),
    path(
        "registers/contracts/<uuid:code>/document/",
        views.PublicContractDocumentView.as_view(),
        name="registers_contract_document",
    ),
]
