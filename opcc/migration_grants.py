"""The one step every app's permissions migration takes: give role groups model permissions.

A migration calls ``grant_to_roles(app_label, {role: [codename, ...]})`` with its own table of
permissions written out in the migration (frozen there, so the migration does not change when
application code does); only the mechanism lives here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_to_roles(app_label: str, permissions: dict[str, list[str]]) -> migrations.RunPython:
    def grant(apps, schema_editor):
        # Permissions are normally made after all migrations have run; make them now.
        for app_config in apps.get_app_configs():
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for role, codenames in permissions.items():
            group, _ = Group.objects.get_or_create(name=role)
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )

    return migrations.RunPython(grant, migrations.RunPython.noop)
