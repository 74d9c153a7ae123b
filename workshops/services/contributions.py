"""Writes on contributions: posting, comments, supports."""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction

from cop.models import Membership, Organisation
from territories.models import Commune, Departement, Epci

from ..models import Contribution, ContributionKind, Meeting, WorkingGroup


def update_search_vector(*, contribution_ids: Iterable[int]) -> None:
    """Refresh the French full-text document of contributions (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    Contribution.objects.filter(pk__in=list(contribution_ids)).update(
        search_vector=SearchVector("title", weight="A", config="french")
        + SearchVector("body", weight="B", config="french")
    )


def organisation_of(user) -> Organisation | None:
    """The organisation a user speaks for: their approved membership, if any."""
    membership = (
        Membership.objects.filter(user_id=user.pk, status=Membership.Status.APPROVED)
        .select_related("organisation")
        .first()
    )
    return membership.organisation if membership else None


@transaction.atomic
def contribution_create(
    *,
    author,
    kind: ContributionKind | str,
    title: str,
    body: str,
    group: WorkingGroup | None = None,
    meeting: Meeting | None = None,
    levers: Iterable = (),
    territory=None,
) -> Contribution:
    """Publish a contribution at once (post-moderation), with its levers and territory."""
    if group is None and meeting is not None:
        group = meeting.group
    contribution = Contribution(
        kind=kind,
        title=title.strip(),
        body=body.strip(),
        author=author,
        organisation=organisation_of(author),
        group=group,
        meeting=meeting,
        commune=territory if isinstance(territory, Commune) else None,
        epci=territory if isinstance(territory, Epci) else None,
        departement=territory if isinstance(territory, Departement) else None,
    )
    contribution.full_clean(exclude=["levers"])
    contribution.save()
    contribution.levers.set(list(levers))
    update_search_vector(contribution_ids=[contribution.pk])
    return contribution
