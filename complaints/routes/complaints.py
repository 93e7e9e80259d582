"""URLs of the complaints part of complaints: complaints about the Commissioner, the Deputy and
the Chief Constable."""

from django.urls import path

from complaints.views import complaints_public, complaints_staff

# Staff pages, in the "complaints" namespace under /complaints/.
urlpatterns = [
    path("cases/", complaints_staff.ComplaintListView.as_view(), name="complaint_cases"),
    path("cases/new/", complaints_staff.ReceiveComplaintView.as_view(), name="complaint_add"),
    path("cases/<uuid:code>/", complaints_staff.ComplaintDetailView.as_view(), name="complaint"),
    path(
        "cases/<uuid:code>/record/",
        complaints_staff.RecordComplaintView.as_view(),
        name="complaint_record",
    ),
    path(
        "cases/<uuid:code>/decline/",
        complaints_staff.DeclineToRecordView.as_view(),
        name="complaint_decline",
    ),
    path(
        "cases/<uuid:code>/refer-to-iopc/",
        complaints_staff.ReferToIopcView.as_view(),
        name="complaint_refer_to_iopc",
    ),
    path(
        "cases/<uuid:code>/pass-to-panel/",
        complaints_staff.PassToPanelView.as_view(),
        name="complaint_pass_to_panel",
    ),
    path(
        "cases/<uuid:code>/disapply/",
        complaints_staff.DisapplyView.as_view(),
        name="complaint_disapply",
    ),
    path(
        "cases/<uuid:code>/assign/",
        complaints_staff.AssignHandlerView.as_view(),
        name="complaint_assign",
    ),
    path(
        "cases/<uuid:code>/close/",
        complaints_staff.CloseComplaintView.as_view(),
        name="complaint_close",
    ),
]

# Public pages, at the site root.
public_urlpatterns = [
    path("complaints/complain/", complaints_public.ComplainStartView.as_view(), name="complain"),
    path(
        "complaints/complain/sent/",
        complaints_public.ComplaintSentView.as_view(),
        name="complain_sent",
    ),
    path(
        "complaints/complain/<slug:step>/",
        complaints_public.ComplaintQuestionsView.as_view(),
        name="complain_step",
    ),
]
