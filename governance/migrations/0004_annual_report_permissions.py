from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here on purpose: a migration must not change when application code does.
PERMISSIONS = {
    "chief_executive": ["view_annualreport", "add_annualreport", "publish_annualreport"],
    "pcc": ["view_annualreport"],
    "deputy": ["view_annualreport"],
    "cfo": ["view_annualreport"],
    "staff": ["view_annualreport"],
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
            *Permission.objects.filter(content_type__app_label="governance", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("governance", "0003_annual_report")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
