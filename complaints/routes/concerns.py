"""URLs of the concerns part of complaints, with the complaints information (statistics) pages
and the upheld-themes CSV."""

from django.urls import path

from complaints.views import concerns, statistics

# Staff pages, in the "complaints" namespace under /complaints/.
urlpatterns = [
    path("concerns/", concerns.ConcernListView.as_view(), name="concerns"),
    path("concerns/new/", concerns.RaiseConcernView.as_view(), name="concern_add"),
    path("concerns/recorded/", concerns.ConcernRecordedView.as_view(), name="concern_recorded"),
    path("concerns/<uuid:code>/", concerns.ConcernDetailView.as_view(), name="concern"),
    path("concerns/<uuid:code>/close/", concerns.CloseConcernView.as_view(), name="concern_close"),
    # Public: the complaints information the Specified Information Order asks for.
    path(
        "information/",
        statistics.ComplaintsInformationView.as_view(),
        name="complaints_information",
    ),
    path(
        "information.csv",
        statistics.ComplaintsInformationCsvView.as_view(),
        name="complaints_information_csv",
    ),
    path(
        "information.json",
        statistics.ComplaintsInformationCsvView.as_view(format="json"),
        name="complaints_information_json",
    ),
    path(
        "reviews/upheld-themes.csv",
        statistics.UpheldThemesCsvView.as_view(),
        name="review_upheld_themes_csv",
    ),
]

# Public pages, at the site root.
public_urlpatterns = []
