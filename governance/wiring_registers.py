"""What the registers part of governance plugs into the portal's registries (opcc.registry)."""

from datetime import date

from django.db.models import Max
from django.utils import timezone


def _latest_change(history, **narrowing) -> date | None:
    """The day of the register's latest change (any entry added, corrected or ended)."""
    latest = history.filter(**narrowing).aggregate(latest=Max("history_date"))["latest"]
    return timezone.localdate(latest) if latest else None


def interests_last_updated() -> date | None:
    from governance.models import InterestEntry

    return _latest_change(InterestEntry.history)


def gift_offers_last_updated() -> date | None:
    from governance.models import GiftOffer

    return _latest_change(GiftOffer.history)


def contracts_last_updated() -> date | None:
    from governance.models import CONTRACT_DETAIL_THRESHOLD, Contract

    return _latest_change(Contract.history, value__gt=CONTRACT_DETAIL_THRESHOLD)


def other_contracts_last_updated() -> date | None:
    from governance.models import CONTRACT_DETAIL_THRESHOLD, Contract

    return _latest_change(Contract.history, value__lte=CONTRACT_DETAIL_THRESHOLD)


def register() -> None:
    from governance.seed_registers import seed_registers
    from opcc.registry import Seeder, TransparencySource, seeders, transparency_sources

    for category, url_name, last_updated in (
        ("registers-of-interests", "registers_interests", interests_last_updated),
        ("gifts-and-hospitality", "registers_gifts", gift_offers_last_updated),
        ("contracts", "registers_contracts", contracts_last_updated),
        ("other-contracts", "registers_other_contracts", other_contracts_last_updated),
    ):
        transparency_sources.register(
            category, TransparencySource(category, url_name, last_updated)
        )
    seeders.register("registers", Seeder("registers", seed_registers, order=30))
