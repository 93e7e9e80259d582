from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints"

    def ready(self):
        from complaints import (
            wiring_complaints,
            wiring_concerns,
            wiring_open_data,
            wiring_panels,
            wiring_personal_data,
            wiring_reviews,
            wiring_search,
        )
        from complaints.views.landing import LANDING_ROLES
        from opcc.registry import NavigationItem, navigation

        navigation.register(
            "complaints", NavigationItem("Complaints", "complaints:landing", LANDING_ROLES, 20)
        )
        for wiring in (
            wiring_reviews,
            wiring_panels,
            wiring_complaints,
            wiring_concerns,
            wiring_personal_data,
            wiring_search,
            wiring_open_data,
        ):
            wiring.register()
