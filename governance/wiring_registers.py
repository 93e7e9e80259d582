"""What the registers part of governance plugs into the portal's registries (opcc.registry)."""

from opcc.transparency import Latest


def _latest_change(history, **narrowing) -> list[Latest]:
    """The register's latest change (any entry added, corrected or ended)."""
    return [Latest(history.filter(**narrowing), "history_date")]


def interests_changes() -> list[Latest]:
    from governance.models import InterestEntry

    return _latest_change(InterestEntry.history)


def gift_offers_changes() -> list[Latest]:
    from governance.models import GiftOffer

    return _latest_change(GiftOffer.history)


def contracts_changes() -> list[Latest]:
    from governance.models import CONTRACT_DETAIL_THRESHOLD, Contract

    return _latest_change(Contract.history, value__gt=CONTRACT_DETAIL_THRESHOLD)


def other_contracts_changes() -> list[Latest]:
    from governance.models import CONTRACT_DETAIL_THRESHOLD, Contract

    return _latest_change(Contract.history, value__lte=CONTRACT_DETAIL_THRESHOLD)


def register() -> None:
    from governance.seed_registers import seed_registers
    from opcc.registry import Seeder, TransparencySource, seeders, transparency_sources

    for category, url_name, changes in (
        ("registers-of-interests", "registers_interests", interests_changes),
        ("gifts-and-hospitality", "registers_gifts", gift_offers_changes),
        ("contracts", "registers_contracts", contracts_changes),
        ("other-contracts", "registers_other_contracts", other_contracts_changes),
    ):
        transparency_sources.register(category, TransparencySource(category, url_name, changes))
    seeders.register("registers", Seeder("registers", seed_registers, order=30))
