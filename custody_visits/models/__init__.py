from custody_visits.models.findings import (
    FINDING_TRANSITIONS,
    Finding,
    FindingCategory,
    FindingStatus,
    Severity,
)
from custody_visits.models.reports import VisitingReport, VisitingReportQuerySet
from custody_visits.models.scheme import CustodySuite, Visitor
from custody_visits.models.visits import (
    AGREED,
    MINIMUM_VISITORS,
    REPORTED,
    VISIT_TRANSITIONS,
    Condition,
    CustodyVisit,
    CustodyVisitQuerySet,
    DetaineeOutcome,
    DetaineeRecord,
    NotOfferedReason,
    VisitAssignment,
    VisitStatus,
)

__all__ = [
    "AGREED",
    "FINDING_TRANSITIONS",
    "MINIMUM_VISITORS",
    "REPORTED",
    "VISIT_TRANSITIONS",
    "Condition",
    "CustodySuite",
    "CustodyVisit",
    "CustodyVisitQuerySet",
    "DetaineeOutcome",
    "DetaineeRecord",
    "Finding",
    "FindingCategory",
    "FindingStatus",
    "NotOfferedReason",
    "Severity",
    "VisitAssignment",
    "VisitStatus",
    "VisitingReport",
    "VisitingReportQuerySet",
    "Visitor",
]
