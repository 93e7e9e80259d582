"""URLs of the reviews part of complaints."""

from django.urls import path

from complaints.views import reviews_public, reviews_staff

# Staff pages, in the "complaints" namespace under /complaints/.
urlpatterns = [
    path("reviews/", reviews_staff.ReviewListView.as_view(), name="reviews"),
    path("reviews/new/", reviews_staff.RecordReviewRequestView.as_view(), name="review_add"),
    path(
        "reviews/upheld-themes/",
        reviews_staff.UpheldThemesView.as_view(),
        name="review_upheld_themes",
    ),
    path("reviews/<uuid:code>/", reviews_staff.ReviewDetailView.as_view(), name="review"),
    path(
        "reviews/<uuid:code>/route-to-iopc/",
        reviews_staff.RouteToIopcView.as_view(),
        name="review_route_to_iopc",
    ),
    path(
        "reviews/<uuid:code>/accept-late/",
        reviews_staff.AcceptLateRequestView.as_view(),
        name="review_accept_late",
    ),
    path(
        "reviews/<uuid:code>/assign/",
        reviews_staff.AssignReviewerView.as_view(),
        name="review_assign",
    ),
    path(
        "reviews/<uuid:code>/decide/",
        reviews_staff.DecideReviewView.as_view(),
        name="review_decide",
    ),
    path(
        "reviews/<uuid:code>/recommendations/<int:pk>/response/",
        reviews_staff.ForceResponseView.as_view(),
        name="review_force_response",
    ),
    path(
        "reviews/<uuid:code>/close/",
        reviews_staff.CloseReviewView.as_view(),
        name="review_close",
    ),
]

# Public pages, at the site root.
public_urlpatterns = [
    path(
        "complaints/review/",
        reviews_public.ReviewRequestStartView.as_view(),
        name="complaint_review_request",
    ),
    path(
        "complaints/review/sent/",
        reviews_public.ReviewRequestSentView.as_view(),
        name="complaint_review_request_sent",
    ),
    path(
        "complaints/review/<slug:step>/",
        reviews_public.ReviewRequestQuestionsView.as_view(),
        name="complaint_review_request_step",
    ),
]
