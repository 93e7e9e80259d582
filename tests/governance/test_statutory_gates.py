"""The statutory gates on decisions beyond the spending bar (tests/governance/test_spending_bar.py):
reports suspending published decisions, reports on proposals and omissions, the bar that
outlives consideration, the functions the Commissioner may not delegate, and decision notices."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from governance.models import (
    AdviceKind,
    DecisionStatus,
    ReportGround,
    ReportKind,
)
from governance.services import decisions as decision_services
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.governance.statutory_helpers import (
    advised_decision,
    at,
    consider,
    issue,
    sign,
)

pytestmark = pytest.mark.django_db


# Monitoring Officer reports on published decisions, proposals and omissions (LGHA 1989 s.5)


def published_decision(people):
    decision = advised_decision(people, on="2027-05-20", amount=None)
    sign(people, decision, "2027-05-21")
    with at("2027-05-21"):
        return decision_services.publish_decision(people[Role.STAFF], decision)


def test_a_published_decision_reported_on_is_marked_implementation_suspended(people, client):
    decision = published_decision(people)
    report = issue(
        people, kind=ReportKind.MONITORING_OFFICER, ground=ReportGround.UNLAWFUL,
        decision=decision, matter="",
    )  # fmt: skip
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.PUBLISHED
    with at("2027-06-02"):
        register = client.get(reverse("decision_register")).content.decode()
        page = client.get(decision.get_public_url()).content.decode()
    assert "Implementation suspended" in register
    assert "Implementation suspended since 1 June 2027" in page
    assert "Local Government and Housing Act 1989 s.5" in page
    assert report.title not in page  # the report itself stays confidential
    consider(people, report, on="2027-06-10")
    with at("2027-06-11"):
        page = client.get(decision.get_public_url()).content.decode()
    assert "The suspension lifts at the end of 11 June 2027" in page
    with at("2027-06-12"):
        register = client.get(reverse("decision_register")).content.decode()
        page = client.get(decision.get_public_url()).content.decode()
    assert "Implementation suspended" not in register and "Implementation suspended" not in page


def test_the_report_form_takes_a_published_decision_by_its_reference(people, client_for):
    from governance.models import StatutoryReport

    decision = published_decision(people)
    url = reverse("governance:report_add", args=["mo_s5"])
    form = {
        "title": "Report on the award", "ground": "unlawful", "findings": "Unlawful.",
        "recommendations": "Stop.",
    }  # fmt: skip
    client = client_for(Role.CHIEF_EXECUTIVE)
    unknown = client.post(url, {**form, "decision": "2099/999"})
    assert unknown.status_code == 400
    assert "Enter the reference of a decision that is not withdrawn" in unknown.content.decode()
    assert client.post(url, {**form, "decision": f" {decision.reference} "}).status_code == 302
    assert StatutoryReport.objects.get().decision == decision


def test_a_report_on_an_omission_with_no_decision_sends_copies_and_runs_its_clock(people):
    report = issue(
        people, kind=ReportKind.MONITORING_OFFICER, ground=ReportGround.MALADMINISTRATION,
        matter="The failure to publish the register of interests since March.",
    )  # fmt: skip
    assert report.decision is None and report.due_on == date(2027, 9, 1)
    copy = OutboundMessage.objects.get(
        kind="statutory_report_panel_copy", to=people[Role.PANEL].email
    )
    assert "The failure to publish the register of interests since March." in copy.body_text


def test_a_halted_decision_stays_barred_until_the_end_of_the_business_day_after_consideration(
    people,
):
    decision = advised_decision(people, on="2027-05-28", amount=None)
    report = issue(
        people, kind=ReportKind.MONITORING_OFFICER, ground=ReportGround.UNLAWFUL,
        decision=decision, matter="",
    )  # fmt: skip
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.HALTED
    consider(people, report, on="2027-06-10")
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.AWAITING_ADVICE  # advice afresh
    with at("2027-06-11"):
        for kind, role in (
            (AdviceKind.LEGAL, Role.CHIEF_EXECUTIVE),
            (AdviceKind.FINANCIAL, Role.CFO),
        ):
            decision_services.record_advice(people[role], decision, kind=kind, text="Again.")
    decision.refresh_from_db()
    with pytest.raises(ValidationError, match="until the end of 11 June 2027"):
        sign(people, decision, "2027-06-11")
    assert sign(people, decision, "2027-06-12").status == DecisionStatus.SIGNED


def test_a_withdrawn_decision_cannot_be_reported_on(people):
    decision = advised_decision(people, amount=None)
    decision_services.withdraw_decision(people[Role.STAFF], decision, reason="Not needed.")
    with pytest.raises(ValidationError, match="withdrawn decision"):
        issue(
            people, kind=ReportKind.MONITORING_OFFICER, ground=ReportGround.UNLAWFUL,
            decision=decision, matter="",
        )  # fmt: skip


# Decision notices (issue 15, point 5)


def test_the_notice_shows_advice_by_role_the_declaration_and_the_signature(
    people, client, django_capture_on_commit_callbacks
):
    decision = advised_decision(people, on="2027-05-20", amount=None)
    sign(people, decision, "2027-05-21")
    with at("2027-05-21"), django_capture_on_commit_callbacks(execute=True):
        decision_services.publish_decision(people[Role.STAFF], decision)
    page = client.get(decision.get_public_url()).content.decode()
    for text in (
        "Legal and Monitoring Officer advice: given by the Chief Executive and Monitoring "
        "Officer on 20 May 2027",
        "Financial advice: given by the Chief Finance Officer on 20 May 2027",
        "I confirm that I have considered whether I have any personal or prejudicial interest",
        people[Role.PCC].full_name,
        "21 May 2027",
    ):
        assert text in page
    assert "Advice." not in page  # the advice's text is never public
    response = client.get(reverse("decision_notice", args=[decision.year, decision.number]))
    text = " ".join(
        page.extract_text()
        for page in PdfReader(__import__("io").BytesIO(b"".join(response.streaming_content))).pages
    )
    text = " ".join(text.split())
    assert "given by the Chief Finance Officer on 20 May 2027" in text
    assert "personal or prejudicial interest" in text
    assert "Signed by" in text and people[Role.PCC].full_name in text


def test_the_notice_of_a_suspended_decision_gives_the_dated_suspension(
    people, django_capture_on_commit_callbacks
):
    from io import BytesIO

    from governance.views.public_decisions import latest_notice

    decision = published_decision(people)
    with django_capture_on_commit_callbacks(execute=True):
        report = issue(
            people, kind=ReportKind.MONITORING_OFFICER, ground=ReportGround.UNLAWFUL,
            decision=decision, matter="",
        )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        consider(people, report, on="2027-06-10")
    notice = latest_notice(decision)
    with notice.file.open("rb") as pdf:
        text = " ".join(
            " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.read())).pages).split()
        )
    assert (
        "Implementation suspended by a report under Local Government and Housing Act 1989 s.5"
        in text
    )
    assert "from 1 June 2027 until the end of 11 June 2027" in text
    assert report.title not in text and "Spending exceeds resources" not in text


# Functions the Commissioner may not delegate (PRSRA 2011 s.18(3)(b), (7))


@pytest.mark.parametrize(
    "slug, paragraph",
    [
        ("police-and-crime-plan", "(7)(a)"),
        ("chief-constable", "(7)(e)"),
        ("precept-and-budget", "(7)(f)"),
    ],
)
def test_the_deputy_cannot_be_the_maker_of_a_reserved_decision(people, client_for, slug, paragraph):
    from governance.models import Decision, DecisionCategory

    category = DecisionCategory.objects.get(slug=slug)
    with pytest.raises(ValidationError, match=rf"s\.18{re.escape(paragraph)}"):
        decision_services.draft_decision(
            people[Role.STAFF], title="Precept 2027/28", summary="The precept.",
            category=category, decision_maker="deputy",
        )  # fmt: skip
    response = client_for(Role.STAFF).post(
        reverse("governance:decision_add"),
        {"title": "Precept 2027/28", "summary": "The precept.", "category": category.pk,
         "decision_maker": "deputy"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Only the Commissioner may make this decision" in response.content.decode()
    assert not Decision.objects.exists()
    made = decision_services.draft_decision(
        people[Role.STAFF], title="Precept 2027/28", summary="The precept.", category=category,
        decision_maker="pcc",
    )  # fmt: skip
    assert made.category == category


def test_a_decision_delegated_to_the_deputy_is_refused_at_signing_once_the_scheme_withdraws_it(
    people,
):
    from governance.models import DecisionCategory

    grants = DecisionCategory.objects.create(slug="grants", name="Grants", deputy_may_decide=True)
    decision = advised_decision(people, amount=None, category=grants, decision_maker="deputy")
    DecisionCategory.objects.filter(pk=grants.pk).update(deputy_may_decide=False)
    with at("2027-06-03"), pytest.raises(ValidationError, match="does not delegate"):
        decision_services.sign_decision(people[Role.DEPUTY], decision, declared_interests="None")
