"""What the reports part of governance plugs into the portal's registries (opcc.registry)."""


def register() -> None:
    pass
