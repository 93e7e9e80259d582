from django.urls import path

from custody_visits.routes import findings, reports, scheme, visits
from custody_visits.views import landing

app_name = "custody_visits"

urlpatterns = [
    path("", landing.LandingView.as_view(), name="landing"),
    *scheme.urlpatterns,
    *visits.urlpatterns,
    *findings.urlpatterns,
    *reports.urlpatterns,
]
