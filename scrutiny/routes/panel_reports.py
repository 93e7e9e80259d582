"""URLs of the quarterly reports to the panel, in the "scrutiny" namespace under /scrutiny/."""

from django.urls import path

from scrutiny.views import panel_reports as views

urlpatterns = [
    path("panel-reports/", views.PanelReportListView.as_view(), name="panel_reports"),
    path("panel-reports/new/", views.PanelReportCreateView.as_view(), name="panel_report_add"),
    path("panel-reports/<uuid:code>/", views.PanelReportDetailView.as_view(), name="panel_report"),
    path(
        "panel-reports/<uuid:code>/introduction/",
        views.IntroductionView.as_view(),
        name="panel_report_introduction",
    ),
    path(
        "panel-reports/<uuid:code>/generate/",
        views.GenerateReportView.as_view(),
        name="panel_report_generate",
    ),
    path(
        "panel-reports/<uuid:code>/send/",
        views.SendReportView.as_view(),
        name="panel_report_send",
    ),
]
