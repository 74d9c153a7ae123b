"""Reports and moderation: hide, restore, dismiss, merge, retain, and all of them in bulk.

Every moderation action records an audit event in the same transaction as the
change, and the author of the moderated content is told why through the
notification outbox (kind ``moderation``), which sends only once the
transaction commits. State changes are conditional updates: zero rows means
the item was not in the state the action expects (somebody acted first).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, TextChoices
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cop import audit, selectors
from cop.models import User
from cop.notification_kinds import MODERATION
from cop.services.notifications import notify, notify_many

from .. import notification_kinds as kinds
from ..models import Comment, Contribution, ContributionStatus, Report, Support
from ..permissions.contributions import moderates_comment, moderates_contribution

Item = Contribution | Comment


class BulkAction(TextChoices):
    HIDE = "hide", gettext_lazy("Masquer, avec le motif ci-dessous")
    RESTORE = "restore", gettext_lazy("Rétablir, avec le motif ci-dessous")
    DISMISS = "dismiss", gettext_lazy("Écarter les signalements (le contenu reste visible)")


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Indiquez le motif : la personne concernée le recevra."))
    return reason


# --- Reports ------------------------------------------------------------------------------


@transaction.atomic
def report_create(
    *,
    reporter: User,
    reason: str,
    contribution: Contribution | None = None,
    comment: Comment | None = None,
) -> Report:
    """Report a contribution or a comment to the moderators, once per person and item."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Indiquez le motif du signalement."))
    try:
        with transaction.atomic():
            report = Report.objects.create(
                reporter=reporter,
                reason=reason,
                contribution=None if comment is not None else contribution,
                comment=comment,
            )
    except IntegrityError as error:  # the unique constraints: once per person and item
        raise ValidationError(
            _("Vous avez déjà signalé ce contenu : l’équipe de modération va l’examiner.")
        ) from error
    _tell_moderators(report, item=comment if comment is not None else contribution)
    return report


def _moderators_of(contribution: Contribution):
    """Who moderates ``contribution``: its group's facilitators, else staff."""
    if contribution.group_id is None:
        return selectors.staff_members()
    return User.objects.filter(facilitations__group_id=contribution.group_id, is_active=True)


def _tell_moderators(report: Report, *, item: Item | None) -> None:
    if item is None:
        return
    contribution = item.contribution if isinstance(item, Comment) else item
    if isinstance(item, Comment):
        subject = _("Commentaire signalé sur « %(title)s »")
    else:
        subject = _("Contribution signalée : « %(title)s »")
    body = _("Motif du signalement : %(reason)s") % {"reason": report.reason}
    body += "\n" + _("Examinez-le dans la file de modération.")
    notify_many(
        users=_moderators_of(contribution).exclude(pk=report.reporter_id).distinct(),
        kind=kinds.REPORT_RECEIVED,
        subject=subject % {"title": contribution.title},
        body=body,
        url=reverse("workshops:moderation"),
        target=item,
    )


def _resolve_reports(*, item: Item, by: User, resolution: str) -> int:
    reports = Report.objects.filter(resolved_at=None)
    reports = (
        reports.filter(comment=item)
        if isinstance(item, Comment)
        else reports.filter(contribution=item, comment=None)
    )
    return reports.update(resolved_at=timezone.now(), resolved_by=by, resolution=resolution)


@transaction.atomic
def reports_dismiss(*, item: Item, by: User, reason: str = "") -> int:
    """Close the open reports of an item without hiding it; how many were closed."""
    closed = _resolve_reports(item=item, by=by, resolution=Report.Resolution.DISMISSED)
    if not closed:
        raise ValidationError(_("Aucun signalement n’attend sur ce contenu."))
    audit.record(
        actor=by, action="report.dismiss", target=item, reports=closed, reason=reason.strip()
    )
    return closed


# --- Contributions ------------------------------------------------------------------------


def _tell_author_of_contribution(contribution: Contribution, *, subject: str, body: str) -> None:
    notify(
        user=contribution.author,
        kind=MODERATION,
        subject=subject % {"title": contribution.title},
        body=body,
        url=contribution.get_absolute_url(),
    )


@transaction.atomic
def contribution_hide(*, contribution: Contribution, by: User, reason: str) -> None:
    """Hide a published contribution with a reason; its open reports are closed."""
    reason = _reason(reason)
    now = timezone.now()
    hidden = Contribution.objects.filter(
        pk=contribution.pk, status=ContributionStatus.PUBLISHED
    ).update(
        status=ContributionStatus.HIDDEN,
        moderation_reason=reason,
        moderated_by=by,
        moderated_at=now,
    )
    if not hidden:
        raise ValidationError(_("Cette contribution n’est pas publiée : rien à masquer."))
    contribution.refresh_from_db()
    reports = _resolve_reports(item=contribution, by=by, resolution=Report.Resolution.HIDDEN)
    audit.record(
        actor=by, action="contribution.hide", target=contribution, reason=reason, reports=reports
    )
    _tell_author_of_contribution(
        contribution,
        subject=_("Votre contribution « %(title)s » a été masquée"),
        body=_(
            "Votre contribution « %(title)s » a été masquée par l’équipe de modération de la "
            "COP.\n\nMotif : %(reason)s\n\nVous pouvez la modifier ; la modération pourra "
            "alors la rétablir."
        )
        % {"title": contribution.title, "reason": reason},
    )


@transaction.atomic
def contribution_restore(*, contribution: Contribution, by: User, reason: str) -> None:
    """Publish a hidden contribution again, with a reason."""
    reason = _reason(reason)
    restored = Contribution.objects.filter(
        pk=contribution.pk, status=ContributionStatus.HIDDEN
    ).update(
        status=ContributionStatus.PUBLISHED,
        moderation_reason=reason,
        moderated_by=by,
        moderated_at=timezone.now(),
    )
    if not restored:
        raise ValidationError(_("Cette contribution n’est pas masquée : rien à rétablir."))
    contribution.refresh_from_db()
    audit.record(actor=by, action="contribution.restore", target=contribution, reason=reason)
    _tell_author_of_contribution(
        contribution,
        subject=_("Votre contribution « %(title)s » est de nouveau visible"),
        body=_(
            "Votre contribution « %(title)s » a été rétablie par l’équipe de modération de la "
            "COP.\n\nMotif : %(reason)s"
        )
        % {"title": contribution.title, "reason": reason},
    )


@transaction.atomic
def contribution_retain(*, contribution: Contribution, by: User, retained: bool = True) -> None:
    """Mark a published contribution as retained for the roadmap (or withdraw the mark)."""
    if retained:
        changed = Contribution.objects.filter(
            pk=contribution.pk, status=ContributionStatus.PUBLISHED, retained_at=None
        ).update(retained_at=timezone.now(), retained_by=by)
        if not changed:
            raise ValidationError(
                _("Seule une contribution publiée et pas encore retenue peut être retenue.")
            )
    else:
        changed = Contribution.objects.filter(
            pk=contribution.pk, retained_at__isnull=False
        ).update(retained_at=None, retained_by=None)
        if not changed:
            raise ValidationError(_("Cette contribution n’est pas retenue."))
    contribution.refresh_from_db()
    audit.record(
        actor=by,
        action="contribution.retain" if retained else "contribution.unretain",
        target=contribution,
    )


@dataclass(frozen=True)
class MergeResult:
    moved_supports: int
    moved_comments: int


@transaction.atomic
def contribution_merge(
    *, duplicate: Contribution, target: Contribution, by: User, reason: str = ""
) -> MergeResult:
    """Merge a duplicate into a target: supports (once per person) and comments move over.

    The duplicate keeps its text, gets the status ``merged`` and points to the
    target; its page sends readers there. Its comments move with their replies
    (a discussion is worth keeping where people now read); its levers join the
    target's; its open reports are closed.
    """
    if duplicate.pk == target.pk:
        raise ValidationError(_("Une contribution ne peut pas être fusionnée avec elle-même."))
    # Lock both rows, in a fixed order so that two merges cannot deadlock.
    locked = {
        c.pk: c
        for c in Contribution.objects.select_for_update()
        .filter(pk__in=[duplicate.pk, target.pk])
        .order_by("pk")
    }
    duplicate, target = locked[duplicate.pk], locked[target.pk]
    if duplicate.status == ContributionStatus.MERGED:
        raise ValidationError(_("Cette contribution a déjà été fusionnée avec une autre."))
    if duplicate.status == ContributionStatus.HIDDEN:
        # Merging would publish its comments and supports under the target, and its
        # page would send readers there: what was hidden stays hidden.
        raise ValidationError(
            _("Une contribution masquée ne peut pas être fusionnée : rétablissez-la d’abord.")
        )
    if target.status != ContributionStatus.PUBLISHED:
        raise ValidationError(_("La contribution conservée doit être publiée."))
    reason = reason.strip() or _("Doublon de la contribution « %(title)s ».") % {
        "title": target.title
    }

    # Supports: a person who supported both counts once on the target.
    already = Support.objects.filter(contribution=target).values("user_id")
    moved_supports = (
        Support.objects.filter(contribution=duplicate)
        .exclude(user_id__in=already)
        .update(contribution=target)
    )
    Support.objects.filter(contribution=duplicate).delete()
    moved_comments = Comment.objects.filter(
        contribution=duplicate, status=Comment.Status.PUBLISHED
    ).count()
    Comment.objects.filter(contribution=duplicate).update(contribution=target)
    target.levers.add(*duplicate.levers.all())
    # Earlier duplicates of the duplicate now point at the contribution that remains.
    Contribution.objects.filter(merged_into=duplicate).update(merged_into=target)
    Contribution.objects.filter(pk=target.pk).update(
        support_count=F("support_count") + moved_supports,
        comment_count=F("comment_count") + moved_comments,
    )
    Contribution.objects.filter(pk=duplicate.pk).update(
        status=ContributionStatus.MERGED,
        merged_into=target,
        moderation_reason=reason,
        moderated_by=by,
        moderated_at=timezone.now(),
        support_count=0,
        comment_count=0,
    )
    _resolve_reports(item=duplicate, by=by, resolution=Report.Resolution.DISMISSED)
    duplicate.refresh_from_db()
    audit.record(
        actor=by,
        action="contribution.merge",
        target=duplicate,
        into=target.pk,
        into_title=target.title,
        reason=reason,
        moved_supports=moved_supports,
        moved_comments=moved_comments,
    )
    if duplicate.author_id != by.pk:
        notify(
            user=duplicate.author,
            kind=MODERATION,
            subject=_("Votre contribution « %(title)s » a été fusionnée")
            % {"title": duplicate.title},
            body=_(
                "Votre contribution « %(title)s » a été fusionnée avec « %(target)s », qui "
                "traite du même sujet. Ses soutiens et ses commentaires y ont été reportés."
                "\n\nMotif : %(reason)s"
            )
            % {"title": duplicate.title, "target": target.title, "reason": reason},
            url=target.get_absolute_url(),
        )
    return MergeResult(moved_supports=moved_supports, moved_comments=moved_comments)


# --- Comments -----------------------------------------------------------------------------


def _tell_author_of_comment(comment: Comment, *, subject: str, body: str) -> None:
    contribution = comment.contribution
    notify(
        user=comment.author,
        kind=MODERATION,
        subject=subject % {"title": contribution.title},
        body=body,
        url=f"{contribution.get_absolute_url()}#commentaire-{comment.pk}",
    )


@transaction.atomic
def comment_hide(*, comment: Comment, by: User, reason: str) -> None:
    """Hide a published comment with a reason (its replies stay, under a notice)."""
    reason = _reason(reason)
    hidden = Comment.objects.filter(pk=comment.pk, status=Comment.Status.PUBLISHED).update(
        status=Comment.Status.HIDDEN,
        moderation_reason=reason,
        moderated_by=by,
        moderated_at=timezone.now(),
    )
    if not hidden:
        raise ValidationError(_("Ce commentaire n’est pas publié : rien à masquer."))
    Contribution.objects.filter(pk=comment.contribution_id, comment_count__gt=0).update(
        comment_count=F("comment_count") - 1
    )
    comment.refresh_from_db()
    reports = _resolve_reports(item=comment, by=by, resolution=Report.Resolution.HIDDEN)
    audit.record(actor=by, action="comment.hide", target=comment, reason=reason, reports=reports)
    _tell_author_of_comment(
        comment,
        subject=_("Votre commentaire sur « %(title)s » a été masqué"),
        body=_(
            "Votre commentaire sur « %(title)s » a été masqué par l’équipe de modération de "
            "la COP.\n\nMotif : %(reason)s"
        )
        % {"title": comment.contribution.title, "reason": reason},
    )


@transaction.atomic
def comment_restore(*, comment: Comment, by: User, reason: str) -> None:
    """Publish a hidden comment again, with a reason."""
    reason = _reason(reason)
    restored = Comment.objects.filter(pk=comment.pk, status=Comment.Status.HIDDEN).update(
        status=Comment.Status.PUBLISHED,
        moderation_reason=reason,
        moderated_by=by,
        moderated_at=timezone.now(),
    )
    if not restored:
        raise ValidationError(_("Ce commentaire n’est pas masqué : rien à rétablir."))
    Contribution.objects.filter(pk=comment.contribution_id).update(
        comment_count=F("comment_count") + 1
    )
    comment.refresh_from_db()
    audit.record(actor=by, action="comment.restore", target=comment, reason=reason)
    _tell_author_of_comment(
        comment,
        subject=_("Votre commentaire sur « %(title)s » est de nouveau visible"),
        body=_(
            "Votre commentaire sur « %(title)s » a été rétabli par l’équipe de modération de "
            "la COP.\n\nMotif : %(reason)s"
        )
        % {"title": comment.contribution.title, "reason": reason},
    )


# --- Several items at once ----------------------------------------------------------------


@dataclass(frozen=True)
class BulkResult:
    done: int
    skipped: int


def _moderates(user: User, item: Item) -> bool:
    if isinstance(item, Comment):
        return bool(moderates_comment(user, item))
    return bool(moderates_contribution(user, item))


def _is_published(item: Item) -> bool:
    return item.status == ContributionStatus.PUBLISHED  # the same value for comments


def _open_reports(item: Item) -> bool:
    if isinstance(item, Comment):
        return Report.objects.filter(comment=item, resolved_at=None).exists()
    return Report.objects.filter(contribution=item, comment=None, resolved_at=None).exists()


@transaction.atomic
def moderation_bulk(
    *, by: User, items: Sequence[Item], action: BulkAction | str, reason: str
) -> BulkResult:
    """Apply one action with one reason to several items, all or nothing.

    Checks that ``by`` moderates every item (``PermissionDenied`` otherwise, and
    nothing changes). Items already in the wanted state are skipped and counted.
    """
    if not items:
        raise ValidationError(_("Cochez au moins un contenu."))
    if action not in BulkAction.values:
        raise ValidationError(_("Choisissez une action."))
    if action != BulkAction.DISMISS:
        reason = _reason(reason)
    for item in items:
        if not _moderates(by, item):
            raise PermissionDenied(
                _("Vous ne modérez pas le groupe de « %(item)s ».") % {"item": item}
            )
    done = skipped = 0
    for item in items:
        if action == BulkAction.HIDE:
            applicable = _is_published(item)
        elif action == BulkAction.RESTORE:
            applicable = item.status == ContributionStatus.HIDDEN
        else:
            applicable = _open_reports(item)
        if not applicable:
            skipped += 1
            continue
        if action == BulkAction.DISMISS:
            reports_dismiss(item=item, by=by, reason=reason)
        elif isinstance(item, Comment):
            hide_or_restore = comment_hide if action == BulkAction.HIDE else comment_restore
            hide_or_restore(comment=item, by=by, reason=reason)
        elif action == BulkAction.HIDE:
            contribution_hide(contribution=item, by=by, reason=reason)
        else:
            contribution_restore(contribution=item, by=by, reason=reason)
        done += 1
    return BulkResult(done=done, skipped=skipped)
