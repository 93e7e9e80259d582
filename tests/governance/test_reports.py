import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from governance.models import (
    AdviceKind,
    DecisionStatus,
    ReportGround,
    ReportKind,
    ReportOutcome,
    ReportStatus,
    StatutoryReport,
)
from governance.services import decisions as decision_services
from governance.services import reports as services
from opcc.models import MessageStatus
from opcc.roles import Role
from tests.governance.factories import DecisionFactory, StatutoryReportFactory
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(people):
    decision = decision_services.draft_decision(
        people[Role.STAFF], title="Consultancy contract", summary="A direct award.",
        significant_public_interest=True,
    )  # fmt: skip
    decision_services.submit_for_advice(people[Role.STAFF], decision)
    return decision


@pytest.fixture
def report(people, decision):
    return services.draft_report(
        people[Role.CHIEF_EXECUTIVE], kind=ReportKind.MONITORING_OFFICER,
        title="Report on the consultancy award", decision=decision,
        ground=ReportGround.UNLAWFUL, findings="It breaches the regulations.",
        recommendations="Do not award.",
    )  # fmt: skip


@pytest.fixture
def panel(people):
    return [people[Role.PANEL], UserFactory(role=Role.PANEL, email="second.member@council.example")]


def issue(people, report, capture):
    with capture(execute=True):
        return services.issue_report(people[Role.CHIEF_EXECUTIVE], report)


def test_issuing_halts_the_decision(people, report, decision, django_capture_on_commit_callbacks):
    issue(people, report, django_capture_on_commit_callbacks)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.HALTED
    for kind in AdviceKind.values:
        adviser = people[Role.CHIEF_EXECUTIVE if kind == "legal" else Role.CFO]
        with pytest.raises(ValidationError, match="cannot be recorded"):
            decision_services.record_advice(adviser, decision, kind=kind, text="advice")
    with pytest.raises(ValidationError, match="halted"):
        decision_services.sign_decision(people[Role.PCC], decision, declared_interests="None")
    with pytest.raises(ValidationError):
        decision_services.publish_decision(people[Role.STAFF], decision)


def test_one_panel_copy_per_member_and_the_secretariat_with_the_pdf(
    settings, people, panel, report, django_capture_on_commit_callbacks
):
    settings.PANEL_SECRETARIAT_EMAIL = "secretariat@council.example"
    UserFactory(role=Role.PANEL, email="former.member@council.example", is_active=False)
    issue(people, report, django_capture_on_commit_callbacks)

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([m.email for m in panel] + ["secretariat@council.example"])
    for message in mail.outbox:
        (_, content, mimetype) = message.attachments[0]
        assert mimetype == "application/pdf" and content.startswith(b"%PDF-")
    deliveries = list(services.deliveries(report))
    assert len(deliveries) == 3
    assert all(d.status == MessageStatus.SENT and d.sent_at for d in deliveries)


def test_each_delivery_is_shown_on_the_report(
    people, panel, report, client_for, django_capture_on_commit_callbacks
):
    issue(people, report, django_capture_on_commit_callbacks)
    page = client_for(Role.CHIEF_EXECUTIVE).get(report.get_absolute_url()).content.decode()
    assert "Copies of the report" in page
    assert page.count("Delivered") >= 3
    assert panel[1].full_name in page


def test_the_panel_member_sees_the_copy_in_the_portal(
    people, report, client_for, django_capture_on_commit_callbacks
):
    client = client_for(Role.PANEL)
    assert client.get(report.get_absolute_url()).status_code == 404  # a draft is not sent

    issue(people, report, django_capture_on_commit_callbacks)
    report.refresh_from_db()

    listing = client.get(reverse("governance:reports")).content.decode()
    page = client.get(report.get_absolute_url()).content.decode()
    pdf = client.get(reverse("document_download", args=[report.document.code]))
    assert report.title in listing
    assert "It breaches the regulations." in page
    assert "Copies of the report" not in page  # the delivery list is for the office
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_consideration_releases_the_decision_for_fresh_advice(
    people, report, decision, django_capture_on_commit_callbacks
):
    issue(people, report, django_capture_on_commit_callbacks)
    services.record_consideration(
        people[Role.PCC], report, response="Considered with the Chief Executive.",
        outcome=ReportOutcome.ACCEPTS, outcome_reasons="The award will not be made.",
        action_taken="None yet.", action_proposed="A competition will be run.",
    )  # fmt: skip
    report.refresh_from_db()
    decision.refresh_from_db()
    assert report.status == ReportStatus.CONSIDERED
    assert decision.status == DecisionStatus.AWAITING_ADVICE
    assert decision.advice_round == 2


def test_only_the_commissioner_records_consideration(
    people, report, django_capture_on_commit_callbacks
):
    issue(people, report, django_capture_on_commit_callbacks)
    for role in (Role.CHIEF_EXECUTIVE, Role.DEPUTY, Role.STAFF):
        with pytest.raises(PermissionDenied):
            services.record_consideration(
                people[role], report, response="x", outcome="accepts", outcome_reasons="x",
                action_taken="x", action_proposed="x",
            )  # fmt: skip


def test_consideration_form_answers_bad_input(
    people, report, client_for, django_capture_on_commit_callbacks
):
    issue(people, report, django_capture_on_commit_callbacks)
    url = reverse("governance:report_consider", args=[report.code])
    response = client_for(Role.PCC).post(url, {"response": "", "outcome": "maybe"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter the Commissioner&#x27;s response" in page
    assert "Choose whether the Commissioner agrees with the views in the report" in page
    report.refresh_from_db()
    assert report.status == ReportStatus.ISSUED


@pytest.mark.parametrize(
    "day, overdue",
    # LGHA 1989 s.5(5)(a)(i): "no later than three months after the body is sent a copy".
    [("2026-11-02", False), ("2027-02-02", False), ("2027-02-03", True)],
)
def test_monitoring_officer_consideration_is_overdue_after_three_months(
    people, report, day, overdue, django_capture_on_commit_callbacks
):
    with time_machine.travel("2026-11-02 16:00 +0000", tick=False):
        issue(people, report, django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert report.due_on.isoformat() == "2027-02-02"
    with time_machine.travel(f"{day} 12:00 +0000", tick=False):
        assert report.is_overdue() is overdue
        assert StatutoryReport.objects.overdue().exists() is overdue


def test_the_overdue_reminder_is_sent_once(people, report, django_capture_on_commit_callbacks):
    with time_machine.travel("2026-11-02 09:00 +0000", tick=False):
        issue(people, report, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with (
        time_machine.travel("2027-02-02 09:00 +0000", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.send_overdue_reminders() == 0  # due today: not yet overdue
    with (
        time_machine.travel("2027-02-03 09:00 +0000", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.send_overdue_reminders() == 1
        assert services.send_overdue_reminders() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [people[Role.PCC].email, people[Role.CHIEF_EXECUTIVE].email]
    )
    assert "Overdue" in mail.outbox[0].subject


def test_overdue_reports_are_flagged_on_the_dashboard(
    people, report, client_for, django_capture_on_commit_callbacks
):
    with time_machine.travel("2026-08-01 09:00 +0000", tick=False):
        issue(people, report, django_capture_on_commit_callbacks)
    with time_machine.travel("2026-11-02 09:00 +0000", tick=False):  # due 1 November
        page = client_for(Role.PCC).get(reverse("dashboard")).content.decode()
    assert "Reports awaiting consideration" in page and "1 overdue" in page


def test_the_cfo_issues_section_114_reports_and_the_chief_executive_does_not(people):
    fields = {
        "title": "Section 114 notice",
        "matter": "The budget for 2027/28.",
        "ground": ReportGround.UNBALANCED_BUDGET,
        "findings": "Spending exceeds resources.",
        "recommendations": "Cut spending.",
    }
    report = services.draft_report(
        people[Role.CFO], kind=ReportKind.CHIEF_FINANCE_OFFICER, **fields
    )
    assert report.drafted_by == people[Role.CFO]
    with pytest.raises(PermissionDenied):
        services.draft_report(
            people[Role.CHIEF_EXECUTIVE], kind=ReportKind.CHIEF_FINANCE_OFFICER, **fields
        )
    with pytest.raises(ValidationError):
        services.draft_report(
            people[Role.CFO], kind=ReportKind.CHIEF_FINANCE_OFFICER,
            **{**fields, "ground": ReportGround.MALADMINISTRATION},
        )  # fmt: skip


def test_report_form_needs_a_decision_or_a_matter(client_for):
    response = client_for(Role.CHIEF_EXECUTIVE).post(
        reverse("governance:report_add", args=["mo_s5"]),
        {"title": "A report", "ground": "unlawful", "findings": "x", "recommendations": "y"},
    )
    assert response.status_code == 400
    assert "Choose the decision, or describe the proposal or omission" in response.content.decode()
    assert StatutoryReport.objects.count() == 0


def test_a_withdrawn_decision_cannot_be_halted(people):
    decision = DecisionFactory(status=DecisionStatus.WITHDRAWN, withdrawal_reason="Not needed.")
    report = StatutoryReportFactory(drafted_by=people[Role.CHIEF_EXECUTIVE], decision=decision)
    with pytest.raises(ValidationError):
        services.issue_report(people[Role.CHIEF_EXECUTIVE], report)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_only_the_redacted_version_is_ever_public(
    people, report, client, django_capture_on_commit_callbacks
):
    issue(people, report, django_capture_on_commit_callbacks)
    assert client.get(reverse("report_published", args=[report.code])).status_code == 404
    services.publish_redacted(
        people[Role.CHIEF_EXECUTIVE],
        report,
        redacted_title="Report on a contract award",
        redacted_text="A report on a contract award.",
    )
    page = client.get(reverse("report_published", args=[report.code])).content.decode()
    listing = client.get(reverse("reports_published")).content.decode()
    assert "A report on a contract award." in page
    assert "It breaches the regulations." not in page
    assert report.title not in page and report.title not in listing  # the title is redacted too
    assert client.get(report.get_absolute_url()).status_code == 302  # the full text: sign in


@pytest.mark.parametrize("rows", [2, 30])
def test_report_list_queries_do_not_grow(rows, people, client_for, django_assert_max_num_queries):
    StatutoryReportFactory.create_batch(
        rows, drafted_by=people[Role.CHIEF_EXECUTIVE], decision=DecisionFactory(),
        status=ReportStatus.ISSUED, issued_at=timezone.now(),
    )  # fmt: skip
    client = client_for(Role.PANEL)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("governance:reports"))
    assert response.status_code == 200


def test_two_reports_on_one_decision_release_it_only_when_both_are_considered(
    people, report, decision, django_capture_on_commit_callbacks
):
    issue(people, report, django_capture_on_commit_callbacks)
    second = services.draft_report(
        people[Role.CFO], kind=ReportKind.CHIEF_FINANCE_OFFICER, title="Section 114 report",
        decision=decision, ground=ReportGround.UNLAWFUL_EXPENDITURE, findings="Unlawful spend.",
        recommendations="Stop.",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_report(people[Role.CFO], second)
    consideration = {
        "response": "Considered.", "outcome": ReportOutcome.ACCEPTS,
        "outcome_reasons": "Agreed.", "action_taken": "None.", "action_proposed": "None.",
    }  # fmt: skip

    services.record_consideration(people[Role.PCC], report, **consideration)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.HALTED  # the s.114 report is still open

    services.record_consideration(people[Role.PCC], second, **consideration)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.AWAITING_ADVICE


def test_release_clears_the_old_signature(people, django_capture_on_commit_callbacks):
    decision = decision_services.draft_decision(
        people[Role.STAFF], title="Signed, then reported", summary="x",
        significant_public_interest=True,
    )  # fmt: skip
    decision_services.submit_for_advice(people[Role.STAFF], decision)
    for kind, role in (("legal", Role.CHIEF_EXECUTIVE), ("financial", Role.CFO)):
        decision_services.record_advice(people[role], decision, kind=kind, text="Fine.")
    decision_services.sign_decision(people[Role.PCC], decision, declared_interests="None")
    report = services.draft_report(
        people[Role.CHIEF_EXECUTIVE], kind=ReportKind.MONITORING_OFFICER, title="A report",
        decision=decision, ground=ReportGround.UNLAWFUL, findings="x", recommendations="y",
    )  # fmt: skip
    issue(people, report, django_capture_on_commit_callbacks)
    services.record_consideration(
        people[Role.PCC], report, response="Considered.", outcome=ReportOutcome.ACCEPTS,
        outcome_reasons="Agreed.", action_taken="None.", action_proposed="None.",
    )  # fmt: skip

    decision.refresh_from_db()
    assert (decision.signed_by, decision.signed_at, decision.declared_interests) == (None, None, "")
    assert decision.history.filter(signed_by=people[Role.PCC]).exists()  # history keeps it
