"""Writes on contributions: posting, editing, comments, supports, and who hears of them.

The counters ``support_count`` and ``comment_count`` are denormalised on the
contribution: every service that adds or removes a support or a published
comment moves them with an ``F()`` update in the same transaction, so lists of
thousands of contributions never aggregate. ``comment_count`` counts the
published comments and replies (hidden ones are not shown, so not counted).
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from cop import audit
from cop.models import Notification, User
from cop.selectors import organisation_of
from cop.services.notifications import notify, notify_many
from cop.services.outbox import enqueue_after_commit
from territories.models import Territory
from territories.reference import Place, reference_of

from .. import notification_kinds as kinds
from .. import tasks_contributions
from ..models import (
    Comment,
    Contribution,
    ContributionKind,
    ContributionStatus,
    GroupFollow,
    Meeting,
    Support,
    WorkingGroup,
)


def _territory(place: Place | None) -> Territory | None:
    return None if place is None else reference_of(place)


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
    territory: Place | None = None,
) -> Contribution:
    """Publish a contribution at once (post-moderation); the group's followers hear of it."""
    if group is None and meeting is not None:
        group = meeting.group
    contribution = Contribution(
        kind=kind,
        title=title.strip(),
        body=body.strip(),
        author=author,
        organisation=organisation_of(user=author),
        group=group,
        meeting=meeting,
        territory=_territory(territory),
    )
    contribution.full_clean(exclude=["levers"])
    contribution.save()
    contribution.levers.set(list(levers))
    if group is not None:
        # A group may have hundreds of followers: the fan-out runs in a task, once
        # the contribution is committed (a rolled-back post tells nobody); the task
        # outbox runs it later if the broker is down now.
        enqueue_after_commit(tasks_contributions.notify_group_followers, contribution.pk)
    return contribution


@transaction.atomic
def contribution_update(
    *,
    contribution: Contribution,
    by: User,
    kind: ContributionKind | str,
    title: str,
    body: str,
    levers: Iterable = (),
    territory: Place | None = None,
) -> Contribution:
    """Let the author change a contribution; audited when it had been moderated."""
    if contribution.status == ContributionStatus.MERGED:
        raise ValidationError(_("Une contribution fusionnée ne peut plus être modifiée."))
    before = {"title": contribution.title, "body": contribution.body}
    contribution.kind = kind
    contribution.title = title.strip()
    contribution.body = body.strip()
    contribution.territory = _territory(territory)
    contribution.full_clean(exclude=["levers"])
    contribution.save()
    contribution.levers.set(list(levers))
    # Once a moderator has looked at a contribution, what the author changes
    # afterwards is kept: a hidden text cannot be quietly swapped for another.
    if contribution.moderated_at is not None:
        audit.record(
            actor=by,
            action="contribution.edit",
            target=contribution,
            previous_title=before["title"],
            previous_body=before["body"],
            status=contribution.status,
        )
    return contribution


# --- Comments -----------------------------------------------------------------------------


@transaction.atomic
def comment_create(
    *, contribution: Contribution, author: User, body: str, parent: Comment | None = None
) -> Comment:
    """Comment a published contribution, or reply to a comment (one level of replies)."""
    body = body.strip()
    if not body:
        raise ValidationError(_("Écrivez votre commentaire avant de l’envoyer."))
    if contribution.status != ContributionStatus.PUBLISHED:
        raise ValidationError(_("Cette contribution n’est plus ouverte aux commentaires."))
    if parent is not None:
        if parent.contribution_id != contribution.pk:
            raise ValidationError(_("Ce commentaire n’appartient pas à cette contribution."))
        if parent.parent_id is not None:
            raise ValidationError(
                _(
                    "On ne peut pas répondre à une réponse : répondez au commentaire "
                    "d’origine pour rester dans le même fil."
                )
            )
        if parent.status != Comment.Status.PUBLISHED:
            raise ValidationError(_("Ce commentaire a été masqué : on ne peut plus y répondre."))
    comment = Comment.objects.create(
        contribution=contribution, parent=parent, author=author, body=body
    )
    Contribution.objects.filter(pk=contribution.pk).update(comment_count=F("comment_count") + 1)
    _notify_comment(comment=comment, contribution=contribution, parent=parent)
    return comment


def _notify_comment(*, comment: Comment, contribution: Contribution, parent: Comment | None):
    """The contribution's author, and for a reply the parent comment's author, hear of it."""
    url = f"{contribution.get_absolute_url()}#commentaire-{comment.pk}"
    who = comment.author.public_name()
    told: set[int] = {comment.author_id}
    if contribution.author_id not in told:
        notify(
            user=contribution.author,
            kind=kinds.REPLY,
            subject=_("Nouveau commentaire sur votre contribution « %(title)s »")
            % {"title": contribution.title},
            body=_("%(who)s a commenté votre contribution « %(title)s » :\n\n%(body)s")
            % {"who": who, "title": contribution.title, "body": comment.body},
            url=url,
            target=comment,
        )
        told.add(contribution.author_id)
    if parent is not None and parent.author_id not in told:
        notify(
            user=parent.author,
            kind=kinds.REPLY,
            subject=_("Réponse à votre commentaire sur « %(title)s »")
            % {"title": contribution.title},
            body=_("%(who)s a répondu à votre commentaire sur « %(title)s » :\n\n%(body)s")
            % {"who": who, "title": contribution.title, "body": comment.body},
            url=url,
            target=comment,
        )


# --- Supports -----------------------------------------------------------------------------


@transaction.atomic
def support_add(*, contribution: Contribution, user: User) -> bool:
    """Support a contribution once; True when this call added the support."""
    if contribution.status != ContributionStatus.PUBLISHED:
        raise ValidationError(_("Cette contribution ne peut plus être soutenue."))
    try:
        # A double click sends two requests at once: the unique constraint lets one
        # insert through; the other finds the row (get_or_create) or hits the
        # constraint (caught here), and neither moves the counter twice.
        with transaction.atomic():
            _support, created = Support.objects.get_or_create(contribution=contribution, user=user)
    except IntegrityError:
        created = False
    if created:
        Contribution.objects.filter(pk=contribution.pk).update(
            support_count=F("support_count") + 1
        )
    return created


@transaction.atomic
def support_remove(*, contribution: Contribution, user: User) -> bool:
    """Withdraw one's support; True when there was one to withdraw."""
    deleted, _rows = Support.objects.filter(contribution=contribution, user=user).delete()
    if deleted:
        Contribution.objects.filter(pk=contribution.pk, support_count__gt=0).update(
            support_count=F("support_count") - 1
        )
    return bool(deleted)


# --- Followers ----------------------------------------------------------------------------


@transaction.atomic
def contribution_notify_followers(*, contribution_id: int) -> int:
    """Tell the followers of the group (not the author) of a new contribution; how many."""
    contribution = (
        Contribution.objects.select_related("group", "author")
        .filter(pk=contribution_id, status=ContributionStatus.PUBLISHED)
        .first()
    )
    if contribution is None or contribution.group is None:
        return 0
    url = contribution.get_absolute_url()
    followers = (
        User.objects.filter(
            pk__in=GroupFollow.objects.filter(group_id=contribution.group_id).values("user_id"),
            is_active=True,
        )
        .exclude(pk=contribution.author_id)
        # A task run twice tells nobody twice: those already told are left out.
        .exclude(
            pk__in=Notification.objects.filter(kind=kinds.GROUP_CONTRIBUTION, url=url).values(
                "user_id"
            )
        )
    )
    created = notify_many(
        users=followers,
        kind=kinds.GROUP_CONTRIBUTION,
        subject=_("Nouvelle contribution dans le groupe « %(group)s » : %(title)s")
        % {"group": contribution.group.name, "title": contribution.title},
        body=_("%(kind)s — « %(title)s », publiée dans le groupe « %(group)s ».")
        % {
            "kind": contribution.get_kind_display().capitalize(),
            "title": contribution.title,
            "group": contribution.group.name,
        },
        url=url,
        target=contribution,
    )
    return len(created)
