"""Pages of the working groups: the list, a group, joining, following, requests."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from cop.models import User
from cop.permissions import is_authenticated, is_stakeholder
from core.params import choice_param
from core.ratelimit import limit, too_many_requests
from panorama.selectors import visible_scenarios

from ..forms.groups import GroupDecisionForm, GroupScenarioForm, JoinGroupForm
from ..models import GroupMembership, WorkingGroup
from ..selectors import groups as selectors
from ..services import groups as services


class HtmxRequest(HttpRequest):
    htmx: HtmxDetails


class LoggedInRequest(HtmxRequest):
    """The request of a ``login_required`` view."""

    user: User  # type: ignore[assignment]


def crumbs(current: str, *links: tuple[str, str]) -> dict:
    """Breadcrumb data; the layout puts "Accueil" first by itself."""
    return {"links": [{"url": url, "title": title} for url, title in links], "current": current}


def groups_link() -> tuple[str, str]:
    return reverse("workshops:groups"), _("Groupes de travail")


def join_refusal(user) -> str:
    """Why a person may not ask to join a group, in French ("" when they may)."""
    if not is_authenticated(user):
        return _(
            "Connectez-vous avec un compte rattaché à une organisation pour rejoindre ce groupe."
        )
    if not is_stakeholder(user):
        return _("Rattachez d’abord votre compte à une organisation depuis votre profil.")
    return ""


def scenario_url(group: WorkingGroup) -> str:
    """The simulator opened on the group's proposed scenario."""
    scenario = group.proposed_scenario
    if scenario is None:
        return ""
    url = reverse("panorama:simulator")
    return f"{url}?{scenario.query}" if scenario.query else url


# --- Public pages -------------------------------------------------------------------------


@require_safe
def group_list(request: HttpRequest) -> HttpResponse:
    groups = list(selectors.groups_overview(now=timezone.now()))
    return render(
        request,
        "workshops/groups/list.html",
        {
            "title": _("Groupes de travail"),
            "breadcrumb_data": crumbs(_("Groupes de travail")),
            "groups": groups,
            "my_groups": selectors.groups_of_member(user=request.user),
        },
    )


def _group_context(request: HttpRequest, group: WorkingGroup, **extra) -> dict:
    user = request.user
    region_code = settings.COP_REGION_CODE
    levers = selectors.group_levers(group=group, region_code=region_code)
    can_moderate = user.has_perm("workshops.decide_group_membership", group)
    can_set_scenario = user.has_perm("workshops.set_group_scenario", group)
    context = {
        "title": group.name,
        "breadcrumb_data": crumbs(group.name, groups_link()),
        "group": group,
        "levers": levers,
        "levers_total": sum(row.effort.effort_kt for row in levers if row.effort),
        "next_meetings": selectors.group_next_meetings(group=group, now=timezone.now()),
        "contributions": selectors.group_latest_contributions(group=group),
        "documents": list(selectors.group_documents(group=group)),
        "colleges": selectors.members_by_college(group=group),
        "membership": selectors.membership_of(user=user, group=group),
        "following": selectors.is_following(user=user, group=group),
        "can_follow": user.has_perm("workshops.follow_group"),
        "join_refusal": join_refusal(user),
        "is_facilitator": any(f.user_id == user.pk for f in group.facilitator_list),  # type: ignore[attr-defined]
        "can_moderate": can_moderate,
        "pending_count": selectors.pending_request_count(group=group) if can_moderate else 0,
        "scenario_url": scenario_url(group),
        "join_form": JoinGroupForm(),
    }
    if can_set_scenario:
        scenarios = visible_scenarios(user, region_code=region_code)
        context["scenario_form"] = GroupScenarioForm(
            scenarios=scenarios, initial={"scenario": group.proposed_scenario_id}
        )
    return context | extra


@require_safe
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = selectors.get_group(slug=slug)
    return render(request, "workshops/groups/detail.html", _group_context(request, group))


# --- Joining and following ---------------------------------------------------------------


@login_required
@require_POST
def group_join(request: LoggedInRequest, slug: str) -> HttpResponse:
    group = selectors.get_group(slug=slug)
    if not request.user.has_perm("workshops.join_group", group):
        raise PermissionDenied(join_refusal(request.user))
    form = JoinGroupForm(request.POST)
    refusal = limit(request, action="group") if form.is_valid() else None
    if refusal is not None:
        form.add_error(None, refusal.message)
    elif form.is_valid():
        try:
            services.group_membership_request(
                group=group, user=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Votre demande pour rejoindre le groupe « %(name)s » est envoyée à son "
                    "animation. Vous serez prévenu de sa décision."
                )
                % {"name": group.name},
            )
            return redirect(group)
    context = _group_context(request, group, join_form=form)
    return render(request, "workshops/groups/detail.html", context, status=429 if refusal else 400)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def group_follow(request: LoggedInRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(WorkingGroup, slug=slug)
    if not request.user.has_perm("workshops.follow_group", group):
        raise PermissionDenied(
            _("Confirmez d’abord votre adresse électronique pour suivre un groupe.")
        )
    action = choice_param(request.POST, "action", choices=("follow", "unfollow"), default="follow")
    follow = action == "follow"
    if refusal := limit(request, action="group"):
        if not request.htmx:
            return too_many_requests(request, refusal)
        following = selectors.is_following(user=request.user, group=group)
        return render(
            request,
            "workshops/groups/detail.html#follow",
            {
                "group": group,
                "following": following,
                "can_follow": True,
                "notice": refusal.message,
            },
        )
    if follow:
        services.group_follow(group=group, user=request.user)
    else:
        services.group_unfollow(group=group, user=request.user)
    if request.htmx:
        return render(
            request,
            "workshops/groups/detail.html#follow",
            {"group": group, "following": follow, "can_follow": True},
        )
    if follow:
        messages.success(
            request,
            _(
                "Vous suivez le groupe « %(name)s » : ses nouvelles contributions "
                "vous seront signalées."
            )
            % {"name": group.name},
        )
    else:
        messages.success(
            request, _("Vous ne suivez plus le groupe « %(name)s ».") % {"name": group.name}
        )
    return redirect(group)


@login_required
@require_POST
def group_scenario(request: LoggedInRequest, slug: str) -> HttpResponse:
    group = selectors.get_group(slug=slug)
    if not request.user.has_perm("workshops.set_group_scenario", group):
        raise PermissionDenied(_("Seule l’animation du groupe choisit le scénario qu’il propose."))
    scenarios = visible_scenarios(request.user, region_code=settings.COP_REGION_CODE)
    form = GroupScenarioForm(request.POST, scenarios=scenarios)
    if not form.is_valid():
        context = _group_context(request, group, scenario_form=form)
        return render(request, "workshops/groups/detail.html", context, status=400)
    scenario = form.cleaned_data["scenario"]
    services.group_set_scenario(group=group, scenario=scenario, by=request.user)
    if scenario:
        messages.success(
            request,
            _("Le groupe propose désormais le scénario « %(name)s ».") % {"name": scenario.name},
        )
    else:
        messages.success(request, _("Le groupe ne propose plus de scénario."))
    return redirect(group)


# --- Facilitators: requests to join ----------------------------------------------------------


@login_required
@require_safe
def group_requests(request: LoggedInRequest, slug: str) -> HttpResponse:
    group = selectors.get_group(slug=slug)
    if not request.user.has_perm("workshops.view_group_requests", group):
        raise PermissionDenied(
            _("Les demandes d’adhésion sont traitées par l’animation du groupe et les agents.")
        )
    return render(
        request,
        "workshops/groups/members.html",
        {
            "title": _("Membres du groupe %(name)s") % {"name": group.name},
            "breadcrumb_data": crumbs(
                _("Membres"), groups_link(), (group.get_absolute_url(), group.name)
            ),
            "group": group,
            "pending": list(selectors.pending_requests(group=group)),
            "decided": list(selectors.recent_decisions(group=group)),
            "colleges": selectors.members_by_college(group=group),
        },
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def group_request_decide(request: LoggedInRequest, slug: str, pk: int) -> HttpResponse:
    group = selectors.get_group(slug=slug)
    if not request.user.has_perm("workshops.decide_group_membership", group):
        raise PermissionDenied(
            _("Seule l’animation du groupe (et les agents) acceptent ou refusent une demande.")
        )
    membership = get_object_or_404(
        GroupMembership.objects.select_related("user", "organisation", "group"),
        pk=pk,
        group=group,
    )
    form = GroupDecisionForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            membership = services.group_membership_decide(
                membership=membership,
                by=request.user,
                accept=form.cleaned_data["decision"] == "accept",
                message=form.cleaned_data["message"],
            )
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
    else:
        error = " ".join(str(message) for errors in form.errors.values() for message in errors)
    if request.htmx:
        return render(
            request,
            "workshops/groups/members.html#request_row",
            {"membership": membership, "group": group, "error": error},
        )
    if error:
        messages.error(request, error)
    elif membership.status == GroupMembership.Status.ACCEPTED:
        messages.success(
            request,
            _("%(person)s est membre du groupe.")
            % {"person": membership.user.get_full_name() or membership.user.email},
        )
    else:
        messages.success(
            request,
            _("La demande de %(person)s est refusée.")
            % {"person": membership.user.get_full_name() or membership.user.email},
        )
    return redirect("workshops:group_requests", slug=group.slug)
