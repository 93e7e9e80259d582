"""What the concerns part of complaints plugs into the portal's registries (opcc.registry)."""


def register() -> None:
    pass
