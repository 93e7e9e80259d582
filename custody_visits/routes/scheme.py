"""URLs of the scheme's standing records: custody suites and visitors."""

from django.urls import path

from custody_visits.views import scheme

urlpatterns = [
    path("suites/", scheme.SuiteListView.as_view(), name="suites"),
    path("suites/add/", scheme.SuiteAddView.as_view(), name="suite_add"),
    path("suites/<int:pk>/", scheme.SuiteChangeView.as_view(), name="suite_change"),
    path("visitors/", scheme.VisitorListView.as_view(), name="visitors"),
    path("visitors/add/", scheme.VisitorAddView.as_view(), name="visitor_add"),
    path("visitors/<int:pk>/", scheme.VisitorChangeView.as_view(), name="visitor_change"),
]
