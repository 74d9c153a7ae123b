"""Pages of meetings: the list, a meeting, registration, calendars, attendance, minutes."""

import csv
import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from cop.permissions import is_authenticated

from .. import ics
from ..forms.meetings import AttendanceForm, MeetingFilterForm, MeetingForm, MinutesForm
from ..models import Meeting, MeetingKind, Registration, WorkingGroup
from ..selectors import groups as group_selectors
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
    past = paginator.get_page(request.GET.get("page"))
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


@login_required
@require_POST
@vary_on_headers("HX-Request")
def meeting_register(request: LoggedInRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk=pk)
    if not request.user.has_perm("workshops.register_meeting", meeting):
        raise PermissionDenied(register_refusal(request.user, meeting))
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


def _calendar_response(body: str, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    body = ics.calendar(
        [meeting], absolute_url=lambda m: request.build_absolute_uri(m.get_absolute_url())
    )
    return _calendar_response(body, filename=f"reunion-{meeting.pk}.ics", attachment=True)


@require_safe
def meetings_feed(request: HttpRequest) -> HttpResponse:
    group = None
    slug = request.GET.get("groupe", "").strip()
    if slug:
        group = WorkingGroup.objects.filter(slug=slug[:60]).first()
        if group is None:
            raise Http404(
                _("Aucun groupe de travail ne porte l’identifiant « %(slug)s ».")
                % {"slug": slug[:60]}
            )
    meetings = selectors.feed_meetings(now=timezone.now(), group=group)
    name = (
        _("COP Centre-Val de Loire — %(name)s") % {"name": group.name}
        if group
        else _("COP Centre-Val de Loire — réunions")
    )
    body = ics.calendar(
        meetings,
        absolute_url=lambda m: request.build_absolute_uri(m.get_absolute_url()),
        name=name,
    )
    filename = f"reunions-{group.slug}.ics" if group else "reunions.ics"
    return _calendar_response(body, filename=filename, attachment=False)


# --- Attendance ----------------------------------------------------------------------------


ATTENDANCE_REFUSAL = _(
    "La liste des présents est réservée à l’animation du groupe et aux agents "
    "(pour une rencontre départementale : aux agents)."
)


@login_required
@require_safe
def meeting_attendance(request: LoggedInRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk, "workshops.view_attendance", ATTENDANCE_REFUSAL)
    registrations = selectors.attendance(meeting=meeting)
    return render(
        request,
        "workshops/meetings/attendance.html",
        {
            "title": _("Liste des présents — %(title)s") % {"title": meeting.title},
            "breadcrumb_data": crumbs(
                _("Liste des présents"), meetings_link(), meeting_link(meeting)
            ),
            "meeting": meeting,
            "registrations": registrations,
            "confirmed": [r for r in registrations if r.status == Registration.Status.CONFIRMED],
            "has_started": meeting.starts_at <= timezone.now(),
        },
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def meeting_attendance_mark(
    request: LoggedInRequest, pk: int, registration_pk: int
) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk, "workshops.mark_attendance", ATTENDANCE_REFUSAL)
    registration = get_object_or_404(
        Registration.objects.select_related("user", "meeting"), pk=registration_pk, meeting=meeting
    )
    form = AttendanceForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            registration = services.attendance_mark(
                registration=registration, attended=form.value, by=request.user
            )
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
    else:
        error = " ".join(str(message) for message in form.errors.get("attended", []))
    if request.htmx:
        registration = next(
            r for r in selectors.attendance(meeting=meeting) if r.pk == registration.pk
        )
        return render(
            request,
            "workshops/meetings/attendance.html#row",
            {
                "meeting": meeting,
                "registration": registration,
                "error": error,
                "has_started": meeting.starts_at <= timezone.now(),
            },
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request,
            _("Présence de %(person)s enregistrée.")
            % {"person": registration.user.get_full_name() or registration.user.email},
        )
    return redirect("workshops:meeting_attendance", pk=meeting.pk)


ATTENDED_LABELS = {True: "oui", False: "non", None: ""}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A name typed as « =LIEN(…) » must stay text in a spreadsheet, not become a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


@login_required
@require_safe
def meeting_attendance_csv(request: LoggedInRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk, "workshops.view_attendance", ATTENDANCE_REFUSAL)
    buffer = io.StringIO()
    # Semicolons and a byte order mark: what a French Excel opens, accents included.
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["nom", "prénom", "courriel", "organisation", "collège", "statut", "présent"])
    for registration in selectors.attendance(meeting=meeting):
        organisation = registration.organisation  # type: ignore[attr-defined]
        row = [
            registration.user.last_name,
            registration.user.first_name,
            registration.user.email,
            organisation.name if organisation else "",
            organisation.get_college_display() if organisation else "",
            registration.get_status_display(),
            ATTENDED_LABELS[registration.attended],
        ]
        writer.writerow([spreadsheet_safe(str(value)) for value in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"presences-reunion-{meeting.pk}-{slugify(meeting.title)[:40]}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Minutes -----------------------------------------------------------------------------------


MINUTES_REFUSAL = _(
    "Le compte rendu est publié par l’animation du groupe ou par les agents "
    "(pour une rencontre départementale : par les agents)."
)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_minutes(request: LoggedInRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk, "workshops.publish_minutes", MINUTES_REFUSAL)
    if meeting.minutes_published:
        messages.info(request, _("Le compte rendu de cette réunion est déjà publié."))
        return redirect(meeting)
    if request.method == "POST":
        form = MinutesForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                contributions = services.minutes_publish(
                    meeting=meeting,
                    by=request.user,
                    minutes=form.cleaned_data["minutes"],
                    attachments=form.cleaned_data["attachments"],
                    **form.outputs(),
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.error_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _(
                        "Le compte rendu est publié, avec %(count)s contribution(s) issues de "
                        "la réunion. Les personnes inscrites en sont prévenues."
                    )
                    % {"count": len(contributions)},
                )
                return redirect(meeting)
        status = 400
    else:
        form = MinutesForm()
        status = 200
    return render(
        request,
        "workshops/meetings/minutes_form.html",
        {
            "title": _("Publier le compte rendu — %(title)s") % {"title": meeting.title},
            "breadcrumb_data": crumbs(_("Compte rendu"), meetings_link(), meeting_link(meeting)),
            "meeting": meeting,
            "form": form,
            "has_started": meeting.starts_at <= timezone.now(),
        },
        status=status,
    )


# --- Scheduling ---------------------------------------------------------------------------------


def _meeting_form(request: HttpRequest, *, data=None, instance=None, initial=None) -> MeetingForm:
    user = request.user
    return MeetingForm(
        data,
        instance=instance,
        initial=initial,
        groups=group_selectors.facilitated_groups(user=user),
        departements=selectors.region_departements(region_code=settings.COP_REGION_CODE),
        allow_departmental=user.has_perm("workshops.schedule_departmental_meeting"),
    )


def _form_errors(form: MeetingForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: LoggedInRequest) -> HttpResponse:
    if not request.user.has_perm("workshops.schedule_meeting"):
        raise PermissionDenied(
            _("Les réunions sont programmées par l’animation des groupes et par les agents.")
        )
    status = 200
    if request.method == "POST":
        form = _meeting_form(request, data=request.POST)
        if form.is_valid():
            data = form.cleaned_data
            group = data.get("group")
            if data["kind"] == MeetingKind.GROUP_SESSION and not request.user.has_perm(
                "workshops.schedule_group_meeting", group
            ):
                raise PermissionDenied(_("Vous n’animez pas ce groupe de travail."))
            try:
                meeting = services.meeting_create(by=request.user, **data)
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("La réunion est programmée."))
                return redirect(meeting)
        status = 400
    else:
        initial = {}
        slug = request.GET.get("groupe", "")
        if slug:
            initial["group"] = WorkingGroup.objects.filter(slug=slug[:60]).first()
        form = _meeting_form(request, initial=initial)
    return render(
        request,
        "workshops/meetings/form.html",
        {
            "title": _("Programmer une réunion"),
            "breadcrumb_data": crumbs(_("Programmer une réunion"), meetings_link()),
            "form": form,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: LoggedInRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(
        request.user,
        pk,
        "workshops.edit_meeting",
        _("Une réunion est modifiée par l’animation de son groupe ou par les agents."),
    )
    status = 200
    if request.method == "POST":
        form = _meeting_form(request, data=request.POST, instance=Meeting.objects.get(pk=pk))
        if form.is_valid():
            try:
                meeting = services.meeting_update(
                    meeting=meeting, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("La réunion est modifiée."))
                return redirect(meeting)
        status = 400
    else:
        form = _meeting_form(request, instance=meeting)
    return render(
        request,
        "workshops/meetings/form.html",
        {
            "title": _("Modifier la réunion"),
            "breadcrumb_data": crumbs(_("Modifier"), meetings_link(), meeting_link(meeting)),
            "form": form,
            "meeting": meeting,
        },
        status=status,
    )
