"""Demo contributions of the six working groups, with comments, supports and moderation.

Runs after the groups and meetings are seeded (``workshops/demo.py``); looks the
groups up by slug and skips, with a log line, those that are absent. Idempotent:
a contribution's natural key is its title and group, a comment its contribution,
author and text. The contributions themselves are in ``demo_data/contributions.py``.
"""

import datetime as dt

from django.db.models import Count, Q
from django.utils import timezone

from cop.demo import demo_account
from cop.models import Membership, User
from panorama.models import Lever
from territories.models import Territory

from .demo_data.contributions import (
    ADEME,
    AUTHORS,
    CONTRIBUTIONS,
    FNE,
    HIDDEN,
    HIDDEN_REASON,
    ORLEANS,
    REPORT_REASON,
    REPORTED,
)
from .models import (
    Comment,
    Contribution,
    ContributionStatus,
    GroupMembership,
    Report,
    Support,
    WorkingGroup,
)

_KINDS = {"c": Territory.Kind.COMMUNE, "e": Territory.Kind.EPCI, "d": Territory.Kind.DEPARTEMENT}


def _territory(spec: str) -> Territory | None:
    """The territory of ``c:45234`` (commune), ``e:…`` (EPCI) or ``d:45`` (département)."""
    if not spec:
        return None
    kind, _sep, code = spec.partition(":")
    kind = {
        "c": Territory.Kind.COMMUNE,
        "e": Territory.Kind.EPCI,
        "d": Territory.Kind.DEPARTEMENT,
    }[kind]
    return Territory.objects.filter(kind=kind, code=code).first()


def _authors(log) -> dict[str, User]:
    for email, first_name, last_name, organisation_name in AUTHORS:
        demo_account(
            email=email,
            first_name=first_name,
            last_name=last_name,
            organisation_name=organisation_name,
        )
    emails = {email for email, *_rest in AUTHORS} | {FNE, ORLEANS, ADEME}
    users = {u.email: u for u in User.objects.filter(email__in=emails)}
    missing = emails - set(users)
    if missing:
        log(f"workshops : comptes absents, leurs contributions sont ignorées : {sorted(missing)}.")
    return users


def _organisation(user: User):
    membership = (
        Membership.objects.filter(user=user, status=Membership.Status.APPROVED)
        .select_related("organisation")
        .first()
    )
    return membership.organisation if membership else None


def seed_contributions(log) -> None:
    """About forty contributions of the three kinds in the six groups, with their life."""
    groups = {g.slug: g for g in WorkingGroup.objects.all()}
    absent = sorted({item.group for item in CONTRIBUTIONS} - set(groups))
    if absent:
        log(
            "workshops : groupes absents, leurs contributions sont ignorées : "
            f"{', '.join(absent)}."
        )
    users = _authors(log)
    levers = {lever.slug: lever for lever in Lever.objects.all()}
    now = timezone.now()
    seeded: list[Contribution] = []
    created_count = 0
    for index, item in enumerate(CONTRIBUTIONS):
        group, author = groups.get(item.group), users.get(item.author)
        if group is None or author is None:
            continue
        organisation = _organisation(author)
        if organisation is not None:
            GroupMembership.objects.get_or_create(
                group=group,
                user=author,
                defaults={
                    "organisation": organisation,
                    "status": GroupMembership.Status.ACCEPTED,
                    "decided_at": now,
                },
            )
        contribution, created = Contribution.objects.update_or_create(
            title=item.title,
            group=group,
            defaults={
                "kind": item.kind,
                "body": item.body,
                "author": author,
                "organisation": organisation,
                "territory": _territory(item.territory),
            },
        )
        if created:
            created_count += 1
            # Spread over the last weeks, the oldest first: a list that reads like a real one.
            Contribution.objects.filter(pk=contribution.pk).update(
                created_at=now - dt.timedelta(days=2 * (len(CONTRIBUTIONS) - index), hours=index)
            )
        contribution.levers.set([levers[s] for s in item.levers if s in levers])
        if item.retained and contribution.retained_at is None:
            Contribution.objects.filter(pk=contribution.pk).update(
                retained_at=now, retained_by=users.get(ADEME)
            )
        for email in item.supporters:
            if email in users and email != item.author:
                Support.objects.get_or_create(contribution=contribution, user=users[email])
        for email, body, replies in item.comments:
            if email not in users:
                continue
            comment, _created = Comment.objects.get_or_create(
                contribution=contribution, author=users[email], body=body, parent=None
            )
            for reply_email, reply_body in replies:
                if reply_email in users:
                    Comment.objects.get_or_create(
                        contribution=contribution,
                        author=users[reply_email],
                        body=reply_body,
                        parent=comment,
                    )
        seeded.append(contribution)

    if HIDDEN[0] in groups:
        Contribution.objects.filter(
            title=HIDDEN[1], group=groups[HIDDEN[0]], status=ContributionStatus.PUBLISHED
        ).update(
            status=ContributionStatus.HIDDEN,
            moderation_reason=HIDDEN_REASON,
            moderated_by=users.get(ADEME),
            moderated_at=now,
        )
    reported = (
        Contribution.objects.filter(title=REPORTED[1], group=groups.get(REPORTED[0])).first()
        if REPORTED[0] in groups
        else None
    )
    if reported is not None and FNE in users:
        Report.objects.get_or_create(
            reporter=users[FNE],
            contribution=reported,
            comment=None,
            defaults={"reason": REPORT_REASON},
        )

    # The counters, as the services would have kept them.
    ids = [c.pk for c in seeded]
    for row in Contribution.objects.filter(pk__in=ids).annotate(
        n_supports=Count("supports", distinct=True),
        n_comments=Count(
            "comments", filter=Q(comments__status=Comment.Status.PUBLISHED), distinct=True
        ),
    ):
        Contribution.objects.filter(pk=row.pk).update(
            support_count=row.n_supports, comment_count=row.n_comments
        )
    log(
        f"Contributions : {len(seeded)} dans {len({c.group_id for c in seeded})} groupes "
        f"({created_count} créées), avec commentaires, soutiens, une masquée et un signalement."
    )
