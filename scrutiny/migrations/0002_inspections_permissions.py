from django.db import migrations

from opcc.migration_grants import grant_to_roles

# Frozen here on purpose: a migration must not change when application code does.
READ = [
    "view_forwardplantopic",
    "view_horizonscanentry",
    "view_hmicfrsinspection",
    "view_policeandcrimeplan",
    "view_planpriority",
    "view_planmeasure",
    "view_measurevalue",
    "view_panelquarterlyreport",
]
WORK = [
    "add_forwardplantopic",
    "change_forwardplantopic",
    "add_horizonscanentry",
    "change_horizonscanentry",
    "add_hmicfrsinspection",
    "change_hmicfrsinspection",
    "respond_hmicfrsinspection",
    "add_policeandcrimeplan",
    "change_policeandcrimeplan",
    "add_measurevalue",
    "add_panelquarterlyreport",
    "change_panelquarterlyreport",
]
PERMISSIONS = {
    "pcc": [*READ, "publish_hmicfrsinspection", "send_panelquarterlyreport"],
    "deputy": [*READ, "publish_hmicfrsinspection"],
    "cfo": READ,
    "chief_executive": [
        *READ,
        *WORK,
        "publish_hmicfrsinspection",
        "send_panelquarterlyreport",
    ],
    "staff": [*READ, *WORK],
    "panel": ["view_panelquarterlyreport"],
}


class Migration(migrations.Migration):
    dependencies = [("scrutiny", "0001_initial")]

    operations = [grant_to_roles("scrutiny", PERMISSIONS)]
