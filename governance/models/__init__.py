from governance.models.annual import AnnualReport
from governance.models.decisions import (
    AdviceKind,
    Decision,
    DecisionAdvice,
    DecisionMaker,
    DecisionSequence,
    DecisionStatus,
    ForwardPlanItem,
    SupportingDocument,
)
from governance.models.delegation import SECTION_18_7, DecisionCategory
from governance.models.protocol import ProtocolDeclaration, ProtocolVersion
from governance.models.registers import (
    CONTRACT_DETAIL_THRESHOLD,
    Contract,
    GiftOffer,
    InterestCategory,
    InterestEntry,
    ProcurementRoute,
)
from governance.models.reports import (
    AuthorisationGround,
    ReportGround,
    ReportKind,
    ReportOutcome,
    ReportStatus,
    SpendingAuthorisation,
    StatutoryReport,
)

__all__ = [
    "CONTRACT_DETAIL_THRESHOLD",
    "SECTION_18_7",
    "AdviceKind",
    "AnnualReport",
    "AuthorisationGround",
    "Contract",
    "Decision",
    "DecisionAdvice",
    "DecisionCategory",
    "DecisionMaker",
    "DecisionSequence",
    "DecisionStatus",
    "ForwardPlanItem",
    "GiftOffer",
    "InterestCategory",
    "InterestEntry",
    "ProcurementRoute",
    "ProtocolDeclaration",
    "ProtocolVersion",
    "ReportGround",
    "ReportKind",
    "ReportOutcome",
    "ReportStatus",
    "SpendingAuthorisation",
    "StatutoryReport",
    "SupportingDocument",
]
