from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "scrutiny"
    verbose_name = "Scrutiny"

    def ready(self):
        from opcc.registry import NavigationItem, navigation
        from scrutiny import (
            wiring_forward_plan,
            wiring_inspections,
            wiring_meetings,
            wiring_panel_reports,
            wiring_plan,
            wiring_public_data,
        )
        from scrutiny.views.landing import LANDING_ROLES

        navigation.register(
            "scrutiny", NavigationItem("Scrutiny", "scrutiny:landing", LANDING_ROLES, 30)
        )
        for wiring in (
            wiring_meetings,
            wiring_inspections,
            wiring_plan,
            wiring_forward_plan,
            wiring_panel_reports,
            wiring_public_data,
        ):
            wiring.register()
