from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from opcc.page_cache import personal_page, public_page
from opcc.views import (
    account,
    alerts,
    documents,
    history,
    open_data,
    outbox,
    pages,
    panel_area,
    people,
    search,
    transparency,
)

# The admin is for technical administrators and, like the rest, needs a verified second factor.
admin.site.__class__ = OTPAdminSite

handler400 = "opcc.views.errors.bad_request"
handler403 = "opcc.views.errors.permission_denied"
handler404 = "opcc.views.errors.page_not_found"

account_patterns = [
    path("sign-in/", account.SignInView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", account.TwoFactorVerifyView.as_view(), name="two_factor_verify"),
    path("two-factor/set-up/", account.TwoFactorSetupView.as_view(), name="two_factor_setup"),
    path("password/reset/", account.ResetPasswordView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="registration/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        account.ResetPasswordConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("password/change/", account.ChangePasswordView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="registration/password_change_done.html"
        ),
        name="password_change_done",
    ),
]

urlpatterns = [
    path("", public_page(pages.HomeView.as_view()), name="home"),
    path("my-work/", personal_page(pages.DashboardView.as_view()), name="dashboard"),
    path("transparency/", public_page(pages.TransparencyHubView.as_view()), name="transparency"),
    path("transparency/publish/", transparency.ManageView.as_view(), name="transparency_manage"),
    path("transparency/feed/", open_data.PublicationsFeed(), name="transparency_feed"),
    path(
        "transparency/documents.csv",
        open_data.PublicationsCsvView.as_view(),
        name="transparency_documents_csv",
    ),
    path(
        "transparency/documents.json",
        open_data.PublicationsJsonView.as_view(),
        name="transparency_documents_json",
    ),
    path(
        "transparency/publish/new/",
        transparency.PublishView.as_view(),
        name="transparency_publish",
    ),
    path(
        "transparency/publish/<uuid:code>/withdraw/",
        transparency.WithdrawView.as_view(),
        name="transparency_withdraw",
    ),
    path(
        "transparency/documents/<uuid:code>/",
        transparency.DocumentView.as_view(),
        name="transparency_document",
    ),
    path(
        "transparency/<slug:category>/",
        transparency.CategoryView.as_view(),
        name="transparency_category",
    ),
    path("accessibility/", pages.AccessibilityView.as_view(), name="accessibility"),
    path("privacy/", pages.PrivacyView.as_view(), name="privacy"),
    path("account/", include(account_patterns)),
    path(
        "history/<slug:app_label>/<slug:model_name>/<str:pk>/",
        history.RecordHistoryView.as_view(),
        name="record_history",
    ),
    path(
        "history/<slug:app_label>/<slug:model_name>/<str:pk>/pdf/",
        history.RecordHistoryPdfView.as_view(),
        name="record_history_pdf",
    ),
    path("documents/<uuid:code>/", documents.DocumentView.as_view(), name="document"),
    path(
        "documents/<uuid:code>/status/",
        documents.DocumentStatusView.as_view(),
        name="document_status",
    ),
    path(
        "documents/<uuid:code>/download/",
        documents.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path(
        "documents/<uuid:code>/retry/", documents.DocumentRetryView.as_view(), name="document_retry"
    ),
    path("notifications/", outbox.OutboxView.as_view(), name="outbox"),
    path("notifications/<uuid:code>/retry/", outbox.OutboxRetryView.as_view(), name="outbox_retry"),
    path("people/", people.PeopleView.as_view(), name="people"),
    path("panel/", panel_area.PanelAreaView.as_view(), name="panel_area"),
    path("search/", public_page(search.SearchView.as_view()), name="search"),
    path("open-data/", public_page(open_data.OpenDataView.as_view()), name="open_data"),
    path("alerts/", alerts.SubscribeView.as_view(), name="alerts_subscribe"),
    path("alerts/check-your-email/", alerts.CheckEmailView.as_view(), name="alerts_check_email"),
    path("alerts/confirm/<uuid:code>/", alerts.ConfirmView.as_view(), name="alerts_confirm"),
    path("alerts/stop/<uuid:code>/", alerts.UnsubscribeView.as_view(), name="alerts_unsubscribe"),
    path("governance/", include("governance.urls")),
    path("", include("governance.public_urls")),
    path("", include("complaints.public_urls")),
    path("complaints/", include("complaints.urls")),
    path("scrutiny/", include("scrutiny.urls")),
    path("", include("scrutiny.public_urls")),
    path("custody-visits/", include("custody_visits.urls")),
    path("custody-visiting/", include("custody_visits.public_urls")),
    path("admin/", admin.site.urls),
]
