"""The s.114(3) spending bar (LGFA 1988 s.115(6)-(6B)) and the CFO's written authorisation;
the copies to the external auditor and the Commissioner's report of action (s.114(4),
s.115(1E)-(1F))."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse

from governance.models import (
    AdviceKind,
    AuthorisationGround,
    DecisionStatus,
    ReportGround,
    ReportKind,
    SpendingAuthorisation,
)
from governance.services import decisions as decision_services
from governance.services import spending
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.governance.statutory_helpers import (
    advised_decision,
    at,
    consider,
    issue,
    section_114_3,
    sign,
)
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db
AUDITOR = "auditor@audit.example"


# The s.114(3) spending bar (LGFA 1988 s.115(6)-(6B))


def test_a_decision_committing_expenditure_cannot_be_signed_in_a_prohibition_period(people):
    report = section_114_3(people)
    decision = advised_decision(people)
    with pytest.raises(ValidationError) as refusal:
        sign(people, decision, "2027-06-03")
    message = str(refusal.value)
    assert "section 114(3)" in message and report.title in message
    assert "s.115(6)" in message and "£5,000.00" in message
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.ADVISED


def test_a_decision_committing_no_expenditure_is_not_barred(people):
    section_114_3(people)
    decision = advised_decision(people, amount=None)
    assert sign(people, decision, "2027-06-03").status == DecisionStatus.SIGNED


def test_a_section_114_2_report_sets_no_spending_bar(people):
    issue(people, kind=ReportKind.CHIEF_FINANCE_OFFICER, ground=ReportGround.UNLAWFUL_LOSS)
    assert sign(people, advised_decision(people), "2027-06-03").status == DecisionStatus.SIGNED


def test_the_cfos_written_authorisation_lets_the_decision_be_signed(people, client_for):
    report = section_114_3(people)
    decision = advised_decision(people)
    with at("2027-06-03"):
        spending.authorise_new_agreement(
            people[Role.CFO], decision, report=report, ground=AuthorisationGround.IMPROVE,
            reasons="The licences replace a costlier contract.",
        )  # fmt: skip
    assert sign(people, decision, "2027-06-03").status == DecisionStatus.SIGNED
    page = client_for(Role.STAFF).get(decision.get_absolute_url()).content.decode()
    assert "Authorised under Local Government Finance Act 1988 s.115(6)" in page
    assert "(b) improve the situation" in page
    assert SpendingAuthorisation.history.filter(decision_id=decision.pk).count() == 1
    history = client_for(Role.STAFF).get(
        reverse("record_history", args=["governance", "decision", decision.pk])
    )
    assert "authorised by the CFO under LGFA 1988 s.115(6), ground (b)" in history.content.decode()


def test_the_bar_lifts_after_the_first_business_day_after_consideration(people):
    report = section_114_3(people)
    consider(people, report, on="2027-06-10")  # Thursday: the bar runs to the end of Friday
    decision = advised_decision(people)
    with pytest.raises(ValidationError, match="section 114\\(3\\)"):
        sign(people, decision, "2027-06-11")
    assert sign(people, decision, "2027-06-12").status == DecisionStatus.SIGNED


def test_only_the_cfo_authorises_and_only_against_a_running_section_114_3_report(people):
    report = section_114_3(people)
    decision = advised_decision(people)
    with pytest.raises(PermissionDenied):
        spending.authorise_new_agreement(
            people[Role.PCC], decision, report=report, ground="improve", reasons="Because."
        )
    other = issue(people, kind=ReportKind.CHIEF_FINANCE_OFFICER, ground=ReportGround.UNLAWFUL_LOSS)
    with at("2027-06-03"), pytest.raises(ValidationError, match="prohibition period is running"):
        spending.authorise_new_agreement(
            people[Role.CFO], decision, report=other, ground="improve", reasons="Because."
        )
    assert not SpendingAuthorisation.objects.exists()


def test_the_authorisation_form_answers_bad_input_and_saves_nothing(people, client_for):
    section_114_3(people)
    decision = advised_decision(people)
    url = reverse("governance:decision_authorise_spending", args=[decision.code])
    with at("2027-06-03"):
        page = client_for(Role.CFO).get(url)
        refused = client_for(Role.CFO).post(url, {"ground": "whim", "reasons": ""})
        staff = client_for(Role.STAFF).get(url)
    assert (
        page.status_code == 200 and "prevent the situation from recurring" in page.content.decode()
    )
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "Choose one of the grounds in section 115(6A)" in body
    assert "Explain your reasons for thinking that the ground applies" in body
    assert staff.status_code == 403
    assert not SpendingAuthorisation.objects.exists()


def test_every_office_dashboard_shows_the_running_period_and_until_when(people, client_for):
    report = section_114_3(people)
    with at("2027-06-05"):
        staff = client_for(Role.STAFF).get(reverse("dashboard")).content.decode()
        panel = client_for(Role.PANEL).get(reverse("dashboard")).content.decode()
    assert "A section 114(3) prohibition period is running" in staff
    assert "due by 21 June 2027" in staff
    assert "prohibition period" not in panel
    consider(people, report, on="2027-06-10")
    with at("2027-06-11"):
        staff = client_for(Role.STAFF).get(reverse("dashboard")).content.decode()
    assert "until the end of Friday 11 June 2027" in staff
    with at("2027-06-12"):
        staff = client_for(Role.STAFF).get(reverse("dashboard")).content.decode()
    assert "prohibition period" not in staff


# Copies: the external auditor and the Commissioner's report of action (s.114(4), s.115(1E)-(1F))


def recipients(report, kind):
    return set(
        OutboundMessage.objects.filter(kind=kind, object_id=report.pk).values_list("to", flat=True)
    )


@override_settings(EXTERNAL_AUDITOR_EMAIL=AUDITOR)
def test_a_section_114_report_is_copied_to_the_external_auditor(people):
    report = section_114_3(people)
    assert recipients(report, "statutory_report_auditor_copy") == {AUDITOR}
    mo = issue(people, kind=ReportKind.MONITORING_OFFICER, ground=ReportGround.UNLAWFUL)
    assert recipients(mo, "statutory_report_auditor_copy") == set()


@override_settings(EXTERNAL_AUDITOR_EMAIL=AUDITOR, PANEL_SECRETARIAT_EMAIL="sec@council.example")
def test_the_commissioners_report_of_action_goes_to_the_cfo_the_auditor_and_each_member(
    people, client_for
):
    second = UserFactory(role=Role.PANEL, email="second.member@council.example")
    report = consider(people, section_114_3(people), on="2027-06-10")
    assert recipients(report, "statutory_report_response") == {
        people[Role.CFO].email, AUDITOR, people[Role.PANEL].email, second.email,
        "sec@council.example",
    }  # fmt: skip
    assert report.response_document is not None
    page = client_for(Role.CFO).get(report.get_absolute_url()).content.decode()
    assert "Copies of the Commissioner's report of action" in page
    assert "(external auditor)" in page and "(b) Action proposed" in page


@override_settings(EXTERNAL_AUDITOR_EMAIL=AUDITOR)
def test_a_monitoring_officer_report_of_action_goes_to_the_monitoring_officer_and_panel(people):
    mo = issue(people, kind=ReportKind.MONITORING_OFFICER, ground=ReportGround.UNLAWFUL)
    report = consider(people, mo, on="2027-06-10")
    sent = recipients(report, "statutory_report_response")
    assert people[Role.CHIEF_EXECUTIVE].email in sent and people[Role.PANEL].email in sent
    assert AUDITOR not in sent and people[Role.CFO].email not in sent


def test_consideration_needs_each_part_of_the_report_of_action(people, client_for):
    report = section_114_3(people)
    url = reverse("governance:report_consider", args=[report.code])
    response = client_for(Role.PCC).post(url, {"response": "Seen.", "outcome": "accepts"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter the action taken in response, or write None" in body
    assert "Enter the action proposed in response, or write None" in body
    report.refresh_from_db()
    assert report.considered_at is None


def test_an_authorisation_covers_the_agreement_as_advised_and_no_later_change(people):
    report = section_114_3(people)
    decision = advised_decision(people)
    with at("2027-06-03"):
        spending.authorise_new_agreement(
            people[Role.CFO], decision, report=report, ground=AuthorisationGround.IMPROVE,
            reasons="Cheaper than hiring.",
        )  # fmt: skip
        decision.refresh_from_db()
        decision_services.update_decision(
            people[Role.STAFF], decision, expected_version=decision.version,
            commits_expenditure=True, expenditure_amount=Decimal("5000000"),
        )  # fmt: skip
        for kind, role in (
            (AdviceKind.LEGAL, Role.CHIEF_EXECUTIVE),
            (AdviceKind.FINANCIAL, Role.CFO),
        ):
            decision_services.record_advice(people[role], decision, kind=kind, text="Again.")
    decision.refresh_from_db()
    with pytest.raises(ValidationError, match=re.escape("£5,000,000.00")):
        sign(people, decision, "2027-06-03")
    with at("2027-06-03"):
        spending.authorise_new_agreement(
            people[Role.CFO], decision, report=report, ground=AuthorisationGround.IMPROVE,
            reasons="Still cheaper than hiring, at the larger scale.",
        )  # fmt: skip
    assert sign(people, decision, "2027-06-03").status == DecisionStatus.SIGNED


def test_a_decision_is_authorised_only_once_advised(people):
    report = section_114_3(people)
    with at("2027-06-02"):
        draft = decision_services.draft_decision(
            people[Role.STAFF], title="Vans", summary="Vans.", commits_expenditure=True,
            expenditure_amount=Decimal("100"),
        )  # fmt: skip
        with pytest.raises(ValidationError, match="has had its advice"):
            spending.authorise_new_agreement(
                people[Role.CFO], draft, report=report, ground="improve", reasons="Because."
            )


def test_the_cfo_sees_what_waits_for_an_authorisation_and_the_page_says_when_none_is_needed(
    people, client_for
):
    report = section_114_3(people)
    barred = advised_decision(people)
    free = advised_decision(people, amount=None)
    with at("2027-06-03"):
        dashboard = client_for(Role.CFO).get(reverse("dashboard")).content.decode()
        staff = client_for(Role.STAFF).get(reverse("dashboard")).content.decode()
        nothing = client_for(Role.CFO).get(
            reverse("governance:decision_authorise_spending", args=[free.code])
        )
    assert "Awaiting my authorisation" in dashboard and barred.reference in dashboard
    assert (
        free.reference not in dashboard.split("Awaiting my authorisation")[1].split("</section>")[0]
    )
    assert "Awaiting my authorisation" not in staff
    assert nothing.status_code == 200
    assert "It does not commit new expenditure" in nothing.content.decode()
    with at("2027-06-03"):
        spending.authorise_new_agreement(
            people[Role.CFO], barred, report=report, ground="improve", reasons="Because."
        )
        dashboard = client_for(Role.CFO).get(reverse("dashboard")).content.decode()
    assert "Awaiting my authorisation" not in dashboard


@pytest.mark.parametrize("role", [Role.PCC, Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO])
def test_the_banner_is_on_each_office_holders_dashboard(people, client_for, role):
    section_114_3(people)
    with at("2027-06-05"):
        page = client_for(role).get(reverse("dashboard")).content.decode()
    assert "A section 114(3) prohibition period is running" in page
