from django.urls import path

from complaints.routes import panels, reviews
from complaints.views import landing

app_name = "complaints"

urlpatterns = [
    path("", landing.LandingView.as_view(), name="landing"),
    *reviews.urlpatterns,
    *panels.urlpatterns,
]
