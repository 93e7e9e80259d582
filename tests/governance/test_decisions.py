import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.models import AdviceKind, Decision, DecisionStatus, SupportingDocument
from governance.models.delegation import general_category_id
from governance.services import decisions as services
from opcc.models import DocumentStatus, GeneratedDocument
from opcc.roles import Role

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Community safety grants",
    "summary": "Grants to the community safety partnerships.",
    "decision_text": "To award the grants.",
    "reasons": "They support the plan.",
    "significant_public_interest": True,
}


def posted() -> dict:
    """The decision form as a browser sends it: the fields, the maker and the category."""
    return {**FIELDS, "decision_maker": "pcc", "category": general_category_id()}


@pytest.fixture
def draft(people):
    return services.draft_decision(people[Role.STAFF], **FIELDS)


def advise(people, decision, *kinds):
    decision.refresh_from_db()
    if decision.status == DecisionStatus.DRAFT:
        services.submit_for_advice(people[Role.STAFF], decision)
    for kind in kinds or AdviceKind.values:
        adviser = people[Role.CHIEF_EXECUTIVE if kind == AdviceKind.LEGAL else Role.CFO]
        services.record_advice(adviser, decision, kind=kind, text=f"{kind} advice")
    decision.refresh_from_db()
    return decision


def test_references_are_numbered_per_year_and_never_reused(people, draft):
    second = services.draft_decision(people[Role.STAFF], **FIELDS)
    services.withdraw_decision(people[Role.STAFF], second, reason="Not needed")
    third = services.draft_decision(people[Role.STAFF], **FIELDS)

    year = draft.year
    assert [draft.reference, second.reference, third.reference] == [
        f"{year}/001",
        f"{year}/002",
        f"{year}/003",
    ]


def test_decision_cannot_be_signed_without_both_advices(people, draft):
    advise(people, draft, AdviceKind.LEGAL)

    with pytest.raises(ValidationError, match="cannot be signed until"):
        services.sign_decision(people[Role.PCC], draft, declared_interests="None")

    draft.refresh_from_db()
    assert draft.status == DecisionStatus.AWAITING_ADVICE


def test_both_advices_let_the_decision_maker_sign(people, draft):
    decision = advise(people, draft)
    assert decision.status == DecisionStatus.ADVISED

    services.sign_decision(people[Role.PCC], decision, declared_interests="None")

    decision.refresh_from_db()
    assert decision.status == DecisionStatus.SIGNED
    assert decision.signed_by == people[Role.PCC]
    assert decision.declared_interests == "None"
    assert decision.not_published_reason == services.AWAITING_PUBLICATION


def test_only_the_decision_maker_signs(people, draft):
    decision = advise(people, draft)
    with pytest.raises(ValidationError, match="Only the decision maker"):
        services.sign_decision(people[Role.DEPUTY], decision, declared_interests="None")
    with pytest.raises(PermissionDenied):
        services.sign_decision(people[Role.STAFF], decision, declared_interests="None")


def test_signing_needs_declared_interests(people, draft):
    decision = advise(people, draft)
    with pytest.raises(ValidationError) as error:
        services.sign_decision(people[Role.PCC], decision, declared_interests="  ")
    assert "declared_interests" in error.value.message_dict


def test_editing_the_substance_after_advice_makes_it_stale(people, draft):
    decision = advise(people, draft)

    services.update_decision(
        people[Role.STAFF],
        decision,
        expected_version=decision.version,
        **{**FIELDS, "decision_text": "To award smaller grants."},
    )

    decision.refresh_from_db()
    assert decision.status == DecisionStatus.AWAITING_ADVICE
    assert decision.advice_round == 2
    assert services.current_advice(decision) == {}
    assert all(advice.is_stale for advice in decision.advice.all())
    with pytest.raises(ValidationError):
        services.sign_decision(people[Role.PCC], decision, declared_interests="None")


def test_editing_nothing_substantive_keeps_the_advice(people, draft):
    decision = advise(people, draft)
    services.update_decision(
        people[Role.STAFF], decision, expected_version=decision.version, **FIELDS
    )
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.ADVISED
    assert set(services.current_advice(decision)) == set(AdviceKind.values)


def test_the_second_of_two_concurrent_edits_is_refused(people, draft):
    opened_version = draft.version
    services.update_decision(
        people[Role.STAFF], draft, expected_version=opened_version,
        **{**FIELDS, "title": "First person's title"},
    )  # fmt: skip

    with pytest.raises(services.ConcurrentEdit):
        services.update_decision(
            people[Role.CHIEF_EXECUTIVE], draft, expected_version=opened_version,
            **{**FIELDS, "title": "Second person's title"},
        )  # fmt: skip

    draft.refresh_from_db()
    assert draft.title == "First person's title"


def test_concurrent_edit_in_the_browser_shows_a_conflict_and_keeps_the_typing(
    people, draft, client_for
):
    url = reverse("governance:decision_edit", args=[draft.code])
    form = {**posted(), "version": draft.version}
    first = client_for(Role.STAFF).post(url, {**form, "title": "Saved first"})
    second = client_for(Role.CHIEF_EXECUTIVE).post(url, {**form, "title": "Typed second"})

    assert first.status_code == 302
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else saved this decision while you were editing it" in page
    assert 'value="Typed second"' in page
    draft.refresh_from_db()
    assert draft.title == "Saved first"


def test_publication_puts_it_on_the_register_with_a_notice(
    people, draft, client, django_capture_on_commit_callbacks
):
    decision = advise(people, draft)
    services.sign_decision(people[Role.PCC], decision, declared_interests="None")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_decision(people[Role.STAFF], decision)

    decision.refresh_from_db()
    assert decision.status == DecisionStatus.PUBLISHED
    notice = GeneratedDocument.objects.get(kind="decision_notice")
    assert notice.status == DocumentStatus.READY
    page = client.get(decision.get_public_url()).content.decode()
    assert "Decision notice (PDF)" in page
    pdf = client.get(reverse("decision_notice", args=[decision.year, decision.number]))
    assert pdf["Content-Type"] == "application/pdf"


def test_signing_publishes_at_once_when_the_office_chooses(settings, people, draft):
    settings.DECISIONS_PUBLISH_ON_SIGNING = True
    decision = advise(people, draft)
    services.sign_decision(people[Role.PCC], decision, declared_interests="None")
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.PUBLISHED


def test_signed_decision_not_of_significant_interest_states_why_it_is_not_published(
    people,
):
    decision = services.draft_decision(
        people[Role.STAFF], **{**FIELDS, "significant_public_interest": False}
    )
    decision = advise(people, decision)
    services.sign_decision(people[Role.PCC], decision, declared_interests="None")
    decision.refresh_from_db()
    assert decision.not_published_reason == services.NOT_OF_SIGNIFICANT_INTEREST
    with pytest.raises(ValidationError, match="Only decisions of significant public interest"):
        services.publish_decision(people[Role.STAFF], decision)


def test_advisers_and_the_decision_maker_are_told_through_the_outbox(
    people, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_for_advice(people[Role.STAFF], draft)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [people[Role.CHIEF_EXECUTIVE].email, people[Role.CFO].email]
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        advise(people, draft)
    assert [m.to[0] for m in mail.outbox] == [people[Role.PCC].email]
    assert "awaits your signature" in mail.outbox[0].subject


def test_history_records_each_change_with_its_author(people, draft, client_for):
    advise(people, draft)
    page = (
        client_for(Role.CHIEF_EXECUTIVE)
        .get(reverse("record_history", args=["governance", "decision", draft.pk]))
        .content.decode()
    )
    assert f"Changed by {people[Role.CFO].full_name}" in page
    assert "Awaiting advice" in page and "Advised" in page


def test_supporting_documents_are_checked_by_content(people, draft, client_for):
    url = reverse("governance:decision_document_add", args=[draft.code])
    client = client_for(Role.STAFF)
    disguised = SimpleUploadedFile("minutes.pdf", b"<html><script>alert(1)</script></html>")
    real = SimpleUploadedFile("minutes.pdf", b"%PDF-1.7\n...")

    refused = client.post(url, {"title": "Minutes", "upload": disguised})
    accepted = client.post(url, {"title": "Minutes", "upload": real, "is_public": "on"})

    assert refused.status_code == 400
    assert "The selected file must be a PDF" in refused.content.decode()
    assert accepted.status_code == 302
    assert list(SupportingDocument.objects.values_list("mimetype", "is_public")) == [
        ("application/pdf", True)
    ]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"title": ""}, "Enter the decision&#x27;s title"),
        ({"summary": ""}, "Enter a summary of the decision"),
        ({"confidential_annex": "Prices", "restriction_reason": ""}, "Enter why the annex is"),
        ({"decision_maker": "chief_constable"}, "Choose the Commissioner or the Deputy"),
    ],
)
def test_bad_input_on_the_decision_form_saves_nothing(client_for, change, message):
    form = {**posted(), **change}
    response = client_for(Role.STAFF).post(reverse("governance:decision_add"), form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Decision.objects.count() == 0


def test_advice_and_signature_forms_answer_bad_input(people, draft, client_for):
    advise(people, draft, AdviceKind.LEGAL)
    financial = reverse("governance:decision_advice", args=[draft.code, "financial"])
    response = client_for(Role.CFO).post(financial, {"text": ""})
    assert response.status_code == 400 and "Enter the advice" in response.content.decode()
    assert (
        client_for(Role.CFO)
        .get(reverse("governance:decision_advice", args=[draft.code, "nonsense"]))
        .status_code
        == 404
    )
    assert client_for(Role.STAFF).post(financial, {"text": "x"}).status_code == 403

    advise(people, draft, AdviceKind.FINANCIAL)
    sign = reverse("governance:decision_sign", args=[draft.code])
    response = client_for(Role.PCC).post(sign, {"declared_interests": ""})
    assert response.status_code == 400
    assert "Declare your interests, or write None" in response.content.decode()


def test_publishing_in_the_wrong_state_is_refused_clearly(draft, client_for):
    response = client_for(Role.STAFF).post(
        reverse("governance:decision_publish", args=[draft.code])
    )
    assert response.status_code == 400
    assert "cannot become published" in response.content.decode()


@pytest.mark.parametrize("rows", [3, 40])
def test_office_decision_list_queries_do_not_grow(
    rows, people, client_for, django_assert_max_num_queries
):
    from tests.governance.factories import DecisionFactory

    DecisionFactory.create_batch(rows, created_by=people[Role.STAFF])
    client = client_for(Role.STAFF)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("governance:decisions"))
    assert response.status_code == 200


def test_dashboards_show_what_awaits_advice_and_signature(people, draft, client_for):
    advise(people, draft, AdviceKind.LEGAL)
    cfo = client_for(Role.CFO).get(reverse("dashboard")).content.decode()
    chief_executive = client_for(Role.CHIEF_EXECUTIVE).get(reverse("dashboard")).content.decode()
    assert "Awaiting my advice" in cfo and draft.title in cfo
    assert "Nothing awaits your advice." in chief_executive

    advise(people, draft, AdviceKind.FINANCIAL)
    pcc = client_for(Role.PCC).get(reverse("dashboard")).content.decode()
    assert "Awaiting my signature" in pcc and draft.title in pcc


def test_after_a_refused_concurrent_save_the_second_person_can_save_again(
    people, draft, client_for
):
    url = reverse("governance:decision_edit", args=[draft.code])
    form = {**posted(), "version": draft.version}
    client_for(Role.STAFF).post(url, {**form, "title": "Saved first"})
    second = client_for(Role.CHIEF_EXECUTIVE)
    refused = second.post(url, {**form, "title": "Typed second"})
    assert refused.status_code == 409

    version = refused.context["form"].data["version"]
    again = second.post(url, {**form, "title": "Typed second", "version": version})

    assert again.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Typed second"


def test_a_document_added_after_advice_asks_for_advice_again(people, draft):
    decision = advise(people, draft)
    services.add_supporting_document(
        people[Role.STAFF], decision, title="Late appendix",
        upload=SimpleUploadedFile("a.pdf", b"%PDF-1.7 late"), is_public=True,
    )  # fmt: skip
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.AWAITING_ADVICE
    assert services.current_advice(decision) == {}


def test_a_withheld_document_needs_a_reason(people, draft, client_for):
    response = client_for(Role.STAFF).post(
        reverse("governance:decision_document_add", args=[draft.code]),
        {"title": "Scores", "upload": SimpleUploadedFile("s.pdf", b"%PDF-1.7 x")},
    )
    assert response.status_code == 400
    assert "Enter why the document is withheld" in response.content.decode()
    assert SupportingDocument.objects.count() == 0


@pytest.mark.parametrize("year", ["²", "99999999999999999999", "-1", "2026abc"])
def test_odd_year_filters_are_ignored_not_errors(client, year):
    assert client.get(reverse("decision_register"), {"year": year}).status_code == 200
    assert client.get(reverse("decision_register_csv"), {"year": year}).status_code == 200


def test_other_methods_on_a_form_page_are_refused(client_for):
    response = client_for(Role.STAFF).put(reverse("governance:decision_add"))
    assert response.status_code == 405


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_people_drafting_at_the_same_time_get_distinct_numbers(people):
    """Eight people draft at once: each gets the next number, none fails, none is repeated."""
    import threading

    from django.db import connections

    start = threading.Barrier(8)
    failures = []

    def draft():
        start.wait()
        try:
            services.draft_decision(people[Role.STAFF], **FIELDS)
        except Exception as error:
            failures.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=draft) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert failures == []
    assert numbers == list(range(1, 9))


def test_advice_late_against_the_office_target_is_marked_overdue(people, client_for):
    import time_machine

    with time_machine.travel("2026-12-23 10:00 +0000", tick=False):
        decision = services.draft_decision(people[Role.STAFF], **FIELDS)
        services.submit_for_advice(people[Role.STAFF], decision)
    # 5 working days after 23 December 2026: the 24th, 29th, 30th, 31st and 4 January.
    with time_machine.travel("2027-01-04 10:00 +0000", tick=False):
        on_time = client_for(Role.CFO).get(reverse("dashboard")).content.decode()
    with time_machine.travel("2027-01-05 10:00 +0000", tick=False):
        late = client_for(Role.CFO).get(reverse("dashboard")).content.decode()
    assert "by 4 January 2027" in on_time and "Overdue" not in on_time
    assert "Overdue" in late
