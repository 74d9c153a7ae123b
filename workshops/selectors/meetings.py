"""Reads of meetings, registrations and attendance, their joins and prefetches done."""

from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from cop.models import Membership
from territories.models import Departement

from ..models import (
    Contribution,
    ContributionStatus,
    Meeting,
    Registration,
    WorkingGroup,
)

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING


def _with_counts(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.select_related("group", "departement").annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=CONFIRMED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=WAITING)),
    )


def filtered_meetings(
    *, departement: Departement | None = None, group: WorkingGroup | None = None
) -> QuerySet[Meeting]:
    """Meetings in a département and/or of a group, with their seat counts."""
    meetings = Meeting.objects.all()
    if departement is not None:
        meetings = meetings.filter(departement=departement)
    if group is not None:
        meetings = meetings.filter(group=group)
    return _with_counts(meetings)


def upcoming_meetings(
    *, now: datetime, departement: Departement | None = None, group: WorkingGroup | None = None
) -> QuerySet[Meeting]:
    return (
        filtered_meetings(departement=departement, group=group)
        .filter(ends_at__gte=now)
        .order_by("starts_at", "pk")
    )


def past_meetings(
    *, now: datetime, departement: Departement | None = None, group: WorkingGroup | None = None
) -> QuerySet[Meeting]:
    return (
        filtered_meetings(departement=departement, group=group)
        .filter(ends_at__lt=now)
        .order_by("-starts_at", "-pk")
    )


def get_meeting(*, pk: int) -> Meeting:
    """One meeting with its group, département and seat counts; Http404 if unknown."""
    meeting = _with_counts(Meeting.objects.filter(pk=pk)).prefetch_related("attachments").first()
    if meeting is None:
        raise Http404("Réunion introuvable.")
    return meeting


def registration_of(*, user, meeting: Meeting) -> Registration | None:
    """The user's registration to the meeting (even cancelled), or None."""
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(meeting=meeting, user_id=user.pk).first()


def waiting_position(*, registration: Registration) -> int:
    """1 for the first person on the waiting list, and so on."""
    return (
        Registration.objects.filter(meeting_id=registration.meeting_id, status=WAITING)
        .filter(
            Q(registered_at__lt=registration.registered_at)
            | Q(registered_at=registration.registered_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def meeting_outputs(*, meeting: Meeting) -> list[Contribution]:
    """The published contributions that came out of the meeting (its structured outputs)."""
    return list(
        Contribution.objects.filter(meeting=meeting, status=ContributionStatus.PUBLISHED)
        .select_related("author", "organisation")
        .order_by("kind", "pk")
    )


def attendance(*, meeting: Meeting) -> list[Registration]:
    """Every registration of the meeting, each with ``organisation`` (the person's own)."""
    registrations: list[Registration] = list(
        Registration.objects.filter(meeting=meeting)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "user__memberships",
                queryset=Membership.objects.filter(
                    status=Membership.Status.APPROVED
                ).select_related("organisation"),
                to_attr="approved_memberships",
            )
        )
        .order_by("user__last_name", "user__first_name", "pk")
    )
    # Confirmed seats first, then the waiting list, then those who cancelled.
    rank: dict[str, int] = {CONFIRMED: 0, WAITING: 1}
    registrations.sort(key=lambda registration: rank.get(registration.status, 2))
    for registration in registrations:
        memberships = registration.user.approved_memberships  # type: ignore[attr-defined]
        registration.organisation = memberships[0].organisation if memberships else None  # type: ignore[attr-defined]
    return registrations


def confirmed_registrants(*, meeting: Meeting):
    """The users holding a confirmed seat."""
    return [
        registration.user
        for registration in Registration.objects.filter(
            meeting=meeting, status=CONFIRMED
        ).select_related("user")
    ]


def feed_meetings(*, now: datetime, group: WorkingGroup | None = None) -> QuerySet[Meeting]:
    """The upcoming meetings of the calendar feed, cancelled ones included (marked
    cancelled there, so that subscribed calendars drop them)."""
    meetings = Meeting.objects.upcoming(now).select_related("group", "departement")
    if group is not None:
        meetings = meetings.filter(group=group)
    return meetings


def region_departements(*, region_code: str) -> QuerySet[Departement]:
    return Departement.objects.filter(region_id=region_code).order_by("code")
