"""URLs of the rota, visits and their reports."""

from django.urls import path

from custody_visits.views import rota, visit_report, visits

report = visit_report

urlpatterns = [
    path("rota/", rota.RotaView.as_view(), name="rota"),
    path("rota/plan/", rota.PlanVisitView.as_view(), name="visit_plan"),
    path("my-visits/", rota.MyVisitsView.as_view(), name="my_visits"),
    path("visits/", visits.VisitReportListView.as_view(), name="visit_reports"),
    path("visits/<uuid:code>/", visits.VisitDetailView.as_view(), name="visit"),
    path("visits/<uuid:code>/change/", rota.ChangeVisitView.as_view(), name="visit_change"),
    path("visits/<uuid:code>/cancel/", rota.CancelVisitView.as_view(), name="visit_cancel"),
    path("visits/<uuid:code>/return/", visits.ReturnReportView.as_view(), name="visit_return"),
    path("visits/<uuid:code>/confirm/", visits.ConfirmReportView.as_view(), name="visit_confirm"),
    path(
        "visits/<uuid:code>/send-back/", visits.SendBackReportView.as_view(), name="visit_send_back"
    ),
    path("visits/<uuid:code>/review/", visits.ReviewReportView.as_view(), name="visit_review"),
    path(
        "visits/<uuid:code>/report/details/",
        report.DetailsStepView.as_view(),
        name="report_details",
    ),
    path("visits/<uuid:code>/report/delay/", report.DelayStepView.as_view(), name="report_delay"),
    path(
        "visits/<uuid:code>/report/conditions/",
        report.ConditionsStepView.as_view(),
        name="report_conditions",
    ),
    path(
        "visits/<uuid:code>/report/detainees/",
        report.DetaineesView.as_view(),
        name="report_detainees",
    ),
    path(
        "visits/<uuid:code>/report/detainees/add/",
        report.DetaineeFormView.as_view(),
        name="report_detainee_add",
    ),
    path(
        "visits/<uuid:code>/report/detainees/<int:pk>/",
        report.DetaineeFormView.as_view(),
        name="report_detainee_change",
    ),
    path(
        "visits/<uuid:code>/report/detainees/<int:pk>/remove/",
        report.RemoveDetaineeView.as_view(),
        name="report_detainee_remove",
    ),
    path(
        "visits/<uuid:code>/report/findings/",
        report.FindingsView.as_view(),
        name="report_findings",
    ),
    path(
        "visits/<uuid:code>/report/findings/add/",
        report.FindingFormView.as_view(),
        name="report_finding_add",
    ),
    path(
        "visits/<uuid:code>/report/findings/<int:pk>/",
        report.FindingFormView.as_view(),
        name="report_finding_change",
    ),
    path(
        "visits/<uuid:code>/report/findings/<int:pk>/remove/",
        report.RemoveFindingView.as_view(),
        name="report_finding_remove",
    ),
    path(
        "visits/<uuid:code>/report/check/", report.CheckAnswersView.as_view(), name="report_check"
    ),
]
