"""Permissions of contributions, comments, supports, reports and moderation.

Who may post: in a working group, its accepted members who are stakeholders
(attached to an organisation), its facilitators and staff; for a meeting, the
facilitators of the meeting's group (any facilitator for a departmental meeting)
and staff, who record what was said there. Comments and supports are open to
every stakeholder, whatever their groups: reading across groups and backing a
good idea elsewhere is the point of a shared diagnostic. Anyone signed in may
report. The facilitators of a contribution's group and staff moderate it.

Who sees what: a hidden contribution, and every comment under it, only its
author and its moderators; a hidden comment, only its author and the
moderators. ``workshops.read_contribution`` and ``workshops.read_comment`` say
so (``view_*`` are the admin's model permissions), and the access functions of
``workshops/selectors/access.py`` apply them to every page, partial and POST
reached by a contribution or comment id (a 404 for who may not see).
"""

import rules

from cop.permissions import is_authenticated, is_staff_member, is_stakeholder

from ..models import Comment, ContributionStatus
from . import can_moderate_group, facilitates_any_group, is_group_facilitator, is_group_member


@rules.predicate
def is_author(user, item) -> bool:
    """The author of a contribution or a comment."""
    return bool(is_authenticated(user) and item is not None and item.author_id == user.pk)


@rules.predicate
def is_published(user, contribution) -> bool:
    return contribution is not None and contribution.status == ContributionStatus.PUBLISHED


@rules.predicate
def is_not_merged(user, contribution) -> bool:
    return contribution is not None and contribution.status != ContributionStatus.MERGED


@rules.predicate
def is_hidden(user, contribution) -> bool:
    return contribution is not None and contribution.status == ContributionStatus.HIDDEN


@rules.predicate
def is_published_comment(user, comment) -> bool:
    return comment is not None and comment.status == Comment.Status.PUBLISHED


@rules.predicate
def on_published_contribution(user, comment) -> bool:
    return comment is not None and is_published(user, comment.contribution)


@rules.predicate
def moderates_contribution(user, contribution) -> bool:
    """A facilitator of the contribution's group, or staff."""
    if contribution is None:
        return False
    return bool(can_moderate_group(user, contribution.group))


@rules.predicate
def moderates_comment(user, comment) -> bool:
    if comment is None:
        return False
    return bool(can_moderate_group(user, comment.contribution.group))


# (user, contribution): published and merged ones are public (a merged one sends its
# readers to the contribution it was merged into); a hidden one is not.
can_view_contribution = ~is_hidden | is_author | moderates_contribution


@rules.predicate
def can_view_comment(user, comment) -> bool:
    """The comment's contribution may be seen, and the comment is published or the
    viewer is its author or one of its moderators."""
    if comment is None or not can_view_contribution(user, comment.contribution):
        return False
    return bool(
        is_published_comment(user, comment)
        or is_author(user, comment)
        or moderates_comment(user, comment)
    )


@rules.predicate
def can_contribute_in_meeting(user, meeting) -> bool:
    if meeting is None or not is_authenticated(user):
        return False
    if is_staff_member(user):
        return True
    if meeting.group_id is None:
        return bool(facilitates_any_group(user))
    return bool(is_group_facilitator(user, meeting.group))


# (user, group)
can_contribute_in_group = (is_stakeholder & is_group_member) | can_moderate_group
# (user, contribution)
can_comment = is_published & (is_stakeholder | moderates_contribution)
can_support = is_published & is_stakeholder
can_report_contribution = is_authenticated & is_published
can_edit_contribution = is_author & is_not_merged
can_moderate_contribution = moderates_contribution

rules.add_perm("workshops.contribute_in_group", can_contribute_in_group)
rules.add_perm("workshops.contribute_in_meeting", can_contribute_in_meeting)
rules.add_perm("workshops.change_own_contribution", can_edit_contribution)
rules.add_perm("workshops.comment_contribution", can_comment)
rules.add_perm("workshops.support_contribution", can_support)
rules.add_perm("workshops.report_contribution", can_report_contribution)
rules.add_perm(
    "workshops.report_comment",
    is_authenticated & is_published_comment & on_published_contribution,
)
rules.add_perm("workshops.read_contribution", can_view_contribution)
rules.add_perm("workshops.read_comment", can_view_comment)
rules.add_perm("workshops.moderate_contribution", moderates_contribution)
rules.add_perm("workshops.moderate_comment", moderates_comment)
rules.add_perm("workshops.retain_contribution", moderates_contribution)
rules.add_perm("workshops.view_moderation_queue", facilitates_any_group | is_staff_member)
rules.add_perm("workshops.view_group_synthesis", can_moderate_group)
