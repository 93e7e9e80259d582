"""URLs of the scheme of delegation."""

from django.urls import path

from governance.views import delegation, exports
from opcc.page_cache import public_page

urlpatterns = [
    path("delegation/", delegation.SchemeOfDelegationView.as_view(), name="delegation"),
    path("delegation/new/", delegation.DecisionCategoryFormView.as_view(), name="delegation_add"),
    path(
        "delegation/<slug:slug>/edit/",
        delegation.DecisionCategoryFormView.as_view(),
        name="delegation_edit",
    ),
]

# Public pages, at the site root.
public_urlpatterns = [
    path(
        "scheme-of-delegation/",
        public_page(delegation.PublicSchemeOfDelegationView.as_view()),
        name="scheme_of_delegation",
    ),
    path(
        "scheme-of-delegation.csv",
        exports.SchemeOfDelegationExport.as_view(),
        name="scheme_of_delegation_csv",
    ),
    path(
        "scheme-of-delegation.json",
        exports.SchemeOfDelegationExport.as_view(format="json"),
        name="scheme_of_delegation_json",
    ),
]
