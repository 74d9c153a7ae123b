"""Public pages of meetings: the list, a meeting, registration, calendars.

What the facilitators and staff run (scheduling, attendance, minutes) is in
``meeting_admin.py``; both share ``get_meeting_for`` and the breadcrumb links below.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from cop.permissions import is_authenticated
from core.params import page_param, slug_param
from core.ratelimit import Refusal, limit, too_many_requests
from territories.region import regional_identity

from .. import ics
from ..forms.meetings import MeetingFilterForm
from ..models import Meeting, Registration, WorkingGroup
from ..selectors import meetings as selectors
from ..services import meetings as services
from .groups import HtmxRequest, LoggedInRequest, crumbs

PAST_PAGE_SIZE = 20


def meetings_link() -> tuple[str, str]:
    return reverse("workshops:meetings"), _("Réunions")


def meeting_link(meeting: Meeting) -> tuple[str, str]:
    return meeting.get_absolute_url(), meeting.title


def register_refusal(user, meeting: Meeting) -> str:
    """Why a person may not register for a meeting, in French ("" when they may)."""
    if not is_authenticated(user):
        return _("Connectez-vous pour vous inscrire à cette réunion.")
    if not user.has_perm("workshops.register_meeting", meeting):
        return _(
            "Les inscriptions sont ouvertes aux acteurs rattachés à une organisation : "
            "rattachez d’abord votre compte à une organisation depuis votre profil."
        )
    return ""


def get_meeting_for(user, pk: int, perm: str, reason: str) -> Meeting:
    """The one way to fetch a meeting for an action: Http404 if unknown, 403 with the reason."""
    meeting = selectors.get_meeting(pk=pk)
    if not user.has_perm(perm, meeting):
        raise PermissionDenied(reason)
    return meeting


# --- The list --------------------------------------------------------------------------------


@require_safe
@vary_on_headers("HX-Request")
def meeting_list(request: HtmxRequest) -> HttpResponse:
    now = timezone.now()
    departements = selectors.region_departements(region_code=settings.COP_REGION_CODE)
    form = MeetingFilterForm(request.GET, departements=departements)
    departement = group = None
    if form.is_valid():
        departement = form.cleaned_data["departement"]
        group = form.cleaned_data["groupe"]
    upcoming = list(selectors.upcoming_meetings(now=now, departement=departement, group=group))
    paginator = Paginator(
        selectors.past_meetings(now=now, departement=departement, group=group), PAST_PAGE_SIZE
    )
    # get_page turns a missing, malformed or out-of-range number into a real page.
    past = paginator.get_page(page_param(request.GET))
    past.elided_range = list(  # type: ignore[attr-defined]
        paginator.get_elided_page_range(past.number, on_each_side=1, on_ends=1)
    )
    context = {
        "title": _("Réunions"),
        "breadcrumb_data": crumbs(_("Réunions")),
        "form": form,
        "upcoming": upcoming,
        "past": past,
        "departement": departement,
        "group": group,
        "feed_url": reverse("workshops:meetings_feed")
        + (f"?groupe={group.slug}" if group else ""),
        "can_schedule": request.user.has_perm("workshops.schedule_meeting"),
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "workshops/meetings/list.html#results", context)
    return render(request, "workshops/meetings/list.html", context)


# --- One meeting -----------------------------------------------------------------------------


def _registration_context(request: HttpRequest, meeting: Meeting, **extra) -> dict:
    user = request.user
    registration = selectors.registration_of(user=user, meeting=meeting)
    if registration is not None and registration.status == Registration.Status.CANCELLED:
        registration = None
    position = None
    if registration is not None and registration.status == Registration.Status.WAITING:
        position = selectors.waiting_position(registration=registration)
    return {
        "meeting": meeting,
        "registration": registration,
        "position": position,
        "is_past": meeting.ends_at < timezone.now(),
        "seats_left": None
        if meeting.capacity is None
        else max(meeting.capacity - meeting.confirmed_count, 0),  # type: ignore[attr-defined]
        "register_refusal": register_refusal(user, meeting),
        "error": "",
    } | extra


@require_safe
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk=pk)
    user = request.user
    context = _registration_context(request, meeting) | {
        "title": meeting.title,
        "breadcrumb_data": crumbs(meeting.title, meetings_link()),
        "outputs": selectors.meeting_outputs(meeting=meeting) if meeting.minutes_published else [],
        "attachments": list(meeting.attachments.all()),
        "can_run": user.has_perm("workshops.view_attendance", meeting),
        "can_edit": user.has_perm("workshops.edit_meeting", meeting),
        "has_started": meeting.starts_at <= timezone.now(),
    }
    return render(request, "workshops/meetings/detail.html", context)


def _after_registration(
    request: HtmxRequest, meeting: Meeting, *, message: str = "", error: str = ""
) -> HttpResponse:
    if request.htmx:
        meeting = selectors.get_meeting(pk=meeting.pk)  # fresh seat counts
        context = _registration_context(request, meeting, error=error, notice=message)
        return render(request, "workshops/meetings/detail.html#registration", context)
    if error:
        messages.error(request, error)
    elif message:
        messages.success(request, message)
    return redirect(meeting)


def _after_refusal(request: HtmxRequest, meeting: Meeting, refusal: Refusal) -> HttpResponse:
    if request.htmx:
        return _after_registration(request, meeting, error=refusal.message)
    return too_many_requests(request, refusal)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def meeting_register(request: LoggedInRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk=pk)
    if not request.user.has_perm("workshops.register_meeting", meeting):
        raise PermissionDenied(register_refusal(request.user, meeting))
    if refusal := limit(request, action="registration"):
        return _after_refusal(request, meeting, refusal)
    try:
        registration = services.registration_register(meeting=meeting, user=request.user)
    except ValidationError as error:
        return _after_registration(request, meeting, error=" ".join(error.messages))
    if registration.status == Registration.Status.CONFIRMED:
        message = _("Vous êtes inscrit à « %(title)s ».") % {"title": meeting.title}
    else:
        message = _(
            "La réunion est complète : vous êtes sur la liste d’attente. Vous serez prévenu "
            "par courriel si une place se libère."
        )
    return _after_registration(request, meeting, message=message)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def meeting_cancel(request: LoggedInRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk=pk)
    registration = selectors.registration_of(user=request.user, meeting=meeting)
    if registration is None:
        return _after_registration(
            request, meeting, error=_("Vous n’êtes pas inscrit à cette réunion.")
        )
    if refusal := limit(request, action="registration"):
        return _after_refusal(request, meeting, refusal)
    try:
        services.registration_cancel(registration=registration)
    except ValidationError as error:
        return _after_registration(request, meeting, error=" ".join(error.messages))
    return _after_registration(
        request,
        meeting,
        message=_("Votre inscription à « %(title)s » est annulée.") % {"title": meeting.title},
    )


# --- Calendars -------------------------------------------------------------------------------


def _calendar_response(body: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    body = ics.meeting_file(meeting, url=request.build_absolute_uri(meeting.get_absolute_url()))
    return _calendar_response(body, filename=f"reunion-{meeting.pk}.ics", attachment=True)


@require_safe
def meetings_feed(request: HttpRequest) -> HttpResponse:
    group = None
    slug = slug_param(request.GET, "groupe")
    if slug:
        group = WorkingGroup.objects.filter(slug=slug).first()
        if group is None:
            raise Http404(
                _("Aucun groupe de travail ne porte l’identifiant « %(slug)s ».") % {"slug": slug}
            )
    meetings = selectors.feed_meetings(now=timezone.now(), group=group)
    cop = regional_identity().short_name
    name = (
        _("%(cop)s — %(name)s") % {"cop": cop, "name": group.name}
        if group
        else _("%(cop)s — réunions") % {"cop": cop}
    )
    body = ics.calendar(
        meetings,
        absolute_url=lambda m: request.build_absolute_uri(m.get_absolute_url()),
        name=name,
    )
    filename = f"reunions-{group.slug}.ics" if group else "reunions.ics"
    return _calendar_response(body, filename=filename, attachment=False)
