"""Access-matrix rows for decisions and statutory reports (see tests/test_access_matrix.py)."""

from django.core.files.base import ContentFile
from django.utils import timezone

from governance.models import AnnualReport, DecisionStatus, ReportStatus, SupportingDocument
from opcc.models import DocumentStatus, GeneratedDocument
from opcc.roles import Role
from tests.governance.factories import (
    DecisionFactory,
    ForwardPlanItemFactory,
    StatutoryReportFactory,
)
from tests.matrix import LOGIN, OFFICE, REDIRECT, Row, expect, only

CE, STAFF, PCC, DEPUTY, PANEL = (
    Role.CHIEF_EXECUTIVE,
    Role.STAFF,
    Role.PCC,
    Role.DEPUTY,
    Role.PANEL,
)
READERS = [*OFFICE, PANEL]


def code(name):
    return lambda objects: {"code": objects[name].code}


def public_decision(objects):
    return {
        "year": objects["published_decision"].year,
        "number": objects["published_decision"].number,
    }


ROWS = {
    "governance:decisions": Row(only(OFFICE)),
    "governance:decision_add": Row(only([CE, STAFF])),
    "governance:decision": Row(only(OFFICE), kwargs=code("draft_decision")),
    "governance:decision_edit": Row(only([CE, STAFF]), kwargs=code("draft_decision")),
    # Actions tried in a state where they cannot succeed: whoever may act is told why (400).
    "governance:decision_submit": Row(
        only([CE, STAFF], allowed=400), method="post", kwargs=code("awaiting_decision")
    ),
    "governance:decision_advice": Row(
        only([CE]),
        kwargs=lambda objects: {"code": objects["awaiting_decision"].code, "kind": "legal"},
    ),
    "governance:decision_sign": Row(only([PCC, DEPUTY]), kwargs=code("awaiting_decision")),
    "governance:decision_publish": Row(
        only([CE, STAFF], allowed=400), method="post", kwargs=code("draft_decision")
    ),
    "governance:decision_withdraw": Row(only([CE, STAFF]), kwargs=code("draft_decision")),
    "governance:decision_authorise_spending": Row(only([Role.CFO]), kwargs=code("draft_decision")),
    "governance:decision_document_add": Row(only([CE, STAFF]), kwargs=code("draft_decision")),
    "governance:decision_document": Row(only(OFFICE), kwargs=code("confidential_document")),
    "governance:reports": Row(only(READERS)),
    "governance:report_add": Row(only([CE]), kwargs=lambda objects: {"kind": "mo_s5"}),
    "governance:report": Row(only(READERS), kwargs=code("issued_report")),
    "governance:report_edit": Row(only([CE]), kwargs=code("draft_report")),
    "governance:report_issue": Row(
        only([CE], allowed=400), method="post", kwargs=code("issued_report")
    ),
    "governance:report_consider": Row(only([PCC]), kwargs=code("issued_report")),
    "governance:report_publish": Row(only([CE]), kwargs=code("issued_report")),
    "governance:forward_plan": Row(only(OFFICE)),
    "governance:forward_plan_add": Row(only([CE, STAFF])),
    "governance:forward_plan_edit": Row(
        only([CE, STAFF]), kwargs=lambda objects: {"pk": objects["forward_plan_item"].pk}
    ),
    "governance:annual_reports": Row(only(OFFICE)),
    "governance:annual_report_publish": Row(
        only([CE], allowed=REDIRECT), method="post", kwargs=lambda objects: {"year": 2025}
    ),
    "forward_plan_public": Row(expect(200)),
    "forward_plan_public_csv": Row(expect(200)),
    "forward_plan_public_json": Row(expect(200)),
    "annual_reports_public": Row(expect(200)),
    "annual_reports_public_csv": Row(expect(200)),
    "annual_reports_public_json": Row(expect(200)),
    "annual_report_pdf": Row(expect(200), kwargs=lambda objects: {"year": 2025}),
    "decision_register": Row(expect(200)),
    "decision_register_csv": Row(expect(200)),
    "decision_register_json": Row(expect(200)),
    "decision_feed": Row(expect(200)),
    "decision_public": Row(expect(200), kwargs=public_decision),
    "decision_notice": Row(expect(200), kwargs=public_decision),
    "decision_public_document": Row(expect(200), kwargs=code("public_document")),
    "reports_published": Row(expect(200)),
    "reports_published_csv": Row(expect(200)),
    "reports_published_json": Row(expect(200)),
    "report_published": Row(expect(200), kwargs=code("issued_report")),
}
assert LOGIN  # the rows above use only()'s default for the public: sent to sign in


def make_objects(people):
    staff, chief_executive = people[Role.STAFF], people[Role.CHIEF_EXECUTIVE]
    draft = DecisionFactory(created_by=staff)
    awaiting = DecisionFactory(created_by=staff, status=DecisionStatus.AWAITING_ADVICE)
    published = DecisionFactory(
        created_by=staff, status=DecisionStatus.PUBLISHED, significant_public_interest=True,
        signed_at=timezone.now(), published_at=timezone.now(),
    )  # fmt: skip
    notice = GeneratedDocument(
        kind="decision_notice", title="Notice", of=published, requested_by=staff,
        status=DocumentStatus.READY, finished_at=timezone.now(),
    )  # fmt: skip
    notice.file.save("notice.pdf", ContentFile(b"%PDF-1.7 notice"))

    def document(decision, is_public):
        item = SupportingDocument(
            decision=decision, title="A document", mimetype="application/pdf", size=9,
            is_public=is_public, uploaded_by=staff,
            restriction_reason="" if is_public else "Personal information",
        )  # fmt: skip
        item.file.save("document.pdf", ContentFile(b"%PDF-1.7 "))
        return item

    issued = StatutoryReportFactory(
        drafted_by=chief_executive, status=ReportStatus.ISSUED, issued_at=timezone.now(),
        issued_by=chief_executive, redacted_title="A report", redacted_text="Redacted.",
        redacted_published_at=timezone.now(),
    )  # fmt: skip
    annual_pdf = GeneratedDocument(
        kind="annual_report", title="Annual report", requested_by=chief_executive,
        status=DocumentStatus.READY, finished_at=timezone.now(),
    )  # fmt: skip
    annual_pdf.file.save("annual.pdf", ContentFile(b"%PDF-1.7 annual"))
    AnnualReport.objects.create(
        financial_year=2025, document=annual_pdf, created_by=chief_executive,
        published_at=timezone.now(),
    )  # fmt: skip
    return {
        "forward_plan_item": ForwardPlanItemFactory(),
        "draft_decision": draft,
        "awaiting_decision": awaiting,
        "published_decision": published,
        "confidential_document": document(draft, False),
        "public_document": document(published, True),
        "draft_report": StatutoryReportFactory(drafted_by=chief_executive),
        "issued_report": issued,
    }
