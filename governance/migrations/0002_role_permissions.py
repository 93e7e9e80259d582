"""Governance permissions for the role groups made by opcc.0002_roles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW_ALL = [
    "view_decision",
    "view_decisionadvice",
    "view_supportingdocument",
    "view_forwardplanitem",
    "view_statutoryreport",
    "view_interestentry",
    "view_giftoffer",
    "view_contract",
    "view_protocolversion",
]
REGISTER_KEEPING = [
    "add_interestentry",
    "change_interestentry",
    "add_giftoffer",
    "change_giftoffer",
    "add_contract",
    "change_contract",
]
DECISION_DRAFTING = [
    "add_decision",
    "change_decision",
    "add_supportingdocument",
    "change_supportingdocument",
    "add_forwardplanitem",
    "change_forwardplanitem",
    "publish_decision",
]

# Frozen here on purpose: a migration must not change when application code does.
PERMISSIONS = {
    "pcc": [*VIEW_ALL, "sign_decision", "consider_statutoryreport", "sign_protocol"],
    "deputy": [*VIEW_ALL, "sign_decision", "sign_protocol"],
    "chief_executive": [
        *VIEW_ALL,
        *DECISION_DRAFTING,
        *REGISTER_KEEPING,
        "give_legal_advice",
        "issue_monitoring_officer_report",
        "publish_redacted_report",
        "add_protocolversion",
        "change_protocolversion",
        "view_protocoldeclaration",
        "sign_protocol",
    ],
    "cfo": [
        *VIEW_ALL,
        "give_financial_advice",
        "issue_s114_report",
        "add_contract",
        "change_contract",
        "sign_protocol",
    ],
    "staff": [*VIEW_ALL, *DECISION_DRAFTING, *REGISTER_KEEPING, "sign_protocol"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="governance", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=PERMISSIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="governance"))


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial"), ("opcc", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
