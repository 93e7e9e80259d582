from django.urls import path

from custody_visits import views

app_name = "custody_visits"

urlpatterns = [
    path("", views.LandingView.as_view(), name="landing"),
]
