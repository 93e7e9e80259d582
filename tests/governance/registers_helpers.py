"""Helpers shared by the registers' page tests: the answers the staff forms are posted with and
the check of a form's error page (test_registers_adding.py, _form_errors.py, _corrections.py),
and the public pages' anonymous visitor and a published contract document
(test_registers_public_*.py and the register fixtures in conftest.py)."""

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

CONTRACT_PDF_BYTES = b"%PDF-1.7 a contract"

# The staff forms


def date_parts(name, day, month, year):
    return {f"{name}_0": str(day), f"{name}_1": str(month), f"{name}_2": str(year)}


def interest_post(person, **overrides):
    return {
        "person": str(person.pk),
        "category": "memberships",
        "description": "Trustee of a local youth charity",
        **date_parts("registered_on", 1, 5, 2026),
        **overrides,
    }


def gift_post(to, **overrides):
    return {
        **date_parts("offered_on", 15, 6, 2026),
        "recipient": str(to.pk),
        "offered_by": "County Business Awards",
        "description": "Dinner at the annual awards evening",
        "estimated_value": "£45.00",
        "accepted": "True",
        "reason": "Presented an award.",
        **overrides,
    }


def contract_post(**overrides):
    return {
        "title": "Victim support service",
        "supplier": "Victim Support",
        "value": "250,000",
        **date_parts("starts_on", 1, 4, 2026),
        **date_parts("ends_on", 31, 3, 2029),
        "procurement_route": "open",
        **overrides,
    }


def errors_of(response) -> str:
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "<title>Error: " in page
    return page


# The public registers


def public(name, **params):
    return Client().get(reverse(name), params)


def with_document(contract):
    contract.document.save(f"{contract.code}.pdf", ContentFile(CONTRACT_PDF_BYTES))
    return contract
