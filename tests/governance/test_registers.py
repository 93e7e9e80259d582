"""The registers' services: who may change them, what they accept, and that nothing is lost."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile

from governance.models import Contract, GiftOffer, InterestCategory, InterestEntry, ProcurementRoute
from governance.services import registers as services
from opcc.roles import Role
from tests.governance.factories import ContractFactory, GiftOfferFactory, InterestEntryFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC), tick=False)


def interest_answers(person, **overrides):
    return {
        "person": person,
        "category": InterestCategory.MEMBERSHIPS,
        "description": "Trustee of a local youth charity",
        "registered_on": datetime.date(2026, 5, 1),
        **overrides,
    }


def gift_answers(recipient, **overrides):
    return {
        "offered_on": datetime.date(2026, 6, 15),
        "recipient": recipient,
        "offered_by": "County Business Awards",
        "description": "Dinner at the annual awards evening",
        "estimated_value": Decimal("45.00"),
        "accepted": True,
        "reason": "Presented an award on behalf of the office.",
        **overrides,
    }


def contract_answers(**overrides):
    return {
        "title": "Victim support service",
        "supplier": "Victim Support",
        "value": Decimal("250000.00"),
        "starts_on": datetime.date(2026, 4, 1),
        "ends_on": datetime.date(2029, 3, 31),
        "procurement_route": ProcurementRoute.OPEN,
        **overrides,
    }


def pdf(name="contract.pdf"):
    return ContentFile(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", name=name)


# --- Register of interests -------------------------------------------------------------------


@pytest.mark.parametrize("keeper", [Role.CHIEF_EXECUTIVE, Role.STAFF])
def test_register_keepers_record_an_interest_kept_in_history_under_their_name(people, keeper):
    entry = services.record_interest(people[keeper], **interest_answers(people[Role.PCC]))

    assert entry.pk and entry.ended_on is None
    record = entry.history.get()
    assert record.history_type == "+"
    assert record.history_user == people[keeper]


@pytest.mark.parametrize(
    "role", [Role.PCC, Role.DEPUTY, Role.CFO, Role.PANEL, Role.VISITOR, "outsider"]
)
def test_only_register_keepers_may_record_an_interest(people, outsider, role):
    actor = outsider if role == "outsider" else people[role]

    with pytest.raises(PermissionDenied):
        services.record_interest(actor, **interest_answers(people[Role.PCC]))

    assert not InterestEntry.objects.exists()


@pytest.mark.parametrize(
    "role", [Role.PCC, Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO, Role.STAFF]
)
def test_the_pcc_deputy_and_senior_staff_have_interests_registered(people, role):
    entry = services.record_interest(people[Role.STAFF], **interest_answers(people[role]))

    assert entry.person == people[role]


@pytest.mark.parametrize("role", [Role.PANEL, Role.VISITOR])
def test_people_outside_the_office_have_no_entries_in_its_register(people, role):
    with pytest.raises(ValidationError) as refusal:
        services.record_interest(people[Role.STAFF], **interest_answers(people[role]))

    assert refusal.value.message_dict["person"] == [
        "Choose the Commissioner, the Deputy or a senior member of staff"
    ]
    assert not InterestEntry.objects.exists()


def test_an_interest_cannot_be_registered_in_the_future(people):
    with pytest.raises(ValidationError) as refusal:
        services.record_interest(
            people[Role.STAFF],
            **interest_answers(people[Role.PCC], registered_on=TODAY + datetime.timedelta(days=1)),
        )

    assert "registered_on" in refusal.value.message_dict


def test_an_interest_needs_a_description_and_a_category(people):
    with pytest.raises(ValidationError) as refusal:
        services.record_interest(
            people[Role.STAFF],
            **interest_answers(people[Role.PCC], description="", category="hobbies"),
        )

    assert set(refusal.value.message_dict) == {"description", "category"}


def test_ending_an_interest_keeps_the_entry_with_its_end_date_and_history(people):
    entry = InterestEntryFactory(person=people[Role.DEPUTY])

    services.end_interest(people[Role.STAFF], entry, datetime.date(2026, 9, 30))

    entry.refresh_from_db()
    assert entry.ended_on == datetime.date(2026, 9, 30)
    assert InterestEntry.objects.filter(pk=entry.pk).exists()
    latest = entry.history.first()
    assert latest.history_change_reason == "Interest ended"
    assert latest.history_user == people[Role.STAFF]
    assert entry.history.count() == 2


def test_an_interest_cannot_end_before_it_was_registered_or_in_the_future(people):
    entry = InterestEntryFactory(person=people[Role.PCC], registered_on=datetime.date(2026, 5, 1))

    for ended_on in (datetime.date(2026, 4, 30), TODAY + datetime.timedelta(days=1)):
        with pytest.raises(ValidationError) as refusal:
            services.end_interest(people[Role.STAFF], entry, ended_on)
        assert "ended_on" in refusal.value.message_dict

    entry.refresh_from_db()
    assert entry.ended_on is None


def test_an_interest_ends_once(people):
    entry = InterestEntryFactory(person=people[Role.PCC], ended_on=datetime.date(2026, 6, 1))

    with pytest.raises(ValidationError, match="already ended on 1 June 2026"):
        services.end_interest(people[Role.STAFF], entry, datetime.date(2026, 7, 1))


def test_ending_an_interest_needs_change_permission(people):
    entry = InterestEntryFactory(person=people[Role.PCC])

    with pytest.raises(PermissionDenied):
        services.end_interest(people[Role.PCC], entry, TODAY)


def test_correcting_an_interest_is_kept_field_by_field(people):
    entry = InterestEntryFactory(person=people[Role.PCC])

    services.update_interest(
        people[Role.CHIEF_EXECUTIVE], entry, description="Chair of a local youth charity"
    )

    assert entry.description == "Chair of a local youth charity"
    latest, first = entry.history.all()[:2]
    assert latest.history_user == people[Role.CHIEF_EXECUTIVE]
    assert [change.field for change in latest.diff_against(first).changes] == ["description"]


def test_an_end_date_is_not_edited_but_recorded_by_ending(people):
    entry = InterestEntryFactory(person=people[Role.PCC])

    with pytest.raises(TypeError):
        services.update_interest(people[Role.STAFF], entry, ended_on=TODAY)


def test_an_entry_of_someone_who_has_since_left_can_still_be_corrected(people):
    former = people[Role.STAFF]
    entry = InterestEntryFactory(person=former)
    former.is_active = False
    former.save()

    services.update_interest(people[Role.CHIEF_EXECUTIVE], entry, description="Corrected")

    assert entry.description == "Corrected"


def test_a_stale_edit_is_refused_and_the_first_change_survives(people):
    entry = InterestEntryFactory(person=people[Role.PCC])
    seen = services.version_of(entry)
    services.update_interest(
        people[Role.STAFF], entry, seen_version=seen, description="First person's change"
    )

    with pytest.raises(ValidationError, match="Someone else changed this record"):
        services.update_interest(
            people[Role.CHIEF_EXECUTIVE], entry, seen_version=seen, description="Second change"
        )

    entry.refresh_from_db()
    assert entry.description == "First person's change"


def test_registers_are_never_deleted_through_the_office_roles(people):
    assert not [name for name in dir(services) if "delete" in name or "remove" in name]
    for role in (Role.PCC, Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO, Role.STAFF):
        for model in ("interestentry", "giftoffer", "contract"):
            assert not people[role].has_perm(f"governance.delete_{model}")


# --- Gifts and hospitality -------------------------------------------------------------------


def test_a_declined_offer_is_recorded_with_its_reason(people):
    offer = services.record_gift_offer(
        people[Role.STAFF],
        **gift_answers(people[Role.PCC], accepted=False, reason="Supplier in a live tender."),
    )

    assert offer.accepted is False
    assert offer.history.get().history_user == people[Role.STAFF]


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.CFO, Role.PANEL])
def test_only_register_keepers_record_gift_offers(people, role):
    with pytest.raises(PermissionDenied):
        services.record_gift_offer(people[role], **gift_answers(people[Role.PCC]))

    assert not GiftOffer.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("estimated_value", Decimal("-1.00"), "The estimated value must be £0 or more"),
        ("offered_on", TODAY + datetime.timedelta(days=1), "must be today or earlier"),
        ("reason", "", "This field cannot be blank."),
        ("offered_by", "", "This field cannot be blank."),
    ],
)
def test_a_gift_offer_with_bad_answers_is_refused(people, field, value, message):
    with pytest.raises(ValidationError) as refusal:
        services.record_gift_offer(
            people[Role.STAFF], **gift_answers(people[Role.PCC], **{field: value})
        )

    assert message in " ".join(refusal.value.message_dict[field])
    assert not GiftOffer.objects.exists()


def test_a_gift_offer_is_made_to_someone_in_the_office(people):
    with pytest.raises(ValidationError) as refusal:
        services.record_gift_offer(people[Role.STAFF], **gift_answers(people[Role.PANEL]))

    assert "recipient" in refusal.value.message_dict


def test_correcting_a_gift_offer_is_kept_in_history(people):
    offer = GiftOfferFactory(recipient=people[Role.PCC])

    services.update_gift_offer(people[Role.STAFF], offer, estimated_value=Decimal("60.00"))

    offer.refresh_from_db()
    assert offer.estimated_value == Decimal("60.00")
    assert offer.history.count() == 2


# --- Contracts -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CHIEF_EXECUTIVE, Role.STAFF, Role.CFO])
def test_contracts_are_recorded_by_the_cfo_and_register_keepers(people, role):
    contract = services.record_contract(people[role], **contract_answers(), document=pdf())

    assert contract.document.name == f"contracts/2026/{contract.code}.pdf"
    assert contract.history.get().history_user == people[role]


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.PANEL, Role.VISITOR])
def test_others_may_not_record_contracts(people, role):
    with pytest.raises(PermissionDenied):
        services.record_contract(people[role], **contract_answers())

    assert not Contract.objects.exists()


def test_the_cfo_records_contracts_but_not_gifts(people):
    with pytest.raises(PermissionDenied):
        services.record_gift_offer(people[Role.CFO], **gift_answers(people[Role.PCC]))


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"ends_on": datetime.date(2026, 3, 31)}, "ends_on"),
        ({"value": Decimal("0.00")}, "value"),
        ({"procurement_route": "handshake"}, "procurement_route"),
        ({"title": ""}, "title"),
    ],
)
def test_a_contract_with_bad_answers_is_refused(people, answers, field):
    with pytest.raises(ValidationError) as refusal:
        services.record_contract(people[Role.CFO], **contract_answers(**answers))

    assert field in refusal.value.message_dict
    assert not Contract.objects.exists()


def test_a_new_document_replaces_the_old_and_both_changes_are_in_history(people):
    contract = services.record_contract(people[Role.CFO], **contract_answers())

    services.update_contract(people[Role.CFO], contract, document=pdf("signed.pdf"))

    assert contract.document.name.endswith(f"{contract.code}.pdf")
    assert contract.history.count() == 2


def test_correcting_a_contract_without_a_new_document_keeps_the_stored_one(people):
    contract = services.record_contract(people[Role.CFO], **contract_answers(), document=pdf())
    stored = contract.document.name

    services.update_contract(
        people[Role.STAFF], contract, supplier="Victim Support Ltd", document=contract.document
    )

    contract.refresh_from_db()
    assert contract.document.name == stored
    assert contract.supplier == "Victim Support Ltd"


def test_a_contract_correction_needs_change_permission(people):
    contract = ContractFactory()

    with pytest.raises(PermissionDenied):
        services.update_contract(people[Role.DEPUTY], contract, supplier="Someone else")
