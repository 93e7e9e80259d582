from django.db import migrations

from opcc.migration_grants import grant_to_roles

# Frozen here on purpose: a migration must not change when application code does.
# Office staff and the Chief Executive run meetings and the actions tracker; the Commissioner,
# the Deputy and the CFO read everything. Panel members and the public read what is published
# (no model permission: Meeting.objects.visible_to narrows to published meetings).
READ = [
    "view_body",
    "view_meeting",
    "view_agendaitem",
    "view_paper",
    "view_action",
    "view_actionupdate",
]
RUN = [
    *READ,
    "add_body",
    "change_body",
    "add_meeting",
    "change_meeting",
    "publish_meeting",
    "approve_minutes_meeting",
    "add_agendaitem",
    "change_agendaitem",
    "add_paper",
    "add_action",
    "change_action",
    "add_actionupdate",
]
PERMISSIONS = {
    "pcc": READ,
    "deputy": READ,
    "cfo": READ,
    "chief_executive": RUN,
    "staff": RUN,
}


class Migration(migrations.Migration):
    dependencies = [("scrutiny", "0002_inspections_permissions")]

    operations = [grant_to_roles("scrutiny", PERMISSIONS)]
