"""URLs of decisions and the public register."""

from django.urls import path

from governance.views import annual, decisions, exports, forward_plan, public_decisions
from opcc.page_cache import public_page

urlpatterns = [
    path("decisions/", decisions.DecisionListView.as_view(), name="decisions"),
    path("decisions/new/", decisions.DecisionCreateView.as_view(), name="decision_add"),
    path("decisions/<uuid:code>/", decisions.DecisionDetailView.as_view(), name="decision"),
    path("decisions/<uuid:code>/edit/", decisions.DecisionEditView.as_view(), name="decision_edit"),
    path(
        "decisions/<uuid:code>/submit/",
        decisions.DecisionSubmitView.as_view(),
        name="decision_submit",
    ),
    path(
        "decisions/<uuid:code>/advice/<slug:kind>/",
        decisions.DecisionAdviceView.as_view(),
        name="decision_advice",
    ),
    path("decisions/<uuid:code>/sign/", decisions.DecisionSignView.as_view(), name="decision_sign"),
    path(
        "decisions/<uuid:code>/publish/",
        decisions.DecisionPublishView.as_view(),
        name="decision_publish",
    ),
    path(
        "decisions/<uuid:code>/authorise-spending/",
        decisions.DecisionAuthoriseSpendingView.as_view(),
        name="decision_authorise_spending",
    ),
    path(
        "decisions/<uuid:code>/withdraw/",
        decisions.DecisionWithdrawView.as_view(),
        name="decision_withdraw",
    ),
    path(
        "decisions/<uuid:code>/documents/add/",
        decisions.DecisionDocumentAddView.as_view(),
        name="decision_document_add",
    ),
    path(
        "decisions/documents/<uuid:code>/",
        decisions.SupportingDocumentView.as_view(),
        name="decision_document",
    ),
    path("forward-plan/", forward_plan.ForwardPlanView.as_view(), name="forward_plan"),
    path(
        "forward-plan/new/",
        forward_plan.ForwardPlanItemFormView.as_view(),
        name="forward_plan_add",
    ),
    path(
        "forward-plan/<int:pk>/",
        forward_plan.ForwardPlanItemFormView.as_view(),
        name="forward_plan_edit",
    ),
    path("annual-reports/", annual.AnnualReportListView.as_view(), name="annual_reports"),
    path(
        "annual-reports/<int:year>/publish/",
        annual.AnnualReportPublishView.as_view(),
        name="annual_report_publish",
    ),
]

# Public pages, at the site root.
public_urlpatterns = [
    path(
        "decisions/",
        public_page(public_decisions.DecisionRegisterView.as_view()),
        name="decision_register",
    ),
    path(
        "decisions.csv",
        public_decisions.DecisionRegisterCsvView.as_view(),
        name="decision_register_csv",
    ),
    path(
        "decisions.json",
        public_decisions.DecisionRegisterJsonView.as_view(),
        name="decision_register_json",
    ),
    path("decisions/feed/", public_decisions.DecisionFeed(), name="decision_feed"),
    path(
        "decisions/<int:year>/<int:number>/",
        public_page(public_decisions.DecisionPublicView.as_view()),
        name="decision_public",
    ),
    path(
        "decisions/<int:year>/<int:number>/notice.pdf",
        public_decisions.DecisionNoticeView.as_view(),
        name="decision_notice",
    ),
    path(
        "decisions/documents/<uuid:code>/",
        public_decisions.PublicSupportingDocumentView.as_view(),
        name="decision_public_document",
    ),
    path(
        "forward-plan/",
        public_page(forward_plan.PublicForwardPlanView.as_view()),
        name="forward_plan_public",
    ),
    path("forward-plan.csv", exports.ForwardPlanExport.as_view(), name="forward_plan_public_csv"),
    path(
        "forward-plan.json",
        exports.ForwardPlanExport.as_view(format="json"),
        name="forward_plan_public_json",
    ),
    path(
        "annual-reports.csv",
        exports.AnnualReportsExport.as_view(),
        name="annual_reports_public_csv",
    ),
    path(
        "annual-reports.json",
        exports.AnnualReportsExport.as_view(format="json"),
        name="annual_reports_public_json",
    ),
    path(
        "annual-reports/", annual.PublishedAnnualReportsView.as_view(), name="annual_reports_public"
    ),
    path(
        "annual-reports/<int:year>.pdf",
        annual.PublishedAnnualReportPdfView.as_view(),
        name="annual_report_pdf",
    ),
]
