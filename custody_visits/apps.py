from django.apps import AppConfig


class CustodyVisitsConfig(AppConfig):
    name = "custody_visits"
    verbose_name = "Custody visiting"

    def ready(self):
        from custody_visits import (
            wiring_public_data,
            wiring_reports,
            wiring_scheme,
            wiring_visits,
        )
        from custody_visits.views.landing import LANDING_ROLES
        from opcc.registry import NavigationItem, navigation

        navigation.register(
            "custody_visits",
            NavigationItem("Custody visiting", "custody_visits:landing", LANDING_ROLES, 40),
        )
        wiring_reports.register()
        wiring_scheme.register()
        wiring_visits.register()
        wiring_public_data.register()
