"""URLs of the scrutiny work programme, in the "scrutiny" namespace under /scrutiny/."""

from django.urls import path

from scrutiny.views import forward_plan as views

urlpatterns = [
    path("forward-plan/", views.ForwardPlanView.as_view(), name="forward_plan"),
    path("forward-plan/new/", views.TopicCreateView.as_view(), name="forward_plan_topic_add"),
    path("forward-plan/<int:pk>/", views.TopicView.as_view(), name="forward_plan_topic"),
    path(
        "forward-plan/<int:pk>/edit/",
        views.TopicEditView.as_view(),
        name="forward_plan_topic_edit",
    ),
    path("horizon-scanning/", views.HorizonScanView.as_view(), name="horizon_scan"),
    path(
        "horizon-scanning/new/",
        views.HorizonScanCreateView.as_view(),
        name="horizon_scan_add",
    ),
    path(
        "horizon-scanning/<int:pk>/topic/",
        views.TopicFromScanView.as_view(),
        name="horizon_scan_topic",
    ),
]
