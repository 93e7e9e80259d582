from django.apps import AppConfig


class OpccConfig(AppConfig):
    name = "opcc"
    verbose_name = "OPCC portal core"

    def ready(self):
        from opcc import history, public_cache, signals  # noqa: F401 - signal receivers
        from opcc.access import ANONYMOUS
        from opcc.publications import published_since, search_publications
        from opcc.registry import (
            AlertSource,
            DashboardPanel,
            Dataset,
            DocumentKind,
            NavigationItem,
            SearchSource,
            Seeder,
            alert_sources,
            dashboard_panels,
            datasets,
            document_kinds,
            navigation,
            search_sources,
            seeders,
        )
        from opcc.roles import ALL_ROLES, Role
        from opcc.seed import seed_people
        from opcc.seed_transparency import seed_transparency
        from opcc.views.open_data import PUBLICATION_FIELDS
        from opcc.views.panel_area import panel_area_panel, panel_area_rows
        from opcc.views.panels import (
            documents_panel,
            documents_rows,
            outbox_panel,
            outbox_rows,
            transparency_panel,
            transparency_rows,
        )

        everyone = frozenset({*ALL_ROLES, ANONYMOUS})
        signed_in = frozenset(ALL_ROLES)
        navigation.register("home", NavigationItem("Home", "home", frozenset({ANONYMOUS}), 0))
        navigation.register("dashboard", NavigationItem("My work", "dashboard", signed_in, 1))
        navigation.register(
            "panel_area",
            NavigationItem("Sent to you", "panel_area", frozenset({Role.PANEL}), 80),
        )
        navigation.register(
            "transparency", NavigationItem("Transparency", "transparency", everyone, 90)
        )
        navigation.register("search", NavigationItem("Search", "search", everyone, 92))
        navigation.register(
            "open_data", NavigationItem("Open data", "open_data", frozenset({ANONYMOUS}), 93)
        )
        navigation.register(
            "outbox",
            NavigationItem(
                "Notifications", "outbox", frozenset({Role.CHIEF_EXECUTIVE, Role.STAFF}), 95
            ),
        )
        navigation.register(
            "people", NavigationItem("People", "people", frozenset({Role.CHIEF_EXECUTIVE}), 96)
        )

        dashboard_panels.register(
            "outbox",
            DashboardPanel(
                "outbox",
                "Notifications",
                "opcc/panels/outbox.html",
                outbox_rows,
                outbox_panel,
                90,
            ),
        )
        dashboard_panels.register(
            "documents",
            DashboardPanel(
                "documents",
                "Documents you asked for",
                "opcc/panels/documents.html",
                documents_rows,
                documents_panel,
                95,
            ),
        )
        document_kinds.register(
            "record_history",
            DocumentKind("record_history", "pdf/record_history.html", history.pdf_context),
        )
        dashboard_panels.register(
            "panel_area",
            DashboardPanel(
                "panel_area",
                "Sent to you",
                "opcc/panels/panel_area.html",
                panel_area_rows,
                panel_area_panel,
                5,
            ),
        )
        dashboard_panels.register(
            "transparency",
            DashboardPanel(
                "transparency",
                "Transparency hub: overdue",
                "opcc/panels/transparency.html",
                transparency_rows,
                transparency_panel,
                85,
            ),
        )
        search_sources.register(
            "publications",
            SearchSource("publications", "Published documents", search_publications, 50),
        )
        datasets.register(
            "publications",
            Dataset(
                "publications",
                "Published documents",
                "Documents the office publishes for the transparency hub (budget, spending, "
                "staff, policies and the rest), newest first.",
                "transparency",
                "transparency_documents_csv",
                "transparency_documents_json",
                PUBLICATION_FIELDS,
                90,
            ),
        )
        alert_sources.register(
            "publications",
            AlertSource("publications", "Published documents", published_since, 90),
        )
        seeders.register("people", Seeder("people", seed_people, order=0))
        seeders.register("transparency", Seeder("transparency", seed_transparency, order=5))
