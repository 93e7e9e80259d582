"""The statutory gates on decisions: the s.114(3) spending bar and the CFO's authorisation, the
suspension of published decisions, reports on proposals and omissions, the bar that outlives
consideration, the Commissioner's report of action and its copies, and decision notices."""

import re
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from governance.models import (
    AdviceKind,
    AuthorisationGround,
    DecisionStatus,
    ReportGround,
    ReportKind,
    ReportOutcome,
    SpendingAuthorisation,
)
from governance.services import decisions as decision_services
from governance.services import reports as services
from opcc.models import OutboundMessage
from opcc.roles import Role
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db
AUDITOR = "auditor@audit.example"


def at(day: str, hour: int = 10):
    return time_machine.travel(f"{day} {hour:02d}:00 +0000", tick=False)


def advised_decision(people, *, on="2027-06-02", amount=Decimal("5000"), **fields):
    with at(on):
        decision = decision_services.draft_decision(
            people[Role.STAFF], title="New case management licences", summary="Licences.",
            commits_expenditure=amount is not None, expenditure_amount=amount,
            significant_public_interest=True, **fields,
        )  # fmt: skip
        decision_services.submit_for_advice(people[Role.STAFF], decision)
        for kind, role in (
            (AdviceKind.LEGAL, Role.CHIEF_EXECUTIVE),
            (AdviceKind.FINANCIAL, Role.CFO),
        ):
            decision_services.record_advice(people[role], decision, kind=kind, text="Advice.")
    decision.refresh_from_db()
    return decision


def issue(people, *, kind, ground, on="2027-06-01", **fields):
    author = people[Role.CFO if kind == ReportKind.CHIEF_FINANCE_OFFICER else Role.CHIEF_EXECUTIVE]
    with at(on):
        report = services.draft_report(
            author, kind=kind, title="Report on the 2027/28 budget", ground=ground,
            findings="Spending exceeds resources.", recommendations="Stop new spending.",
            **({"matter": "The 2027/28 budget."} | fields),
        )  # fmt: skip
        return services.issue_report(author, report)


def section_114_3(people, on="2027-06-01"):
    return issue(
        people, kind=ReportKind.CHIEF_FINANCE_OFFICER, ground=ReportGround.UNBALANCED_BUDGET, on=on
    )


def consider(people, report, *, on):
    with at(on):
        return services.record_consideration(
            people[Role.PCC], report, response="I have considered it.",
            outcome=ReportOutcome.ACCEPTS, outcome_reasons="To balance the budget.",
            action_taken="Recruitment paused.", action_proposed="A revised budget by July.",
        )  # fmt: skip


def sign(people, decision, on):
    with at(on):
        return decision_services.sign_decision(
            people[Role.PCC], decision, declared_interests="None"
        )


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
        decision_services.authorise_new_agreement(
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
        decision_services.authorise_new_agreement(
            people[Role.PCC], decision, report=report, ground="improve", reasons="Because."
        )
    other = issue(people, kind=ReportKind.CHIEF_FINANCE_OFFICER, ground=ReportGround.UNLAWFUL_LOSS)
    with at("2027-06-03"), pytest.raises(ValidationError, match="prohibition period is running"):
        decision_services.authorise_new_agreement(
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


def test_an_authorisation_covers_the_agreement_as_advised_and_no_later_change(people):
    report = section_114_3(people)
    decision = advised_decision(people)
    with at("2027-06-03"):
        decision_services.authorise_new_agreement(
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
        decision_services.authorise_new_agreement(
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
            decision_services.authorise_new_agreement(
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
        decision_services.authorise_new_agreement(
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
