"""URLs of HMICFRS reports and responses, in the "scrutiny" namespace under /scrutiny/."""

from django.urls import path

from scrutiny.views import inspections as views
from scrutiny.views import inspections_public as public

urlpatterns = [
    path("inspections/", views.InspectionListView.as_view(), name="inspections"),
    path("inspections/new/", views.InspectionCreateView.as_view(), name="inspection_add"),
    path("inspections/<uuid:code>/", views.InspectionDetailView.as_view(), name="inspection"),
    path(
        "inspections/<uuid:code>/request-comments/",
        views.RequestCommentsView.as_view(),
        name="inspection_request_comments",
    ),
    path(
        "inspections/<uuid:code>/comments/",
        views.CommentsView.as_view(),
        name="inspection_comments",
    ),
    path(
        "inspections/<uuid:code>/response/",
        views.ResponseIntroductionView.as_view(),
        name="inspection_response",
    ),
    path(
        "inspections/<uuid:code>/items/<int:pk>/",
        views.ItemResponseView.as_view(),
        name="inspection_item",
    ),
    path(
        "inspections/<uuid:code>/publish/",
        views.PublishResponseView.as_view(),
        name="inspection_publish",
    ),
    path("inspections/<uuid:code>/sent/", views.RecordSentView.as_view(), name="inspection_sent"),
    # Public pages (transparency hub: "HMICFRS reports and responses").
    path("hmicfrs/", public.PublicInspectionsView.as_view(), name="hmicfrs_public"),
    path(
        "hmicfrs/export.csv",
        public.PublicInspectionsCsvView.as_view(),
        name="hmicfrs_public_csv",
    ),
    path(
        "hmicfrs/export.json",
        public.PublicInspectionsJsonView.as_view(),
        name="hmicfrs_public_json",
    ),
    path(
        "hmicfrs/<uuid:code>/",
        public.PublicResponseView.as_view(),
        name="hmicfrs_response_public",
    ),
    path(
        "hmicfrs/<uuid:code>/response.pdf",
        public.PublicResponsePdfView.as_view(),
        name="hmicfrs_response_pdf",
    ),
]
