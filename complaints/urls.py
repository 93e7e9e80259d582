from django.urls import path

from complaints.routes import complaints, concerns, panels, personal_data, reviews
from complaints.views import landing

app_name = "complaints"

urlpatterns = [
    path("", landing.LandingView.as_view(), name="landing"),
    *reviews.urlpatterns,
    *panels.urlpatterns,
    *complaints.urlpatterns,
    *concerns.urlpatterns,
    *personal_data.urlpatterns,
]
