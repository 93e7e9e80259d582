"""URLs of the personal_data part of complaints: the Chief Executive's pages."""

from django.urls import path, register_converter

from complaints.views import personal_data


class HoldableKind:
    """The kinds of case a retention hold applies to; any other word is a 404, not a 500."""

    regex = "|".join(personal_data.HOLDABLE)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(HoldableKind, "holdable")

# Staff pages, in the "complaints" namespace under /complaints/.
urlpatterns = [
    path(
        "personal-data/views/",
        personal_data.PersonalDataViewLogView.as_view(),
        name="personal_data_views",
    ),
    path("personal-data/disposals/", personal_data.DisposalLogView.as_view(), name="disposals"),
    path(
        "personal-data/subject-access/",
        personal_data.SubjectAccessView.as_view(),
        name="subject_access",
    ),
    path(
        "personal-data/hold/<holdable:kind>/<uuid:code>/",
        personal_data.RetentionHoldView.as_view(),
        name="retention_hold",
    ),
    path(
        "personal-data/subject-access/download/",
        personal_data.SubjectAccessDownloadView.as_view(),
        name="subject_access_download",
    ),
]

# Public pages, at the site root.
public_urlpatterns = []
