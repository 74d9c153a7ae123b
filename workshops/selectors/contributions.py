"""Reads of contributions, with their joins done: lists, search, threads, queue, synthesis.

A list costs the same number of queries whatever its length: the author,
organisation, group and territory come by ``select_related``, the levers by one
``prefetch_related``, and the counters are columns of the contribution.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchRank
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)

from cop.permissions import is_staff_member
from core.params import BadParameter, parse_id
from core.search import search_query
from panorama.models import Lever
from territories.models import Departement, Territory
from territories.selectors import within_code

from ..models import (
    Comment,
    Contribution,
    ContributionKind,
    ContributionStatus,
    GroupFacilitator,
    Report,
    Support,
    WorkingGroup,
)

PAGE_SIZE = 20
RECENT_ITEMS = 20


def territory_name() -> Subquery:
    """The name of a contribution's territory, as a column.

    A scalar subquery rather than one more join: PostgreSQL's planner takes time
    that grows with every join of a list that already has several.
    """
    return Subquery(
        Territory.objects.filter(pk=OuterRef("territory_id")).values("name")[:1],
        output_field=CharField(),
    )


def contribution_queryset() -> QuerySet[Contribution]:
    """Contributions with what a card shows about them (``territory_name`` included); a
    page showing one contribution reads its meeting and territory lazily, once."""
    return (
        Contribution.objects.select_related("author", "organisation", "group")
        .annotate(territory_name=territory_name())
        .prefetch_related(Prefetch("levers", queryset=Lever.objects.order_by("position", "slug")))
    )


def published_contributions() -> QuerySet[Contribution]:
    return contribution_queryset().filter(status=ContributionStatus.PUBLISHED)


def latest_contributions(*, group: WorkingGroup, limit: int = 5) -> list[Contribution]:
    """The group's latest published contributions (for the group page)."""
    return list(published_contributions().filter(group=group).order_by("-created_at")[:limit])


def contribution_detail(*, pk: int) -> Contribution | None:
    return contribution_queryset().filter(pk=pk).first()


# --- Filters and search -------------------------------------------------------------------


@dataclass
class ContributionFilters:
    q: str = ""
    kind: str = ""
    lever: Lever | None = None
    group: WorkingGroup | None = None
    departement: Departement | None = None
    retained: bool = False


def in_departement(code: str) -> Q:
    """Contributions about a territory within the département, or from its meetings.

    "Within" is the one selector of the territory reference: a commune is in its
    département, an EPCI in every département it has communes in; a contribution
    with no territory counts where its meeting was.
    """
    return within_code("territory", kind=Territory.Kind.DEPARTEMENT, code=code) | Q(
        territory__isnull=True, meeting__departement_id=code
    )


def search_contributions(*, filters: ContributionFilters) -> QuerySet[Contribution]:
    """Published contributions matching the filters, the best matches first for a text.

    French full-text search (``websearch`` syntax: "a phrase", ``-word``, ``or``),
    stemmed and accent-blind, so that "renovations" finds "rénovation".
    """
    contributions = published_contributions()
    if filters.kind:
        contributions = contributions.filter(kind=filters.kind)
    if filters.lever is not None:
        contributions = contributions.filter(
            Exists(
                Contribution.levers.through.objects.filter(
                    contribution_id=OuterRef("pk"), lever_id=filters.lever.pk
                )
            )
        )
    if filters.group is not None:
        contributions = contributions.filter(group=filters.group)
    if filters.departement is not None:
        contributions = contributions.filter(in_departement(filters.departement.code))
    if filters.retained:
        contributions = contributions.filter(retained_at__isnull=False)
    q = filters.q.strip()
    if not q:
        return contributions.order_by("-created_at", "-pk")
    query = search_query(q)
    return (
        contributions.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "-created_at", "-pk")
    )


def supported_ids(*, user, contribution_ids: list[int]) -> set[int]:
    """Which of these contributions ``user`` supports (one query for a whole page)."""
    if not (user and user.is_authenticated) or not contribution_ids:
        return set()
    return set(
        Support.objects.filter(user_id=user.pk, contribution_id__in=contribution_ids).values_list(
            "contribution_id", flat=True
        )
    )


def has_supported(*, user, contribution: Contribution) -> bool:
    if not (user and user.is_authenticated):
        return False
    return Support.objects.filter(user_id=user.pk, contribution_id=contribution.pk).exists()


def filter_choices() -> dict:
    """The options of the filters: groups, levers with contributions' sectors, départements."""
    return {
        "groups": list(WorkingGroup.objects.order_by("position", "name")),
        "levers": list(Lever.objects.select_related("sector").order_by("position", "slug")),
        "departements": list(
            Departement.objects.filter(region_id=settings.COP_REGION_CODE).order_by("code")
        ),
    }


# --- One contribution's discussion --------------------------------------------------------


def comment_threads(*, contribution: Contribution) -> list[Comment]:
    """Top-level comments in order, each with its replies (hidden ones included, to show a
    notice in their place: a reply must not lose the comment it answers)."""
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    return list(
        Comment.objects.filter(contribution=contribution, parent=None)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )


def merge_candidates(*, contribution: Contribution, limit: int = 50) -> list[Contribution]:
    """Published contributions of the same group, to choose the one to keep."""
    candidates = Contribution.objects.filter(status=ContributionStatus.PUBLISHED).exclude(
        pk=contribution.pk
    )
    if contribution.group_id:
        candidates = candidates.filter(group_id=contribution.group_id)
    return list(candidates.order_by("-created_at")[:limit])


# --- Moderation ---------------------------------------------------------------------------


def moderated_group_ids(*, user) -> list[int] | None:
    """The groups ``user`` facilitates; ``None`` for staff, who moderate everything."""
    if is_staff_member(user):
        return None
    return list(
        GroupFacilitator.objects.filter(user_id=user.pk).values_list("group_id", flat=True)
    )


def _scoped(queryset: QuerySet, group_ids: list[int] | None, path: str) -> QuerySet:
    return queryset if group_ids is None else queryset.filter(**{f"{path}__in": group_ids})


@dataclass
class QueueEntry:
    """An item with open reports: the reports, oldest first, and how many."""

    item: Contribution | Comment
    kind: str  # "contribution" or "comment"
    count: int
    oldest: object
    reports: list[Report] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.item.pk}"


def moderation_queue(*, group_ids: list[int] | None, limit: int = 100) -> list[QueueEntry]:
    """Items with open reports, the longest waiting first, each with its reports."""
    open_reports = Report.objects.filter(resolved_at=None)
    on_contributions = (
        _scoped(open_reports.filter(comment=None), group_ids, "contribution__group_id")
        .values("contribution_id")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
        .order_by("oldest")[:limit]
    )
    on_comments = (
        _scoped(
            open_reports.filter(comment__isnull=False),
            group_ids,
            "comment__contribution__group_id",
        )
        .values("comment_id")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
        .order_by("oldest")[:limit]
    )
    rows = [("contribution", r["contribution_id"], r) for r in on_contributions]
    rows += [("comment", r["comment_id"], r) for r in on_comments]
    contributions = contribution_queryset().in_bulk(
        [pk for kind, pk, _r in rows if kind == "contribution"]
    )
    comments = Comment.objects.select_related(
        "author", "contribution", "contribution__group"
    ).in_bulk([pk for kind, pk, _r in rows if kind == "comment"])
    entries: dict[str, QueueEntry] = {}
    for kind, pk, row in rows:
        item = contributions.get(pk) if kind == "contribution" else comments.get(pk)
        if item is not None:
            entries[f"{kind}:{pk}"] = QueueEntry(item, kind, row["count"], row["oldest"])
    reports = open_reports.filter(
        Q(comment_id__in=[e.item.pk for e in entries.values() if e.kind == "comment"])
        | Q(
            comment=None,
            contribution_id__in=[e.item.pk for e in entries.values() if e.kind == "contribution"],
        )
    ).select_related("reporter")
    for report in reports.order_by("created_at"):
        key = (
            f"comment:{report.comment_id}"
            if report.comment_id
            else f"contribution:{report.contribution_id}"
        )
        if key in entries:
            entries[key].reports.append(report)
    return sorted(entries.values(), key=lambda e: (e.oldest, e.key))[:limit]


def recent_contributions(*, group_ids: list[int] | None, limit: int = RECENT_ITEMS):
    """The latest contributions, whatever their status, in the moderator's groups."""
    return list(
        _scoped(contribution_queryset(), group_ids, "group_id").order_by("-created_at", "-pk")[
            :limit
        ]
    )


def recent_comments(*, group_ids: list[int] | None, limit: int = RECENT_ITEMS):
    return list(
        _scoped(
            Comment.objects.select_related("author", "contribution", "contribution__group"),
            group_ids,
            "contribution__group_id",
        ).order_by("-created_at", "-pk")[:limit]
    )


def moderable_items(
    *, keys: list[str], group_ids: list[int] | None
) -> list[Contribution | Comment]:
    """The contributions and comments named ``contribution:12`` or ``comment:5`` that the
    moderator may act on; others are left out."""
    contribution_ids, comment_ids = [], []
    for key in keys:
        kind, _sep, raw = key.partition(":")
        try:
            pk = parse_id(raw)
        except BadParameter:
            continue
        if kind == "contribution":
            contribution_ids.append(pk)
        elif kind == "comment":
            comment_ids.append(pk)
    contributions = _scoped(
        Contribution.objects.select_related("author", "group"), group_ids, "group_id"
    ).filter(pk__in=contribution_ids)
    comments = _scoped(
        Comment.objects.select_related("author", "contribution", "contribution__group"),
        group_ids,
        "contribution__group_id",
    ).filter(pk__in=comment_ids)
    return [*contributions.order_by("pk"), *comments.order_by("pk")]


# --- Synthesis ----------------------------------------------------------------------------


@dataclass
class Synthesis:
    total: int
    retained: int
    by_kind: list[tuple[str, int]]
    by_lever: list[tuple[Lever, int]]
    by_departement: list[tuple[Departement, int]]
    without_departement: int


def group_synthesis(*, group: WorkingGroup) -> Synthesis:
    """Counts of the group's published contributions by kind, lever and département."""
    published = Contribution.objects.filter(group=group, status=ContributionStatus.PUBLISHED)
    departements = list(
        Departement.objects.filter(region_id=settings.COP_REGION_CODE).order_by("code")
    )
    counts = published.aggregate(
        total=Count("pk"),
        retained=Count("pk", filter=Q(retained_at__isnull=False)),
        located=Count(
            "pk",
            filter=Q(territory__isnull=False) | Q(meeting__departement__isnull=False),
        ),
        **{f"kind_{kind}": Count("pk", filter=Q(kind=kind)) for kind in ContributionKind.values},
        **{f"dep_{d.code}": Count("pk", filter=in_departement(d.code)) for d in departements},
    )
    levers = (
        Lever.objects.filter(contributions__in=published)
        .select_related("sector")
        .annotate(count=Count("contributions"))
        .order_by("-count", "position", "slug")
    )
    return Synthesis(
        total=counts["total"],
        retained=counts["retained"],
        by_kind=[
            (str(label), counts[f"kind_{value}"]) for value, label in ContributionKind.choices
        ],
        by_lever=[(lever, lever.count) for lever in levers],
        by_departement=[(d, counts[f"dep_{d.code}"]) for d in departements],
        without_departement=counts["total"] - counts["located"],
    )


def group_contributions_for_export(*, group: WorkingGroup) -> QuerySet[Contribution]:
    return (
        published_contributions()
        .filter(group=group)
        .select_related("meeting")
        .order_by("created_at", "pk")
    )


def visible_contribution_ids(user, ids: list[int]) -> set[int]:
    """Of these contributions, those ``user`` may still read of in an email: published,
    or their own (its author is told why it was hidden)."""
    return set(
        Contribution.objects.filter(
            Q(status=ContributionStatus.PUBLISHED) | Q(author=user), pk__in=ids
        ).values_list("pk", flat=True)
    )


def visible_comment_ids(user, ids: list[int]) -> set[int]:
    """Of these comments, those still published on a contribution ``user`` may still see."""
    return set(
        Comment.objects.filter(
            Q(contribution__status=ContributionStatus.PUBLISHED) | Q(contribution__author=user),
            pk__in=ids,
            status=Comment.Status.PUBLISHED,
        ).values_list("pk", flat=True)
    )
