"""Complaints permissions for the role groups made by opcc.0002_roles. A reviewer assigned to a
case gets object permissions on it (django-guardian) from complaints.services."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="complaints", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial"), ("opcc", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
