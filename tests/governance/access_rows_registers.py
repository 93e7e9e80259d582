"""Access-matrix rows of the registers (tests/test_access_matrix.py collects them)."""

from decimal import Decimal

from django.core.files.base import ContentFile

from opcc.roles import Role
from tests.governance.factories import ContractFactory, GiftOfferFactory, InterestEntryFactory
from tests.matrix import OFFICE, Row, expect, only

REGISTER_KEEPERS = [Role.CHIEF_EXECUTIVE, Role.STAFF]
CONTRACT_KEEPERS = [Role.CHIEF_EXECUTIVE, Role.STAFF, Role.CFO]


def _interest(objects):
    return {"pk": objects["interest"].pk}


def _gift_offer(objects):
    return {"pk": objects["gift_offer"].pk}


def _contract(objects):
    return {"code": objects["contract"].code}


ROWS = {
    # The office's pages: every office role reads the registers; the register keepers write.
    "governance:interests": Row(only(OFFICE)),
    "governance:interest": Row(only(OFFICE), kwargs=_interest),
    "governance:interest_add": Row(only(REGISTER_KEEPERS)),
    "governance:interest_change": Row(only(REGISTER_KEEPERS), kwargs=_interest),
    "governance:interest_end": Row(only(REGISTER_KEEPERS), kwargs=_interest),
    "governance:gift_offers": Row(only(OFFICE)),
    "governance:gift_offer": Row(only(OFFICE), kwargs=_gift_offer),
    "governance:gift_offer_add": Row(only(REGISTER_KEEPERS)),
    "governance:gift_offer_change": Row(only(REGISTER_KEEPERS), kwargs=_gift_offer),
    "governance:contracts": Row(only(OFFICE)),
    "governance:contract": Row(only(OFFICE), kwargs=_contract),
    "governance:contract_add": Row(only(CONTRACT_KEEPERS)),
    "governance:contract_change": Row(only(CONTRACT_KEEPERS), kwargs=_contract),
    "governance:contract_document": Row(only(OFFICE), kwargs=_contract),
    # The public pages and their exports: everyone.
    "registers_interests": Row(expect(200)),
    "registers_interests_csv": Row(expect(200)),
    "registers_interests_json": Row(expect(200)),
    "registers_gifts": Row(expect(200)),
    "registers_gifts_csv": Row(expect(200)),
    "registers_gifts_json": Row(expect(200)),
    "registers_contracts": Row(expect(200)),
    "registers_contracts_csv": Row(expect(200)),
    "registers_contracts_json": Row(expect(200)),
    "registers_other_contracts": Row(expect(200)),
    "registers_other_contracts_csv": Row(expect(200)),
    "registers_other_contracts_json": Row(expect(200)),
    "registers_contract_document": Row(expect(200), kwargs=_contract),
}


def make_objects(people) -> dict:
    contract = ContractFactory(value=Decimal("250000.00"))
    contract.document.save(f"{contract.code}.pdf", ContentFile(b"%PDF-1.7 contract"))
    return {
        "interest": InterestEntryFactory(person=people[Role.PCC]),
        "gift_offer": GiftOfferFactory(recipient=people[Role.DEPUTY]),
        "contract": contract,
    }
