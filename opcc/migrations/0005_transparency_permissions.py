from django.db import migrations

from opcc.migration_grants import grant_to_roles

# Frozen here on purpose: a migration must not change when application code does.
PERMISSIONS = {
    "chief_executive": [
        "add_transparencypublication",
        "change_transparencypublication",
        "view_transparencypublication",
    ],
    "cfo": [
        "add_transparencypublication",
        "change_transparencypublication",
        "view_transparencypublication",
    ],
    "staff": [
        "add_transparencypublication",
        "change_transparencypublication",
        "view_transparencypublication",
    ],
}


class Migration(migrations.Migration):
    dependencies = [("opcc", "0004_transparency_publications")]

    operations = [grant_to_roles("opcc", PERMISSIONS)]
