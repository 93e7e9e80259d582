from scrutiny.models.actions import Action, ActionOwnerSide, ActionStatus, ActionUpdate
from scrutiny.models.forward_plan import (
    ForwardPlanTopic,
    HorizonScanEntry,
    Relevance,
    TopicSource,
    TopicStatus,
)
from scrutiny.models.inspections import (
    HmicfrsInspection,
    InspectionItem,
    InspectionStatus,
    InspectionType,
    ItemKind,
    ResponseKind,
)
from scrutiny.models.meetings import AgendaItem, Body, BodyKind, Meeting, MeetingStatus, Paper
from scrutiny.models.panel_reports import PanelQuarterlyReport, PanelReportStatus
from scrutiny.models.plan import (
    Direction,
    MeasureValue,
    PlanMeasure,
    PlanPriority,
    PoliceAndCrimePlan,
)

__all__ = [
    "Action",
    "ActionOwnerSide",
    "ActionStatus",
    "ActionUpdate",
    "AgendaItem",
    "Body",
    "BodyKind",
    "Direction",
    "ForwardPlanTopic",
    "HmicfrsInspection",
    "HorizonScanEntry",
    "InspectionItem",
    "InspectionStatus",
    "InspectionType",
    "ItemKind",
    "MeasureValue",
    "Meeting",
    "MeetingStatus",
    "PanelQuarterlyReport",
    "PanelReportStatus",
    "Paper",
    "PlanMeasure",
    "PlanPriority",
    "PoliceAndCrimePlan",
    "Relevance",
    "ResponseKind",
    "TopicSource",
    "TopicStatus",
]
