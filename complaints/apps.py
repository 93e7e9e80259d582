from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints"

    def ready(self):
        from complaints.views import LANDING_ROLES
        from opcc.registry import NavigationItem, navigation

        navigation.register(
            "complaints", NavigationItem("Complaints", "complaints:landing", LANDING_ROLES, 20)
        )
