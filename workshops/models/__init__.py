"""The working groups, their meetings and the contributions of stakeholders.

One module per feature; every model is importable from ``workshops.models``.
"""

from .contributions import (
    Comment,
    Contribution,
    ContributionKind,
    ContributionStatus,
    Report,
    Support,
)
from .groups import GroupDocument, GroupFacilitator, GroupFollow, GroupMembership, WorkingGroup
from .meetings import Meeting, MeetingAttachment, MeetingKind, MeetingStatus, Registration

__all__ = [
    "Comment",
    "Contribution",
    "ContributionKind",
    "ContributionStatus",
    "GroupDocument",
    "GroupFacilitator",
    "GroupFollow",
    "GroupMembership",
    "Meeting",
    "MeetingAttachment",
    "MeetingKind",
    "MeetingStatus",
    "Registration",
    "Report",
    "Support",
    "WorkingGroup",
]
