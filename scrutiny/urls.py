from django.urls import path

from scrutiny.routes import actions, forward_plan, inspections, meetings, panel_reports, plan
from scrutiny.views import landing

app_name = "scrutiny"

urlpatterns = [
    path("", landing.LandingView.as_view(), name="landing"),
    *meetings.urlpatterns,
    *actions.urlpatterns,
    *forward_plan.urlpatterns,
    *inspections.urlpatterns,
    *plan.urlpatterns,
    *panel_reports.urlpatterns,
]
