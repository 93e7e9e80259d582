"""URLs of the panels part of complaints."""

from django.urls import path

from complaints.views import panels

# Staff pages, in the "complaints" namespace under /complaints/.
urlpatterns = [
    path("panels/", panels.PoolView.as_view(), name="panel_members"),
    path("panels/members/add/", panels.PanelMemberCreateView.as_view(), name="panel_member_add"),
    path(
        "panels/members/<int:pk>/change/",
        panels.PanelMemberUpdateView.as_view(),
        name="panel_member_change",
    ),
    path("panels/hearings/", panels.HearingListView.as_view(), name="hearings"),
    path("panels/hearings/choose/", panels.ChoosePanelView.as_view(), name="hearing_choose"),
    path("panels/hearings/<int:pk>/", panels.HearingView.as_view(), name="hearing"),
    path(
        "panels/hearings/<int:pk>/outcome/",
        panels.HearingOutcomeView.as_view(),
        name="hearing_outcome",
    ),
]

# Public pages, at the site root.
public_urlpatterns = []
