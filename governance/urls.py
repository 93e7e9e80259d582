from django.urls import path

from governance.routes import decisions, delegation, protocol, registers, reports
from governance.views import landing

app_name = "governance"

urlpatterns = [
    path("", landing.LandingView.as_view(), name="landing"),
    *decisions.urlpatterns,
    *delegation.urlpatterns,
    *reports.urlpatterns,
    *registers.urlpatterns,
    *protocol.urlpatterns,
]
