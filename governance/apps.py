from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance"

    def ready(self):
        from governance.views import LANDING_ROLES
        from opcc.registry import NavigationItem, navigation

        navigation.register(
            "governance", NavigationItem("Governance", "governance:landing", LANDING_ROLES, 10)
        )
