from django.apps import AppConfig


class CustodyVisitsConfig(AppConfig):
    name = "custody_visits"
    verbose_name = "Custody visiting"

    def ready(self):
        from custody_visits.views import LANDING_ROLES
        from opcc.registry import NavigationItem, navigation

        navigation.register(
            "custody_visits",
            NavigationItem("Custody visiting", "custody_visits:landing", LANDING_ROLES, 40),
        )
