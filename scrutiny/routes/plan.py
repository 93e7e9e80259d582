"""URLs of the Police and Crime Plan, in the "scrutiny" namespace under /scrutiny/."""

from django.urls import path

from scrutiny.views import plan as views

urlpatterns = [
    path("plan/", views.PlanListView.as_view(), name="plans"),
    path("plan/new/", views.PlanCreateView.as_view(), name="plan_add"),
    path("plan/<int:pk>/", views.PlanDetailView.as_view(), name="plan"),
    path("plan/<int:pk>/publish/", views.PublishPlanView.as_view(), name="plan_publish"),
    path(
        "plan/<int:pk>/priorities/new/", views.AddPriorityView.as_view(), name="plan_priority_add"
    ),
    path(
        "plan/priorities/<int:pk>/measures/new/",
        views.AddMeasureView.as_view(),
        name="plan_measure_add",
    ),
    path("plan/measures/<int:pk>/", views.MeasureView.as_view(), name="plan_measure"),
    path(
        "plan/measures/<int:pk>/values/new/",
        views.RecordValueView.as_view(),
        name="plan_value_add",
    ),
    # Public page (transparency hub: "Police and Crime Plan and annual report").
    path("police-and-crime-plan/", views.PublicPlanView.as_view(), name="plan_public"),
    path(
        "police-and-crime-plan/export.csv",
        views.PublicPlanCsvView.as_view(),
        name="plan_public_csv",
    ),
    path(
        "police-and-crime-plan/export.json",
        views.PublicPlanJsonView.as_view(),
        name="plan_public_json",
    ),
]
