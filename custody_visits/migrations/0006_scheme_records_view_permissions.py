from django.db import migrations

from opcc.migration_grants import grant_to_roles

# Frozen here on purpose: a migration must not change when application code does.
# The scheme manager (staff) and the Chief Executive see the scheme's standing records, and so
# their change history (opcc.access asks for the view permission of a record without its own
# visible_to); nobody else does.
PERMISSIONS = {
    "staff": ["view_custodysuite", "view_visitor"],
    "chief_executive": ["view_custodysuite", "view_visitor"],
}


class Migration(migrations.Migration):
    dependencies = [("custody_visits", "0005_custody_number_digits_and_indexes")]

    operations = [grant_to_roles("custody_visits", PERMISSIONS)]
