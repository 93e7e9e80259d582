"""URLs of findings and their follow-up."""

from django.urls import path

from custody_visits.views import findings

urlpatterns = [
    path("findings/", findings.FindingListView.as_view(), name="findings"),
    path("findings/<uuid:code>/", findings.FindingDetailView.as_view(), name="finding"),
    path("findings/<uuid:code>/raise/", findings.RaiseFindingView.as_view(), name="finding_raise"),
    path(
        "findings/<uuid:code>/response/",
        findings.ForceResponseView.as_view(),
        name="finding_response",
    ),
    path("findings/<uuid:code>/close/", findings.CloseFindingView.as_view(), name="finding_close"),
]
