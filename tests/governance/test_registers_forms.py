"""The registers' staff pages: the lists, the record pages and every form's answer to bad input."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.contrib.auth.context_processors import PermWrapper
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse

from governance.models import Contract, GiftOffer, InterestEntry
from governance.services import registers as services
from opcc.roles import Role
from tests.governance.factories import ContractFactory, GiftOfferFactory, InterestEntryFactory

pytestmark = pytest.mark.django_db

WRONG_TYPE = "must be a PDF, Word, Excel, PowerPoint or OpenDocument file"
PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


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


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_bytes(part="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<document/>")
    return buffer.getvalue()


def errors_of(response) -> str:
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "<title>Error: " in page
    return page


# --- Adding, through the forms ---------------------------------------------------------------


def test_staff_record_an_interest_and_see_it_with_a_link_to_its_history(people, client_for):
    client = client_for(Role.STAFF)

    response = client.post(reverse("governance:interest_add"), interest_post(people[Role.PCC]))

    entry = InterestEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:interest", args=[entry.pk])
    assert entry.history.get().history_user == people[Role.STAFF]
    page = client.get(response["Location"]).content.decode()
    assert "The interest has been added to the register." in page
    assert reverse("record_history", args=["governance", "interestentry", entry.pk]) in page
    assert (
        client.get(
            reverse("record_history", args=["governance", "interestentry", entry.pk])
        ).status_code
        == 200
    )


def test_staff_record_a_gift_offer_in_pounds(people, client_for):
    response = client_for(Role.STAFF).post(
        reverse("governance:gift_offer_add"), gift_post(people[Role.DEPUTY], accepted="False")
    )

    offer = GiftOffer.objects.get()
    assert response.status_code == 302
    assert offer.estimated_value == Decimal("45.00")
    assert offer.accepted is False


def test_cfo_records_a_contract_with_its_document(client_for):
    client = client_for(Role.CFO)
    response = client.post(
        reverse("governance:contract_add"),
        {**contract_post(), "document": upload("contract.pdf", PDF_BYTES)},
    )

    contract = Contract.objects.get()
    assert response.status_code == 302
    assert contract.value == Decimal("250000")
    download = client.get(reverse("governance:contract_document", args=[contract.code]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert 'filename="victim-support-service.pdf"' in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("contract.docx", docx_bytes()),
        ("prices.xlsx", docx_bytes("xl/workbook.xml")),
        ("contract.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
        ("prices.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
    ],
)
def test_office_documents_are_accepted_by_their_content(client_for, name, content):
    response = client_for(Role.STAFF).post(
        reverse("governance:contract_add"), {**contract_post(), "document": upload(name, content)}
    )

    assert response.status_code == 302
    assert Contract.objects.get().document.name.endswith(name[name.index(".") :])


def test_a_document_is_stored_as_what_its_content_is_not_what_its_name_says(client_for):
    client = client_for(Role.CFO)
    client.post(
        reverse("governance:contract_add"),
        {**contract_post(), "document": upload("contract.exe", PDF_BYTES)},
    )

    contract = Contract.objects.get()
    assert contract.document.name.endswith(f"/{contract.code}.pdf")
    download = client.get(reverse("governance:contract_document", args=[contract.code]))
    assert download["Content-Type"] == "application/pdf"


# --- Bad input: a clear error next to the field, nothing saved -------------------------------


def test_an_empty_interest_form_lists_each_missing_answer(client_for):
    page = errors_of(client_for(Role.STAFF).post(reverse("governance:interest_add"), {}))

    for message in (
        "Choose whose interest it is",
        "Choose the category of the interest",
        "Describe the interest",
        "Enter the date the interest was registered",
    ):
        assert message in page
    assert 'href="#id_registered_on_0"' in page  # the summary leads to the day box
    assert not InterestEntry.objects.exists()


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ((31, 2, 2026), "The date the interest was registered must be a real date"),
        (("x", 2, 2026), "The date the interest was registered must be a real date"),
        (("", 2, 2026), "The date the interest was registered must include a day"),
        ((1, 2, 26), "Year must include 4 numbers"),
        ((1, 1, 2099), "The date the interest was registered must be today or earlier"),
    ],
)
def test_a_bad_date_is_explained(people, client_for, parts, message):
    response = client_for(Role.STAFF).post(
        reverse("governance:interest_add"),
        interest_post(people[Role.PCC], **date_parts("registered_on", *parts)),
    )

    assert message in errors_of(response)
    assert not InterestEntry.objects.exists()


def test_an_interest_of_a_panel_member_is_refused(people, client_for):
    response = client_for(Role.STAFF).post(
        reverse("governance:interest_add"), interest_post(people[Role.PANEL])
    )

    assert "Choose the Commissioner, the Deputy or a senior member of staff" in errors_of(response)
    assert not InterestEntry.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"estimated_value": "forty pounds"}, "Enter the estimated value as an amount in pounds"),
        ({"estimated_value": "-5"}, "The estimated value must be £0 or more"),
        ({"estimated_value": "45.123"}, "Enter the estimated value to the nearest penny"),
        ({"accepted": ""}, "Select whether the offer was accepted or declined"),
        ({"reason": ""}, "Enter why the offer was accepted or declined"),
        ({"offered_by": ""}, "Enter who offered it"),
        ({"recipient": ""}, "Choose who was offered it"),
        (
            {"offered_on_0": "", "offered_on_1": "", "offered_on_2": ""},
            "Enter the date of the offer",
        ),
    ],
)
def test_a_gift_offer_with_bad_input_is_explained(people, client_for, overrides, message):
    response = client_for(Role.STAFF).post(
        reverse("governance:gift_offer_add"), gift_post(people[Role.PCC], **overrides)
    )

    assert message in errors_of(response)
    assert not GiftOffer.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (date_parts("ends_on", 31, 3, 2026), "The end date must be the same as or after the start"),
        ({"value": "0"}, "The value must be more than £0"),
        ({"value": "lots"}, "Enter the total value as an amount in pounds"),
        ({"title": ""}, "Enter the title of the contract"),
        ({"procurement_route": ""}, "Choose how the contract was procured"),
    ],
)
def test_a_contract_with_bad_input_is_explained(client_for, overrides, message):
    response = client_for(Role.CFO).post(
        reverse("governance:contract_add"), contract_post(**overrides)
    )

    assert message in errors_of(response)
    assert not Contract.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("contract.pdf", b"<html><body>Not a PDF</body></html>", WRONG_TYPE),
        ("contract.docx", b"PK\x03\x04 but not a zip at all", WRONG_TYPE),
        ("contract.docx", docx_bytes("payload.exe"), WRONG_TYPE),
        ("contract.pdf", b"", "The selected file is empty"),
        ("contract.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "must be smaller than 10 MB"),
    ],
)
def test_a_document_is_checked_by_its_content_and_size(client_for, name, content, message):
    response = client_for(Role.CFO).post(
        reverse("governance:contract_add"), {**contract_post(), "document": upload(name, content)}
    )

    assert message in errors_of(response)
    assert not Contract.objects.exists()


def test_the_end_form_explains_a_bad_date_and_keeps_the_interest_current(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC], registered_on=datetime.date(2026, 5, 1))
    url = reverse("governance:interest_end", args=[entry.pk])

    for parts, message in (
        ((30, 4, 2026), "must be the same as or after the date it was registered, 1 May 2026"),
        ((30, 2, 2026), "The date the interest ended must be a real date"),
        (("", "", ""), "Enter the date the interest ended"),
    ):
        response = client_for(Role.STAFF).post(url, date_parts("ended_on", *parts))
        assert message in errors_of(response)

    entry.refresh_from_db()
    assert entry.ended_on is None


def test_ending_an_interest_through_the_page(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC], registered_on=datetime.date(2026, 5, 1))
    client = client_for(Role.CHIEF_EXECUTIVE)

    response = client.post(
        reverse("governance:interest_end", args=[entry.pk]), date_parts("ended_on", 1, 6, 2026)
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.ended_on == datetime.date(2026, 6, 1)
    page = client.get(reverse("governance:interest", args=[entry.pk])).content.decode()
    assert "1 June 2026" in page
    assert "End this interest" not in page


def test_the_correction_forms_explain_bad_input_and_save_nothing(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC])
    offer = GiftOfferFactory(recipient=people[Role.PCC])
    contract = ContractFactory()
    client = client_for(Role.STAFF)

    cases = (
        (reverse("governance:interest_change", args=[entry.pk]), {"description": ""}),
        (reverse("governance:gift_offer_change", args=[offer.pk]), {"estimated_value": "x"}),
        (reverse("governance:contract_change", args=[contract.code]), {"supplier": ""}),
    )
    for url, answers in cases:
        errors_of(client.post(url, answers))

    assert InterestEntry.objects.get().history.count() == 1
    assert GiftOffer.objects.get().history.count() == 1
    assert Contract.objects.get().history.count() == 1


def test_a_correction_form_carries_the_version_and_refuses_a_stale_save(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC])
    url = reverse("governance:interest_change", args=[entry.pk])
    version = services.version_of(entry)
    assert f'value="{version}"' in client_for(Role.STAFF).get(url).content.decode()
    services.update_interest(people[Role.CHIEF_EXECUTIVE], entry, description="Changed first")

    response = client_for(Role.STAFF).post(
        url, interest_post(people[Role.PCC], description="Changed second", version=version)
    )

    assert "Someone else changed this record after you opened it" in errors_of(response)
    entry.refresh_from_db()
    assert entry.description == "Changed first"


def test_a_correction_saves_with_the_current_version(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC])

    response = client_for(Role.STAFF).post(
        reverse("governance:interest_change", args=[entry.pk]),
        interest_post(people[Role.PCC], description="Chair", version=services.version_of(entry)),
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.description == "Chair"


# --- Lists and record pages ------------------------------------------------------------------


def test_lists_filter_by_person_category_year_and_value_band(people, client_for):
    InterestEntryFactory(person=people[Role.PCC], description="Trustee of the youth trust")
    InterestEntryFactory(
        person=people[Role.CFO], category="securities", description="Shares in a bank"
    )
    GiftOfferFactory(offered_on=datetime.date(2026, 3, 31), description="Old dinner")
    GiftOfferFactory(offered_on=datetime.date(2026, 4, 1), description="New lunch")
    ContractFactory(title="Big contract", value=Decimal("10000.01"))
    ContractFactory(title="Small contract", value=Decimal("10000.00"))
    client = client_for(Role.PCC)

    page = client.get(reverse("governance:interests"), {"person": people[Role.CFO].pk})
    assert "Shares in a bank" in page.content.decode()
    assert "youth trust" not in page.content.decode()
    page = client.get(reverse("governance:interests"), {"category": "memberships"})
    assert "youth trust" in page.content.decode()
    assert "Shares in a bank" not in page.content.decode()
    page = client.get(reverse("governance:gift_offers"), {"year": "2025"}).content.decode()
    assert "Old dinner" in page and "New lunch" not in page
    page = client.get(reverse("governance:contracts"), {"band": "other"}).content.decode()
    assert "Small contract" in page and "Big contract" not in page
    page = client.get(reverse("governance:contracts"), {"band": "over"}).content.decode()
    assert "Big contract" in page and "Small contract" not in page


def test_a_bad_filter_value_is_explained_not_an_error_page(client_for):
    response = client_for(Role.STAFF).get(reverse("governance:gift_offers"), {"year": "1066"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_only_register_keepers_see_the_buttons_to_change(people, client_for):
    entry = InterestEntryFactory(person=people[Role.PCC])
    url = reverse("governance:interest", args=[entry.pk])

    assert "Correct this entry" in client_for(Role.STAFF).get(url).content.decode()
    assert "Correct this entry" not in client_for(Role.PCC).get(url).content.decode()


def test_a_record_of_another_kind_or_unknown_id_is_404(client_for):
    client = client_for(Role.STAFF)

    assert client.get(reverse("governance:interest", args=[999])).status_code == 404
    assert client.get(reverse("governance:gift_offer_change", args=[999])).status_code == 404


def test_a_contract_without_a_document_has_nothing_to_download(client_for):
    contract = ContractFactory()

    response = client_for(Role.STAFF).get(
        reverse("governance:contract_document", args=[contract.code])
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "links"),
    [
        (Role.STAFF, ["Register of interests", "Record an interest", "Record a contract"]),
        (Role.CFO, ["Register of interests", "Contracts", "Record a contract"]),
        (Role.PANEL, []),
    ],
)
def test_the_landing_page_links_follow_the_role(people, role, links):
    user = people[role]
    html = render_to_string(
        "governance/registers/_landing_links.html", {"user": user, "perms": PermWrapper(user)}
    )

    for link in links:
        assert f">{link}</a>" in html
    if role == Role.CFO:
        assert "Record an interest" not in html
    if not links:
        assert "<a" not in html


# --- Query counts ----------------------------------------------------------------------------


def make_rows(people, count):
    for n in range(count):
        InterestEntryFactory(person=people[Role.PCC if n % 2 else Role.CFO])
        GiftOfferFactory(recipient=people[Role.DEPUTY if n % 2 else Role.PCC])
        ContractFactory(value=Decimal("500.00") if n % 2 else Decimal("50000.00"))


@pytest.mark.parametrize("count", [3, 40])
@pytest.mark.parametrize("name", ["interests", "gift_offers", "contracts"])
def test_staff_list_queries_do_not_grow_with_the_register(
    people, client_for, django_assert_max_num_queries, count, name
):
    make_rows(people, count)
    client = client_for(Role.STAFF)

    with django_assert_max_num_queries(12):
        response = client.get(reverse(f"governance:{name}"))

    assert response.status_code == 200
