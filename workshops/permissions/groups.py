"""Permissions of groups, memberships and meetings.

Who joins: stakeholders (an account attached to an organisation, approved by
staff). Who registers for meetings, working-group sessions and departmental
meetings alike: stakeholders, facilitators of the meeting's group and staff
(ARCHITECTURE.md: "stakeholders register for meetings"); a citizen without an
organisation is told to attach their account first. Who runs a meeting (its
attendance list, its minutes): the facilitators of its group and staff; a
departmental meeting has no group, so only staff.
"""

import rules

from cop.permissions import is_citizen, is_staff_member, is_stakeholder
from core.media import register_file_field

from ..models import GroupDocument, MeetingAttachment
from . import can_moderate_group, facilitates_any_group, is_group_facilitator


@rules.predicate
def runs_meeting(user, meeting) -> bool:
    """Facilitator of the meeting's group (a departmental meeting has none)."""
    if meeting is None or meeting.group_id is None:
        return False
    return is_group_facilitator(user, meeting.group)


can_run_meeting = runs_meeting | is_staff_member


@rules.predicate
def attachment_is_published(_user, attachment) -> bool:
    """Attachments go public with the minutes they belong to."""
    return attachment.meeting.minutes_published_at is not None


@rules.predicate
def runs_attachment_meeting(user, attachment) -> bool:
    return can_run_meeting(user, attachment.meeting)


# Groups
rules.add_perm("workshops.join_group", is_stakeholder)
rules.add_perm("workshops.follow_group", is_citizen)
rules.add_perm("workshops.decide_group_membership", can_moderate_group)
rules.add_perm("workshops.view_group_requests", can_moderate_group)
rules.add_perm("workshops.set_group_scenario", can_moderate_group)
rules.add_perm("workshops.schedule_group_meeting", can_moderate_group)

# Meetings
rules.add_perm("workshops.register_meeting", is_stakeholder | runs_meeting | is_staff_member)
rules.add_perm("workshops.schedule_meeting", facilitates_any_group | is_staff_member)
rules.add_perm("workshops.schedule_departmental_meeting", is_staff_member)
rules.add_perm("workshops.edit_meeting", can_run_meeting)
rules.add_perm("workshops.view_attendance", can_run_meeting)
rules.add_perm("workshops.mark_attendance", can_run_meeting)
rules.add_perm("workshops.publish_minutes", can_run_meeting)

# Files: the documents of a group are public like the group; the attachments of
# minutes once the minutes are published (before: those who run the meeting).
rules.add_perm("workshops.download_group_document", rules.always_allow)
rules.add_perm("workshops.download_attachment", attachment_is_published | runs_attachment_meeting)
register_file_field(GroupDocument, "file", perm="workshops.download_group_document")
register_file_field(
    MeetingAttachment,
    "file",
    perm="workshops.download_attachment",
    select_related=("meeting", "meeting__group"),
)

__all__ = ["can_run_meeting", "runs_meeting"]
