"""URLs of Monitoring Officer and s.114 reports."""

from django.urls import path

from governance.views import exports, reports

urlpatterns = [
    path("reports/", reports.ReportListView.as_view(), name="reports"),
    path("reports/new/<slug:kind>/", reports.ReportCreateView.as_view(), name="report_add"),
    path("reports/<uuid:code>/", reports.ReportDetailView.as_view(), name="report"),
    path("reports/<uuid:code>/edit/", reports.ReportEditView.as_view(), name="report_edit"),
    path("reports/<uuid:code>/issue/", reports.ReportIssueView.as_view(), name="report_issue"),
    path(
        "reports/<uuid:code>/consider/",
        reports.ReportConsiderView.as_view(),
        name="report_consider",
    ),
    path(
        "reports/<uuid:code>/publish/",
        reports.ReportPublishRedactedView.as_view(),
        name="report_publish",
    ),
]

# Public pages, at the site root: only ever the redacted versions.
public_urlpatterns = [
    path("statutory-reports/", reports.PublishedReportListView.as_view(), name="reports_published"),
    path(
        "statutory-reports.csv",
        exports.StatutoryReportsExport.as_view(),
        name="reports_published_csv",
    ),
    path(
        "statutory-reports.json",
        exports.StatutoryReportsExport.as_view(format="json"),
        name="reports_published_json",
    ),
    path(
        "statutory-reports/<uuid:code>/",
        reports.PublishedReportView.as_view(),
        name="report_published",
    ),
]
