from complaints.models.panels import Hearing, HearingKind, HearingSeat, PanelMember, PanelMemberKind
from complaints.models.reviews import (
    Complainant,
    ComplaintReview,
    Recommendation,
    RecommendationStatus,
    ReviewBody,
    ReviewFinding,
    ReviewStatus,
)

__all__ = [
    "Complainant",
    "ComplaintReview",
    "Hearing",
    "HearingKind",
    "HearingSeat",
    "PanelMember",
    "PanelMemberKind",
    "Recommendation",
    "RecommendationStatus",
    "ReviewBody",
    "ReviewFinding",
    "ReviewStatus",
]
