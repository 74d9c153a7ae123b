"""Reads for "Mon espace": a person's groups, meetings and contributions (one query each)."""

from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from ..models import Contribution, GroupFacilitator, GroupMembership, Registration, WorkingGroup

MY_CONTRIBUTIONS = 10


def groups_of_user(*, user) -> QuerySet[WorkingGroup]:
    """The groups a person belongs to, asked to join or co-pilots, each with
    ``my_status`` (the membership's status, or None) and ``facilitates``."""
    membership = GroupMembership.objects.filter(group=OuterRef("pk"), user_id=user.pk)
    return (
        WorkingGroup.objects.annotate(
            my_status=Subquery(membership.values("status")[:1]),
            facilitates=Exists(
                GroupFacilitator.objects.filter(group=OuterRef("pk"), user_id=user.pk)
            ),
        )
        .filter(
            Q(my_status__in=[GroupMembership.Status.ACCEPTED, GroupMembership.Status.PENDING])
            | Q(facilitates=True)
        )
        .order_by("position", "name")
    )


def registrations_of_user(*, user, now: datetime) -> QuerySet[Registration]:
    """The person's seats and waiting-list places at meetings not over yet, soonest first."""
    return (
        Registration.objects.filter(user_id=user.pk, meeting__ends_at__gte=now)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("meeting", "meeting__group", "meeting__departement")
        .order_by("meeting__starts_at", "pk")
    )


def contributions_of_user(*, user, limit: int = MY_CONTRIBUTIONS) -> list[Contribution]:
    """The person's latest contributions, whatever their status, with their group."""
    return list(
        Contribution.objects.filter(author_id=user.pk)
        .select_related("group")
        .order_by("-created_at", "-pk")[:limit]
    )
