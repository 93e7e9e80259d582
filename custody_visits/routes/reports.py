"""URLs of the scheme's quarterly and annual reports."""

from django.urls import path

from custody_visits.views import reports

urlpatterns = [
    path("reports/", reports.ReportsView.as_view(), name="reports"),
    path("reports/period/", reports.ReportPeriodView.as_view(), name="report_period"),
    path(
        "reports/<uuid:code>/publish/",
        reports.ReportPublishView.as_view(),
        name="report_publish",
    ),
]

# Public pages, under /custody-visiting/ (custody_visits/public_urls.py): published reports only.
public_urlpatterns = [
    path("reports/", reports.PublishedReportsView.as_view(), name="custody_visiting_reports"),
    path(
        "reports.csv",
        reports.PublishedReportsCsvView.as_view(),
        name="custody_visiting_reports_csv",
    ),
    path(
        "reports.json",
        reports.PublishedReportsJsonView.as_view(),
        name="custody_visiting_reports_json",
    ),
    path(
        "reports/<uuid:code>/pdf/",
        reports.PublishedReportPdfView.as_view(),
        name="custody_visiting_report_pdf",
    ),
]
