from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "scrutiny"
    verbose_name = "Scrutiny"

    def ready(self):
        from opcc.registry import NavigationItem, navigation
        from scrutiny.views import LANDING_ROLES

        navigation.register(
            "scrutiny", NavigationItem("Scrutiny", "scrutiny:landing", LANDING_ROLES, 30)
        )
