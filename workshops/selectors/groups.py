"""Reads of the working groups, their joins and prefetches done."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from cop.models import College
from cop.permissions import is_staff_member
from panorama.models import Lever, RegionalEffort

from ..models import (
    Contribution,
    ContributionStatus,
    GroupDocument,
    GroupFacilitator,
    GroupFollow,
    GroupMembership,
    Meeting,
    WorkingGroup,
)

LATEST_CONTRIBUTIONS = 5
NEXT_MEETINGS = 3


def _facilitators() -> Prefetch:
    return Prefetch(
        "facilitators",
        queryset=GroupFacilitator.objects.select_related("user").order_by("-side"),  # État first
        to_attr="facilitator_list",
    )


def groups_overview(*, now: datetime) -> QuerySet[WorkingGroup]:
    """The groups with their facilitators, member count and upcoming meetings (3 queries)."""
    # Meta.ordering does not apply to an aggregate query: order explicitly.
    return (
        WorkingGroup.objects.annotate(
            member_count=Count(
                "memberships", filter=Q(memberships__status=GroupMembership.Status.ACCEPTED)
            )
        )
        .order_by("position", "name")
        .prefetch_related(
            _facilitators(),
            Prefetch(
                "meetings",
                queryset=Meeting.objects.upcoming(now).select_related("departement"),
                to_attr="upcoming_meetings",
            ),
        )
    )


def get_group(*, slug: str) -> WorkingGroup:
    """One group by its slug, with what its page shows at the top; Http404 if unknown."""
    group = (
        WorkingGroup.objects.select_related("proposed_scenario", "proposed_scenario__owner")
        .prefetch_related(_facilitators(), "sectors")
        .filter(slug=slug)
        .first()
    )
    if group is None:
        raise Http404("Groupe de travail introuvable.")
    return group


@dataclass(frozen=True)
class LeverEffort:
    """A lever of a group and its 2030 effort for the region (None when not quantified)."""

    lever: Lever
    effort: RegionalEffort | None


def group_levers(*, group: WorkingGroup, region_code: str) -> list[LeverEffort]:
    """The group's levers with their 2030 effort for the region (2 queries)."""
    levers: list[Lever] = list(
        group.levers.select_related("sector")
        .prefetch_related(
            Prefetch(
                "efforts",
                queryset=RegionalEffort.objects.filter(region_code=region_code),
                to_attr="regional_efforts",
            )
        )
        .order_by("sector__position", "position", "slug")
    )
    return [
        LeverEffort(lever, next(iter(lever.regional_efforts), None))  # type: ignore[attr-defined]
        for lever in levers
    ]


def group_next_meetings(
    *, group: WorkingGroup, now: datetime, limit: int = NEXT_MEETINGS
) -> list[Meeting]:
    return list(
        Meeting.objects.upcoming(now).filter(group=group).select_related("departement")[:limit]
    )


def group_latest_contributions(
    *, group: WorkingGroup, limit: int = LATEST_CONTRIBUTIONS
) -> list[Contribution]:
    """The latest published contributions of a group (hidden and merged ones never show)."""
    return list(
        Contribution.objects.filter(group=group, status=ContributionStatus.PUBLISHED)
        .select_related("author", "organisation")
        .order_by("-created_at", "-pk")[:limit]
    )


def group_documents(*, group: WorkingGroup) -> QuerySet[GroupDocument]:
    return group.documents.all()


@dataclass
class CollegeMembers:
    college: College
    members: list[GroupMembership] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.college.label)


def members_by_college(*, group: WorkingGroup) -> list[CollegeMembers]:
    """Accepted members, by college in the COP's order (colleges without members left out)."""
    memberships = (
        GroupMembership.objects.filter(group=group, status=GroupMembership.Status.ACCEPTED)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name")
    )
    by_college = {college.value: CollegeMembers(college) for college in College}
    for membership in memberships:
        by_college[membership.organisation.college].members.append(membership)
    return [entry for entry in by_college.values() if entry.members]


def pending_requests(*, group: WorkingGroup) -> QuerySet[GroupMembership]:
    return (
        GroupMembership.objects.filter(group=group, status=GroupMembership.Status.PENDING)
        .select_related("user", "organisation")
        .order_by("requested_at", "pk")
    )


def recent_decisions(*, group: WorkingGroup, limit: int = 20) -> QuerySet[GroupMembership]:
    return (
        GroupMembership.objects.filter(group=group)
        .exclude(status=GroupMembership.Status.PENDING)
        .select_related("user", "organisation", "decided_by")
        .order_by("-decided_at", "-pk")[:limit]
    )


def pending_request_count(*, group: WorkingGroup) -> int:
    return GroupMembership.objects.filter(
        group=group, status=GroupMembership.Status.PENDING
    ).count()


def membership_of(*, user, group: WorkingGroup) -> GroupMembership | None:
    """The user's request or membership in the group, whatever its status."""
    if not user.is_authenticated:
        return None
    return GroupMembership.objects.filter(user_id=user.pk, group=group).first()


def is_following(*, user, group: WorkingGroup) -> bool:
    if not user.is_authenticated:
        return False
    return GroupFollow.objects.filter(user_id=user.pk, group=group).exists()


def groups_of_member(*, user) -> set[int]:
    """The ids of the groups a user belongs to (accepted) or facilitates."""
    if not user.is_authenticated:
        return set()
    member = GroupMembership.objects.filter(
        group=OuterRef("pk"), user_id=user.pk, status=GroupMembership.Status.ACCEPTED
    )
    facilitates = GroupFacilitator.objects.filter(group=OuterRef("pk"), user_id=user.pk)
    return set(
        WorkingGroup.objects.filter(Exists(member) | Exists(facilitates)).values_list(
            "pk", flat=True
        )
    )


def facilitated_groups(*, user) -> QuerySet[WorkingGroup]:
    """The groups a user co-pilots (staff: every group)."""
    if is_staff_member(user):
        return WorkingGroup.objects.all()
    return WorkingGroup.objects.filter(facilitators__user_id=user.pk)
