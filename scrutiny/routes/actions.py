"""URLs of the actions tracker, in the "scrutiny" namespace."""

from django.urls import path

from scrutiny.views import actions

urlpatterns = [
    path("actions/", actions.ActionListView.as_view(), name="actions"),
    path(
        "meetings/<uuid:code>/items/<int:pk>/actions/new/",
        actions.RaiseActionView.as_view(),
        name="action_raise",
    ),
    path("actions/<uuid:code>/", actions.ActionDetailView.as_view(), name="action"),
]
