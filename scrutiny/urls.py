from django.urls import path

from scrutiny import views

app_name = "scrutiny"

urlpatterns = [
    path("", views.LandingView.as_view(), name="landing"),
]
