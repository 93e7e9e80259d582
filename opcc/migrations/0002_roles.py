"""The seven roles of DESIGN.md as groups, with the core app's model permissions.

Each domain app grants its own model permissions to these groups in its own migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ("pcc", "deputy", "chief_executive", "cfo", "staff", "panel", "visitor")

# Frozen here on purpose: a migration must not change when application code does.
CORE_PERMISSIONS = {
    "chief_executive": [
        "view_user",
        "view_outboundmessage",
        "change_outboundmessage",
        "view_generateddocument",
    ],
    "staff": ["view_outboundmessage", "change_outboundmessage"],
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make the core app's now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        codenames = CORE_PERMISSIONS.get(role, [])
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="opcc", codename__in=codenames)
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("opcc", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
