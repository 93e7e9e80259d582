from django.db import migrations

from opcc.migration_grants import grant_to_roles

# Frozen here on purpose: a migration must not change when application code does.
# The scheme manager (staff) and the Chief Executive run the scheme; visitors file reports of
# their own visits (narrowed to those visits by CustodyVisit.grants_access).
PERMISSIONS = {
    "staff": ["manage_scheme"],
    "chief_executive": ["manage_scheme"],
    "visitor": ["file_visit_report"],
}


class Migration(migrations.Migration):
    dependencies = [("custody_visits", "0002_custodyvisit_returned_reason_and_more")]

    operations = [grant_to_roles("custody_visits", PERMISSIONS)]
