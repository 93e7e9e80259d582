"""What the panels part of complaints plugs into the portal's registries (opcc.registry)."""


def register() -> None:
    from complaints.seed_panels import seed_panels
    from opcc.registry import Seeder, seeders

    seeders.register("panels", Seeder("panels", seed_panels, order=55))
