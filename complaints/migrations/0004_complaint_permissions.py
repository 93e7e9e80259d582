from django.db import migrations

from opcc.migration_grants import grant_to_roles

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


class Migration(migrations.Migration):
    dependencies = [("complaints", "0003_complaints_concerns_personal_data")]

    operations = [grant_to_roles("complaints", PERMISSIONS)]
