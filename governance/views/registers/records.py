"""What the office's pages and the public pages both read: the records of each register, and a
contract's document."""

from pathlib import PurePath

from django.http import FileResponse, Http404
from django.utils.text import slugify

from governance.models import CONTRACT_DETAIL_THRESHOLD, Contract, GiftOffer, InterestEntry
from opcc.uploads import content_type_for

TEMPLATES = "governance/registers"


def interests():
    return InterestEntry.objects.select_related("person")


def gift_offers():
    return GiftOffer.objects.select_related("recipient")


def contracts_listed_in_full():
    return Contract.objects.filter(value__gt=CONTRACT_DETAIL_THRESHOLD)


def other_contracts():
    return Contract.objects.filter(value__lte=CONTRACT_DETAIL_THRESHOLD)


def download(contract: Contract) -> FileResponse:
    """The contract's document from private storage, named after the contract."""
    if not contract.document:
        raise Http404
    extension = PurePath(contract.document.name).suffix.lower()
    try:
        file = contract.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        file,
        as_attachment=True,
        filename=f"{slugify(contract.title)[:80] or 'contract'}{extension}",
        content_type=content_type_for(contract.document.name),
    )
