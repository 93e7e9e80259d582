"""The seven roles of the portal. Each is a Django group (created by a data migration)."""

from django.db import models


class Role(models.TextChoices):
    PCC = "pcc", "Police and Crime Commissioner"
    DEPUTY = "deputy", "Deputy Police and Crime Commissioner"
    CHIEF_EXECUTIVE = "chief_executive", "Chief Executive and Monitoring Officer"
    CFO = "cfo", "Chief Finance Officer"
    STAFF = "staff", "OPCC staff"
    PANEL = "panel", "Police and Crime Panel member"
    VISITOR = "visitor", "Independent Custody Visitor"


# The office's own people: they must use a second factor (DESIGN.md, Roles and access).
OFFICE_ROLES = frozenset({Role.PCC, Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO, Role.STAFF})
ALL_ROLES = tuple(Role)


def sync_role_group(user) -> None:
    """Make the user's group membership match their role: exactly one role group, or none."""
    from django.contrib.auth.models import Group

    role_groups = Group.objects.filter(name__in=[role.value for role in Role])
    user.groups.remove(*role_groups.exclude(name=user.role))
    if user.role:
        user.groups.add(Group.objects.get_or_create(name=user.role)[0])
