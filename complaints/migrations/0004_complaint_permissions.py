from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here on purpose: a migration must not change when application code does.
PERMISSIONS = {
    "pcc": ["view_complaint"],
    "deputy": ["view_complaint"],
    "panel": ["view_complaint"],
    "chief_executive": [
        "view_complaint",
        "add_complaint",
        "change_complaint",
        "record_complaint",
        "view_protocolconcern",
        "add_protocolconcern",
        "change_protocolconcern",
        "view_personaldataview",
        "view_disposal",
    ],
    "staff": ["add_complaint", "add_protocolconcern"],
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
    dependencies = [("complaints", "0003_complaints_concerns_personal_data")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
