from django.db import migrations

from opcc.migration_grants import grant_to_roles

# Frozen here on purpose: a migration must not change when application code does.
PERMISSIONS = {
    "chief_executive": ["view_annualreport", "add_annualreport", "publish_annualreport"],
    "pcc": ["view_annualreport"],
    "deputy": ["view_annualreport"],
    "cfo": ["view_annualreport"],
    "staff": ["view_annualreport"],
}


class Migration(migrations.Migration):
    dependencies = [("governance", "0003_annual_report")]

    operations = [grant_to_roles("governance", PERMISSIONS)]
