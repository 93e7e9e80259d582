from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance"

    def ready(self):
        from governance import (
            wiring_decisions,
            wiring_delegation,
            wiring_open_data,
            wiring_protocol,
            wiring_registers,
            wiring_reports,
            wiring_search,
        )
        from governance.views.landing import LANDING_ROLES
        from opcc.registry import NavigationItem, navigation

        navigation.register(
            "governance", NavigationItem("Governance", "governance:landing", LANDING_ROLES, 10)
        )
        for wiring in (
            wiring_decisions,
            wiring_delegation,
            wiring_reports,
            wiring_registers,
            wiring_protocol,
            wiring_search,
            wiring_open_data,
        ):
            wiring.register()
