"""The staff page of roles (/suivi/roles/): who holds which role, grant, revoke.

Every write goes through ``cop.services.roles`` (audited, ``is_staff`` follows,
the groups' facilitators follow). ``cop.view_roles`` opens the page;
``cop.grant_role`` with the assignment says whether this person may give or
take back this role on this side (a side's signature only by its holders).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .forms import RoleFilterForm, RoleGrantForm
from .models import Role, RoleAssignment, Side
from .views import LoggedInRequest, _crumbs, forbidden

STAFF_ONLY = _("La gestion des rôles est réservée aux agents de l’État et de la Région.")


def _refusal(assignment: RoleAssignment) -> str:
    """Why the current agent may not change ``assignment`` (see ``may_change_this_role``)."""
    side = Side(assignment.side).label
    if assignment.role == Role.PUBLISHER:
        return _(
            "La signature côté %(side)s ne peut être confiée ou retirée que par une personne "
            "qui la détient déjà."
        ) % {"side": side}
    return _(
        "Le rôle d’agent côté %(side)s ne peut être confié ou retiré que par un agent de ce côté."
    ) % {"side": side}


def _page(request: LoggedInRequest, form: RoleGrantForm, status: int = 200) -> HttpResponse:
    filters = RoleFilterForm(request.GET or None, auto_id="filter-%s")
    role = side = ""
    if filters.is_valid():
        role, side = filters.cleaned_data["role"], filters.cleaned_data["side"]
    context = {
        "title": _("Rôles"),
        "breadcrumb_data": _crumbs(_("Rôles")),
        "filters": filters,
        "assignments": list(selectors.role_assignments(role=role, side=side)),
        "form": form,
    }
    return render(request, "cop/roles.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def roles(request: LoggedInRequest) -> HttpResponse:
    if not request.user.has_perm("cop.view_roles"):
        return forbidden(request, STAFF_ONLY)
    if request.method != "POST":
        return _page(request, RoleGrantForm())
    form = RoleGrantForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    data = form.cleaned_data
    wanted = RoleAssignment(role=data["role"], side=data["side"])
    if not request.user.has_perm("cop.grant_role", wanted):
        return forbidden(request, _refusal(wanted))
    try:
        services.grant_role(
            user=data["email"],
            role=data["role"],
            side=data["side"],
            scope=data["scope"],
            by=request.user,
        )
    except ValidationError as invalid:
        for message in invalid.messages:
            form.add_error(None, message)
        return _page(request, form, status=400)
    messages.success(
        request,
        _("%(person)s a maintenant le rôle « %(role)s ».")
        % {"person": data["email"].email, "role": Role(data["role"]).label},
    )
    return redirect("cop:roles")


@login_required
@require_http_methods(["GET", "POST"])
def role_revoke(request: LoggedInRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("cop.view_roles"):
        return forbidden(request, STAFF_ONLY)
    assignment = get_object_or_404(
        RoleAssignment.objects.select_related("user", "scope_type"), pk=pk
    )
    if not request.user.has_perm("cop.grant_role", assignment):
        return forbidden(request, _refusal(assignment))
    if request.method == "POST":
        services.revoke_assignment(assignment=assignment, by=request.user)
        messages.success(
            request,
            _("Le rôle « %(role)s » est retiré à %(person)s.")
            % {"role": assignment.get_role_display(), "person": assignment.user.email},
        )
        return redirect("cop:roles")
    context = {
        "title": _("Retirer un rôle"),
        "breadcrumb_data": _crumbs(_("Retirer un rôle"), (_("Rôles"), reverse("cop:roles"))),
        "assignment": assignment,
    }
    return render(request, "cop/role_revoke.html", context)
