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
    ReportGround,
    ReportKind,
    ReportOutcome,
    ReportStatus,
    StatutoryReport,
)

__all__ = [
    "CONTRACT_DETAIL_THRESHOLD",
    "AdviceKind",
    "AnnualReport",
    "Contract",
    "Decision",
    "DecisionAdvice",
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
    "StatutoryReport",
    "SupportingDocument",
]
