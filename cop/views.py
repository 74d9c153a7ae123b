"""Pages of the process core: home, calendar, profile, staff follow-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from core.params import (
    MAX_YEAR,
    MIN_YEAR,
    BadParameter,
    int_param,
    page_param,
    parse_text,
    text_param,
)

from . import selectors, services
from .forms import (
    DecisionForm,
    MembershipRequestForm,
    NotificationPreferencesForm,
    ProfileForm,
)
from .models import Membership, Organisation, User
from .roles import roles_of
from .services.notifications import notifications_backlog
from .services.outbox import queued_tasks_backlog
from .spaces import HOME, sections_for

AUDIT_PAGE_SIZE = 50


class HtmxRequest(HttpRequest):
    htmx: HtmxDetails


class LoggedInRequest(HtmxRequest):
    """The request of a ``login_required`` view."""

    user: User  # type: ignore[assignment]


def forbidden(request: HttpRequest, reason: str) -> HttpResponse:
    """A 403 page that says why, in French."""
    return render(
        request,
        "cop/forbidden.html",
        {"title": _("Accès refusé"), "reason": reason},
        status=403,
    )


def _crumbs(current: str, *links: tuple[str, str]) -> dict:
    """Breadcrumb data; the layout puts "Accueil" first by itself."""
    return {"links": [{"url": url, "title": title} for url, title in links], "current": current}


# --- Public pages -----------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    state = selectors.process_state(now=timezone.now(), today=timezone.localdate())
    # The next steps that the apps registered (cop/spaces.py), for a signed-in person.
    next_steps = sections_for(request, page=HOME) if request.user.is_authenticated else []
    return render(request, "cop/home.html", {"state": state, "next_steps": next_steps})


@vary_on_headers("HX-Request")
def calendar(request: HtmxRequest) -> HttpResponse:
    now, today = timezone.now(), timezone.localdate()
    years = selectors.edition_years()
    raw = request.GET.get("edition", "")
    error = ""
    if raw.strip():
        try:
            year = int_param(request.GET, "edition", min_value=MIN_YEAR, max_value=MAX_YEAR)
        except BadParameter:
            year = None
        edition = selectors.edition_by_year(year=year) if year else None
        if edition is None:
            # The page stays usable: the message, and the switch to a real edition.
            error = _("Aucune édition de la COP ne correspond à « %(year)s ».") % {
                "year": parse_text(raw[:20], name="edition", max_length=20)
            }
    else:
        edition = selectors.current_edition(today=today)
    phases = selectors.phases_of(edition=edition) if edition else []
    running = [phase for phase in phases if phase.is_current(today)]
    current = max(running, key=lambda p: (p.starts_on, p.order)) if running else None
    plenaries = selectors.plenaries_of(edition=edition) if edition else []
    context = {
        "title": _("Calendrier de la COP"),
        "breadcrumb_data": _crumbs(_("Calendrier")),
        "edition": edition,
        "years": years,
        "error": error,
        "phases": phases,
        "current": current,
        "today": today,
        "now": now,
        "past_plenaries": [p for p in reversed(plenaries) if p.starts_at < now],
        "next_plenary": selectors.next_plenary(now=now),
    }
    template = "cop/calendar.html#edition" if request.htmx else "cop/calendar.html"
    return render(request, template, context, status=404 if error else 200)


# --- Profile ------------------------------------------------------------------------


def _profile_context(request: LoggedInRequest, **forms) -> dict:
    user = request.user
    memberships = list(selectors.memberships_of(user=user))
    approved = next((m for m in memberships if m.status == Membership.Status.APPROVED), None)
    return {
        "title": _("Mon profil"),
        "breadcrumb_data": _crumbs(_("Mon profil")),
        "roles": roles_of(user),
        "approved": approved,
        "pending": [m for m in memberships if m.status == Membership.Status.PENDING],
        "declined": [m for m in memberships if m.status == Membership.Status.DECLINED],
        "profile_form": forms.get("profile_form")
        or ProfileForm(initial={"first_name": user.first_name, "last_name": user.last_name}),
        "membership_form": forms.get("membership_form") or MembershipRequestForm(),
    }


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: LoggedInRequest) -> HttpResponse:
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            services.profile_update(
                user=request.user,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
            messages.success(request, _("Votre nom a été enregistré."))
            return redirect("cop:profile")
        return render(request, "cop/profile.html", _profile_context(request, profile_form=form))
    return render(request, "cop/profile.html", _profile_context(request))


@login_required
@require_POST
def membership_request(request: LoggedInRequest) -> HttpResponse:
    form = MembershipRequestForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["organisation"]:
                membership = services.membership_request(
                    user=request.user, organisation=data["organisation"], message=data["message"]
                )
            else:
                membership = services.membership_request_new_organisation(
                    user=request.user,
                    name=data["new_name"],
                    college=data["new_college"],
                    message=data["message"],
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Votre demande de rattachement à %(name)s est envoyée. "
                    "Vous recevrez un courriel quand elle aura été traitée."
                )
                % {"name": membership.organisation.name},
            )
            return redirect("cop:profile")
    return render(request, "cop/profile.html", _profile_context(request, membership_form=form))


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request: LoggedInRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = NotificationPreferencesForm(request.POST)
        if form.is_valid():
            services.notification_preferences_set(user=user, frequencies=form.cleaned_data)
            messages.success(request, _("Vos préférences de notification sont enregistrées."))
            return redirect("cop:notification_preferences")
    else:
        form = NotificationPreferencesForm(initial=selectors.notification_frequencies(user=user))
    context = {
        "title": _("Mes notifications"),
        "breadcrumb_data": _crumbs(
            _("Mes notifications"), (reverse("cop:profile"), _("Mon profil"))
        ),
        "form": form,
        "notifications": selectors.recent_notifications(user=user),
    }
    return render(request, "cop/notification_preferences.html", context)


# --- Staff: memberships and audit log ---------------------------------------------------


@login_required
@vary_on_headers("HX-Request")
def memberships(request: LoggedInRequest) -> HttpResponse:
    if not request.user.has_perm("cop.view_memberships"):
        return forbidden(
            request,
            _(
                "Le suivi des demandes de rattachement est réservé aux agents "
                "de l’État et de la Région."
            ),
        )
    context = {
        "title": _("Demandes de rattachement"),
        "breadcrumb_data": _crumbs(_("Demandes de rattachement")),
        "pending_organisations": list(selectors.pending_organisations()),
        "pending": list(selectors.pending_memberships()),
        "decided": list(selectors.recent_decisions()),
        "decision_form": DecisionForm(),
    }
    return render(request, "cop/memberships.html", context)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def membership_decide(request: LoggedInRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("cop.decide_membership"):
        return forbidden(
            request,
            _(
                "Seuls les agents de l’État et de la Région peuvent accepter "
                "ou refuser une demande de rattachement."
            ),
        )
    membership = get_object_or_404(
        Membership.objects.select_related("user", "organisation", "organisation__proposed_by"),
        pk=pk,
    )
    form = DecisionForm(request.POST)
    error = ""
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            membership = services.membership_decide(
                membership=membership,
                by=request.user,
                approve=approve,
                message=form.cleaned_data["message"],
            )
        except PermissionDenied as denied:
            return forbidden(request, str(denied))
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
    else:
        error = " ".join(str(message) for errors in form.errors.values() for message in errors)
    if request.htmx:
        context = {"membership": membership, "error": error, "decision_form": form}
        return render(request, "cop/memberships.html#request_row", context)
    if error:
        messages.error(request, error)
    elif membership.status == Membership.Status.APPROVED:
        messages.success(
            request,
            _("%(user)s est rattaché à %(name)s.")
            % {"user": membership.user.email, "name": membership.organisation.name},
        )
    else:
        messages.success(
            request,
            _("La demande de %(user)s est refusée.") % {"user": membership.user.email},
        )
    return redirect("cop:memberships")


@login_required
@require_POST
@vary_on_headers("HX-Request")
def organisation_decide(request: LoggedInRequest, pk: int) -> HttpResponse:
    """Approve a proposed organisation (it joins the lists) or decline it."""
    if not request.user.has_perm("cop.decide_organisation"):
        return forbidden(
            request,
            _("Seuls les agents de l’État et de la Région valident les organisations proposées."),
        )
    organisation = get_object_or_404(Organisation.objects.select_related("proposed_by"), pk=pk)
    form = DecisionForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            organisation = services.organisation_decide(
                organisation=organisation,
                by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                message=form.cleaned_data["message"],
            )
        except PermissionDenied as denied:
            return forbidden(request, str(denied))
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
    else:
        error = " ".join(str(message) for errors in form.errors.values() for message in errors)
    if request.htmx:
        context = {"organisation": organisation, "error": error}
        return render(request, "cop/memberships.html#organisation_row", context)
    if error:
        messages.error(request, error)
    elif organisation.status == Organisation.Status.APPROVED:
        messages.success(
            request,
            _("L’organisation « %(name)s » est validée : elle figure désormais dans les listes.")
            % {"name": organisation.name},
        )
    else:
        messages.success(
            request,
            _(
                "L’organisation « %(name)s » est refusée ; les demandes de rattachement "
                "en attente sont refusées avec elle."
            )
            % {"name": organisation.name},
        )
    return redirect("cop:memberships")


@login_required
@vary_on_headers("HX-Request")
def audit_log(request: LoggedInRequest) -> HttpResponse:
    if not request.user.has_perm("cop.view_auditlog"):
        return forbidden(
            request, _("Le journal des actions est réservé aux agents de l’État et de la Région.")
        )
    action = text_param(request.GET, "action", max_length=100)
    paginator = Paginator(selectors.audit_events(action=action), AUDIT_PAGE_SIZE)
    page = paginator.get_page(page_param(request.GET))
    context = {
        "title": _("Journal des actions"),
        "breadcrumb_data": _crumbs(_("Journal des actions")),
        "actions": selectors.audit_actions(),
        "action": action,
        "page_obj": page,
        "events": page.object_list,
    }
    if not request.htmx:
        # What the outbox holds: staff see emails that wait or were given up.
        context["emails"] = notifications_backlog()
        context["tasks"] = queued_tasks_backlog()
    template = "cop/audit_log.html#results" if request.htmx else "cop/audit_log.html"
    return render(request, template, context)
