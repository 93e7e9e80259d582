"""Complaints permissions for the role groups made by opcc.0002_roles. A reviewer assigned to a
case gets object permissions on it (django-guardian) from complaints.services."""

from django.db import migrations

from opcc.migration_grants import grant_to_roles

CASE_READING = ["view_complaintreview", "view_recommendation"]
PANELS = [
    "view_panelmember",
    "add_panelmember",
    "change_panelmember",
    "view_hearing",
    "add_hearing",
    "change_hearing",
]

# Frozen here on purpose: a migration must not change when application code does.
PERMISSIONS = {
    "pcc": [*CASE_READING, "view_panelmember", "view_hearing"],
    "deputy": [*CASE_READING, "view_panelmember", "view_hearing"],
    "chief_executive": [
        *CASE_READING,
        "add_complaintreview",
        "change_complaintreview",
        "decide_complaintreview",
        "view_complainant_details",
        "add_complainant",
        "change_complainant",
        "view_complainant",
        "add_recommendation",
        "change_recommendation",
        *PANELS,
    ],
    "staff": ["add_complaintreview", "add_complainant", *PANELS],
}


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial"), ("opcc", "0002_roles")]

    operations = [grant_to_roles("complaints", PERMISSIONS)]
