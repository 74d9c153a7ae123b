"""Pages of one contribution: posting, reading, editing, comments, supports, reports."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from cop.models import User
from cop.views import forbidden
from core.params import choice_param, id_param, slug_param, text_param
from core.ratelimit import limit, too_many_requests
from territories.selectors import search_territories

from ..forms.contributions import (
    CommentForm,
    ContributionForm,
    ModerationForm,
    ReportForm,
    territory_label,
)
from ..models import Comment, Contribution, ContributionStatus, Meeting, WorkingGroup
from ..selectors import contributions as selectors
from ..selectors.access import get_comment_for_user, get_contribution_for_user
from ..services import contributions as services
from ..services import moderation as moderation_services

DETAIL = "workshops/contributions/detail.html"
SUPPORT_ACTIONS = ("add", "remove")
TERRITORY_SUGGESTIONS = 10


class HtmxRequest(HttpRequest):
    htmx: HtmxDetails


class LoggedInRequest(HtmxRequest):
    """The request of a ``login_required`` view."""

    user: User  # type: ignore[assignment]


def crumbs(current: str, *links: tuple[str, str]) -> dict:
    """Breadcrumb data; the layout puts "Accueil" first by itself."""
    return {"links": [{"url": url, "title": title} for url, title in links], "current": current}


def contribution_crumbs(contribution: Contribution, current: str | None = None) -> dict:
    links = [(reverse("workshops:contributions"), _("Contributions"))]
    if contribution.group is not None:
        links.append(
            (
                reverse("workshops:group_contributions", args=[contribution.group.slug]),
                contribution.group.name,
            )
        )
    if current is None:
        return crumbs(_shown_title(contribution), *links)
    links.append((contribution.get_absolute_url(), _shown_title(contribution)))
    return crumbs(current, *links)


def _shown_title(contribution: Contribution) -> str:
    if contribution.status == ContributionStatus.HIDDEN:
        return _("Contribution masquée")
    return contribution.title


# --- Posting and editing ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def contribution_create(request: LoggedInRequest) -> HttpResponse:
    meeting = group = None
    meeting_id = id_param(request.GET, "reunion")
    slug = slug_param(request.GET, "groupe")
    if meeting_id is not None:
        meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=meeting_id)
        if not request.user.has_perm("workshops.contribute_in_meeting", meeting):
            return forbidden(
                request,
                _(
                    "Seuls les animateurs du groupe et les agents de l’État et de la Région "
                    "consignent les contributions d’une réunion."
                ),
            )
        group = meeting.group
    elif slug:
        group = get_object_or_404(WorkingGroup, slug=slug)
        if not request.user.has_perm("workshops.contribute_in_group", group):
            return forbidden(
                request,
                _(
                    "Pour contribuer au groupe « %(group)s », demandez d’abord à le rejoindre "
                    "depuis sa page : les membres du groupe, ses animateurs et les agents de "
                    "l’État et de la Région y contribuent."
                )
                % {"group": group.name},
            )
    else:
        return render(
            request,
            "workshops/contributions/choose_group.html",
            {
                "title": _("Proposer une contribution"),
                "breadcrumb_data": crumbs(
                    _("Proposer une contribution"),
                    (reverse("workshops:contributions"), _("Contributions")),
                ),
                "groups": WorkingGroup.objects.order_by("position", "name"),
            },
        )

    form = ContributionForm(request.POST or None, group=group)
    refusal = None
    if request.method == "POST" and form.is_valid():
        refusal = limit(request, action="contribution")
    if refusal is not None:
        # The form comes back with what was typed.
        form.add_error(None, refusal.message)
    elif request.method == "POST" and form.is_valid():
        try:
            contribution = services.contribution_create(
                author=request.user,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                group=group,
                meeting=meeting,
                levers=form.cleaned_data["levers"],
                territory=form.cleaned_data["territory"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Votre contribution est publiée."))
            return redirect(contribution)
    query = f"?reunion={meeting.pk}" if meeting else f"?groupe={slug}"
    title = _("Proposer une contribution")
    links = [(reverse("workshops:contributions"), _("Contributions"))]
    if group is not None:
        links.append((reverse("workshops:group_contributions", args=[group.slug]), group.name))
    return render(
        request,
        "workshops/contributions/form.html",
        {
            "title": title,
            "breadcrumb_data": crumbs(title, *links),
            "form": form,
            "group": group,
            "meeting": meeting,
            "action": reverse("workshops:contribution_create") + query,
        },
        status=429 if refusal else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_edit(request: LoggedInRequest, pk: int) -> HttpResponse:
    contribution = get_contribution_for_user(
        request.user,
        pk,
        perm="workshops.change_own_contribution",
        denied=_("Seul l’auteur ou l’autrice d’une contribution peut la modifier."),
    )
    current_levers = list(contribution.levers.all())
    form = ContributionForm(
        request.POST or None,
        group=contribution.group,
        current_levers=current_levers,
        initial={
            "kind": contribution.kind,
            "title": contribution.title,
            "body": contribution.body,
            "levers": current_levers,
            "territory": territory_label(contribution.territory),
        },
    )
    refusal = None
    if request.method == "POST" and form.is_valid():
        refusal = limit(request, action="contribution_edit")
    if refusal is not None:
        form.add_error(None, refusal.message)
    elif request.method == "POST" and form.is_valid():
        try:
            services.contribution_update(
                contribution=contribution,
                by=request.user,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                levers=form.cleaned_data["levers"],
                territory=form.cleaned_data["territory"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Votre contribution est modifiée."))
            return redirect(contribution)
    title = _("Modifier la contribution")
    return render(
        request,
        "workshops/contributions/form.html",
        {
            "title": title,
            "breadcrumb_data": contribution_crumbs(contribution, title),
            "form": form,
            "group": contribution.group,
            "contribution": contribution,
            "action": reverse("workshops:contribution_edit", args=[contribution.pk]),
        },
        status=429 if refusal else 200,
    )


@require_safe
@vary_on_headers("HX-Request")
def territory_options(request: HtmxRequest) -> HttpResponse:
    """Territories of the region matching what is typed (the suggestions of the field)."""
    query = text_param(request.GET, "territory", max_length=100)
    options: list[str] = []
    if len(query) >= 2:
        results = search_territories(query=query, region_code=settings.COP_REGION_CODE)
        found = [
            *results.departements,
            *results.epcis,
            *results.communes[:TERRITORY_SUGGESTIONS],
        ]
        options = [territory_label(t) for t in found[:TERRITORY_SUGGESTIONS]]
    context = {
        "title": _("Territoires de la région"),
        "breadcrumb_data": crumbs(
            _("Territoires de la région"), (reverse("workshops:contributions"), _("Contributions"))
        ),
        "query": query,
        "options": options,
    }
    if request.htmx:
        return render(request, "workshops/contributions/territory_options.html#options", context)
    return render(request, "workshops/contributions/territory_options.html", context)


# --- Reading ------------------------------------------------------------------------------


def detail_context(
    request: HttpRequest,
    contribution: Contribution,
    *,
    comment_form: CommentForm | None = None,
    reply_form: CommentForm | None = None,
    reply_parent: int | None = None,
    notice: str = "",
) -> dict:
    user = request.user
    moderator = user.has_perm("workshops.moderate_contribution", contribution)
    is_author = user.is_authenticated and contribution.author_id == user.pk
    # Only who may see the contribution comes here (``get_contribution_for_user``): for a
    # hidden one, its author and its moderators, who read it under a notice.
    return {
        "title": _shown_title(contribution),
        "breadcrumb_data": contribution_crumbs(contribution),
        "contribution": contribution,
        "hidden": contribution.status == ContributionStatus.HIDDEN,
        "is_author": is_author,
        "moderator": moderator,
        "threads": selectors.comment_threads(contribution=contribution),
        "supported": selectors.has_supported(user=user, contribution=contribution),
        "can_support": user.has_perm("workshops.support_contribution", contribution),
        "can_comment": user.has_perm("workshops.comment_contribution", contribution),
        "can_edit": user.has_perm("workshops.change_own_contribution", contribution),
        "can_report": user.has_perm("workshops.report_contribution", contribution),
        "comment_form": comment_form or CommentForm(),
        "reply_form": reply_form,
        "reply_parent": reply_parent,
        "report_form": ReportForm(),
        "moderation_form": ModerationForm(),
        "notice": notice,
    }


@require_safe
def contribution_detail(request: HtmxRequest, pk: int) -> HttpResponse:
    contribution = get_contribution_for_user(request.user, pk)
    if contribution.status == ContributionStatus.MERGED and contribution.merged_into:
        messages.info(
            request,
            _(
                "La contribution « %(title)s » a été fusionnée avec celle-ci, qui traite du "
                "même sujet."
            )
            % {"title": contribution.title},
        )
        return redirect(contribution.merged_into)
    return render(request, DETAIL, detail_context(request, contribution))


# --- Comments -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def comment_create(request: LoggedInRequest, pk: int) -> HttpResponse:
    contribution = get_contribution_for_user(request.user, pk)
    if request.method == "GET":
        return redirect(contribution.get_absolute_url() + "#commentaires")
    if not request.user.has_perm("workshops.comment_contribution", contribution):
        reason = _(
            "Les acteurs rattachés à une organisation commentent les contributions publiées."
        )
        if request.htmx:
            context = detail_context(request, contribution, notice=reason)
            return render(request, DETAIL + "#comments", context)
        return forbidden(request, reason)
    form = CommentForm(request.POST)
    comment = refusal = None
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = _visible_parent(request, form.cleaned_data["parent"], contribution)
            if parent is None:
                form.add_error(None, _("Le commentaire auquel vous répondez n’existe plus."))
        if form.is_valid():
            refusal = limit(request, action="comment")
            if refusal is not None:
                form.add_error(None, refusal.message)
        if form.is_valid():
            try:
                comment = services.comment_create(
                    contribution=contribution,
                    author=request.user,
                    body=form.cleaned_data["body"],
                    parent=parent,
                )
            except ValidationError as error:
                form.add_error(None, error)
    if comment is not None:
        if request.htmx:
            contribution.refresh_from_db(fields=["comment_count"])
            context = detail_context(
                request, contribution, notice=_("Votre commentaire est publié.")
            )
            return render(request, DETAIL + "#comments", context)
        messages.success(request, _("Votre commentaire est publié."))
        return redirect(f"{contribution.get_absolute_url()}#commentaire-{comment.pk}")
    # The form comes back with what was typed and why it was refused.
    if request.POST.get("parent"):
        context = detail_context(
            request,
            contribution,
            reply_form=form,
            reply_parent=form.cleaned_data.get("parent") if form.is_valid() else None,
        )
        if context["reply_parent"] is None or not any(
            t.pk == context["reply_parent"] for t in context["threads"]
        ):
            # No top-level comment to show the form under (a reply to a reply):
            # the refusal goes with the main form.
            context["comment_form"] = form
    else:
        context = detail_context(request, contribution, comment_form=form)
    if request.htmx:
        # htmx swaps only 2xx answers: the partial itself shows the refusal.
        return render(request, DETAIL + "#comments", context)
    return render(request, DETAIL, context, status=429 if refusal else 200)


def _visible_parent(request: LoggedInRequest, pk: int, contribution: Contribution):
    """The comment answered, if the user may see it and it is under this contribution."""
    try:
        parent = get_comment_for_user(request.user, pk)
    except Http404:
        return None
    return parent if parent.contribution_id == contribution.pk else None


# --- Supports -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def support(request: LoggedInRequest, pk: int) -> HttpResponse:
    contribution = get_contribution_for_user(request.user, pk)
    if request.method == "GET":
        return redirect(contribution.get_absolute_url() + "#soutien")
    notice = ""
    if not request.user.has_perm("workshops.support_contribution", contribution):
        notice = _(
            "Les acteurs rattachés à une organisation soutiennent les contributions publiées."
        )
        if not request.htmx:
            return forbidden(request, notice)
    elif refusal := limit(request, action="support"):
        if not request.htmx:
            return too_many_requests(request, refusal)
        notice = refusal.message
    elif choice_param(request.POST, "action", choices=SUPPORT_ACTIONS, default="add") == "remove":
        services.support_remove(contribution=contribution, user=request.user)
    else:
        try:
            services.support_add(contribution=contribution, user=request.user)
        except ValidationError as error:
            notice = " ".join(error.messages)
    if not request.htmx:
        if notice:
            messages.error(request, notice)
        return redirect(contribution.get_absolute_url() + "#soutien")
    contribution.refresh_from_db(fields=["support_count"])
    context = detail_context(request, contribution)
    context["support_notice"] = notice
    return render(request, DETAIL + "#support", context)


# --- Reports ------------------------------------------------------------------------------


def _report(request: LoggedInRequest, *, contribution: Contribution, comment: Comment | None):
    form = ReportForm(request.POST or None)
    refusal = None
    if request.method == "POST" and form.is_valid():
        refusal = limit(request, action="report")
    if refusal is not None:
        form.add_error(None, refusal.message)
    elif request.method == "POST" and form.is_valid():
        try:
            moderation_services.report_create(
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                contribution=contribution,
                comment=comment,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Merci : votre signalement est transmis à l’équipe de modération."),
            )
            anchor = f"#commentaire-{comment.pk}" if comment else ""
            return redirect(contribution.get_absolute_url() + anchor)
    title = _("Signaler un commentaire") if comment else _("Signaler une contribution")
    action = (
        reverse("workshops:comment_report", args=[comment.pk])
        if comment
        else reverse("workshops:contribution_report", args=[contribution.pk])
    )
    return render(
        request,
        "workshops/contributions/report.html",
        {
            "title": title,
            "breadcrumb_data": contribution_crumbs(contribution, title),
            "form": form,
            "contribution": contribution,
            "comment": comment,
            "action": action,
        },
        status=429 if refusal else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_report(request: LoggedInRequest, pk: int) -> HttpResponse:
    contribution = get_contribution_for_user(
        request.user,
        pk,
        perm="workshops.report_contribution",
        denied=_("Cette contribution n’est plus publiée."),
    )
    return _report(request, contribution=contribution, comment=None)


@login_required
@require_http_methods(["GET", "POST"])
def comment_report(request: LoggedInRequest, pk: int) -> HttpResponse:
    comment = get_comment_for_user(
        request.user,
        pk,
        perm="workshops.report_comment",
        denied=_("Ce commentaire ou sa contribution a été masqué : il n’est plus signalable."),
    )
    return _report(request, contribution=comment.contribution, comment=comment)
