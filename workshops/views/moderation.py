"""Moderation: the queue with its bulk actions, and the actions on one item."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from cop.views import forbidden
from core.params import choice_param

from ..forms.contributions import ITEM_KEY, BulkModerationForm, MergeForm, ModerationForm
from ..models import Comment, ContributionStatus
from ..selectors import contributions as selectors
from ..selectors.access import get_comment_for_user, get_contribution_for_user
from ..services import moderation as services
from .contributions import LoggedInRequest, contribution_crumbs, crumbs

NOT_A_MODERATOR = _(
    "La modération est réservée aux animateurs du groupe et aux agents de l’État et de la Région."
)


@login_required
@require_http_methods(["GET", "POST"])
def moderation_queue(request: LoggedInRequest):
    if not request.user.has_perm("workshops.view_moderation_queue"):
        return forbidden(request, str(NOT_A_MODERATOR))
    group_ids = selectors.moderated_group_ids(user=request.user)
    form = BulkModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        keys = form.cleaned_data["items"]
        items = selectors.moderable_items(keys=keys, group_ids=group_ids)
        if len(items) != len(set(keys)):
            form.add_error(
                "items",
                _("Un des contenus cochés n’existe plus ou n’est pas dans vos groupes."),
            )
        else:
            try:
                result = services.moderation_bulk(
                    by=request.user,
                    items=items,
                    action=form.cleaned_data["action"],
                    reason=form.cleaned_data["reason"],
                )
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, getattr(error, "messages", None) or str(error))
            else:
                message = ngettext(
                    "%(done)s contenu traité.", "%(done)s contenus traités.", result.done
                ) % {"done": result.done}
                if result.skipped:
                    message += " " + ngettext(
                        "%(skipped)s contenu était déjà dans cet état et n’a pas changé.",
                        "%(skipped)s contenus étaient déjà dans cet état et n’ont pas changé.",
                        result.skipped,
                    ) % {"skipped": result.skipped}
                messages.success(request, message)
                return redirect("workshops:moderation")
    # After a refusal, what was checked stays checked (only well-formed keys).
    checked = {key for key in request.POST.getlist("items") if ITEM_KEY.match(key)}
    checked_ids: dict[str, set[int]] = {"contribution": set(), "comment": set()}
    for key in checked:
        kind, _sep, pk = key.partition(":")
        checked_ids[kind].add(int(pk))
    title = _("Modération")
    return render(
        request,
        "workshops/moderation/queue.html",
        {
            "title": title,
            "breadcrumb_data": crumbs(title),
            "form": form,
            "checked": checked,
            "checked_contributions": checked_ids["contribution"],
            "checked_comments": checked_ids["comment"],
            "queue": selectors.moderation_queue(group_ids=group_ids),
            "recent_contributions": selectors.recent_contributions(group_ids=group_ids),
            "recent_comments": selectors.recent_comments(group_ids=group_ids),
            "all_groups": group_ids is None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_moderate(request: LoggedInRequest, pk: int):
    """Hide a published contribution or restore a hidden one, with a reason."""
    contribution = get_contribution_for_user(
        request.user, pk, perm="workshops.moderate_contribution", denied=str(NOT_A_MODERATOR)
    )
    hiding = contribution.status == ContributionStatus.PUBLISHED
    form = ModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service = services.contribution_hide if hiding else services.contribution_restore
        try:
            service(contribution=contribution, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("La contribution est masquée ; son auteur ou autrice est prévenu par courriel.")
                if hiding
                else _(
                    "La contribution est rétablie ; son auteur ou autrice est prévenu par "
                    "courriel."
                ),
            )
            return redirect(contribution)
    title = _("Masquer la contribution") if hiding else _("Rétablir la contribution")
    return render(
        request,
        "workshops/moderation/action.html",
        {
            "title": title,
            "breadcrumb_data": contribution_crumbs(contribution, title),
            "form": form,
            "contribution": contribution,
            "hiding": hiding,
            "action": reverse("workshops:contribution_moderate", args=[contribution.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_moderate(request: LoggedInRequest, pk: int):
    """Hide a published comment or restore a hidden one, with a reason."""
    comment = get_comment_for_user(
        request.user, pk, perm="workshops.moderate_comment", denied=str(NOT_A_MODERATOR)
    )
    contribution = comment.contribution
    hiding = comment.status == Comment.Status.PUBLISHED
    form = ModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service = services.comment_hide if hiding else services.comment_restore
        try:
            service(comment=comment, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Le commentaire est masqué ; son auteur ou autrice est prévenu par courriel.")
                if hiding
                else _(
                    "Le commentaire est rétabli ; son auteur ou autrice est prévenu par courriel."
                ),
            )
            return redirect(f"{contribution.get_absolute_url()}#commentaire-{comment.pk}")
    title = _("Masquer le commentaire") if hiding else _("Rétablir le commentaire")
    return render(
        request,
        "workshops/moderation/action.html",
        {
            "title": title,
            "breadcrumb_data": contribution_crumbs(contribution, title),
            "form": form,
            "contribution": contribution,
            "comment": comment,
            "hiding": hiding,
            "action": reverse("workshops:comment_moderate", args=[comment.pk]),
        },
    )


@login_required
@require_POST
def contribution_retain(request: LoggedInRequest, pk: int):
    """Mark a contribution as retained for the roadmap, or withdraw the mark."""
    contribution = get_contribution_for_user(
        request.user, pk, perm="workshops.retain_contribution", denied=str(NOT_A_MODERATOR)
    )
    retained = choice_param(request.POST, "retenir", choices=("0", "1"), default="1") == "1"
    try:
        services.contribution_retain(contribution=contribution, by=request.user, retained=retained)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("La contribution est retenue pour la feuille de route.")
            if retained
            else _("La contribution n’est plus retenue pour la feuille de route."),
        )
    return redirect(contribution)


@login_required
@require_http_methods(["GET", "POST"])
def contribution_merge(request: LoggedInRequest, pk: int):
    """Merge this contribution (a duplicate) into another one that is kept."""
    duplicate = get_contribution_for_user(
        request.user, pk, perm="workshops.moderate_contribution", denied=str(NOT_A_MODERATOR)
    )
    if duplicate.status == ContributionStatus.MERGED:
        messages.info(request, _("Cette contribution a déjà été fusionnée."))
        return redirect(duplicate)
    candidates = selectors.merge_candidates(contribution=duplicate)
    form = MergeForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        target = next(c for c in candidates if c.pk == form.cleaned_data["target"])
        if not request.user.has_perm("workshops.moderate_contribution", target):
            form.add_error("target", str(NOT_A_MODERATOR))
        else:
            try:
                result = services.contribution_merge(
                    duplicate=duplicate,
                    target=target,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _(
                        "Contributions fusionnées : %(supports)s soutien(s) et %(comments)s "
                        "commentaire(s) reportés."
                    )
                    % {"supports": result.moved_supports, "comments": result.moved_comments},
                )
                return redirect(target)
    title = _("Fusionner un doublon")
    return render(
        request,
        "workshops/moderation/merge.html",
        {
            "title": title,
            "breadcrumb_data": contribution_crumbs(duplicate, title),
            "form": form,
            "contribution": duplicate,
            "candidates": candidates,
        },
    )
