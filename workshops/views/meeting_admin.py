"""Meetings as their organisers run them: scheduling, attendance, minutes."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from core.params import slug_param
from core.spreadsheets import csv_response

from ..forms.meetings import AttendanceForm, MeetingCallOffForm, MeetingForm, MinutesForm
from ..models import Meeting, MeetingKind, Registration, WorkingGroup
from ..selectors import groups as group_selectors
from ..selectors import meetings as selectors
from ..services import meetings as services
from ..services.meeting_cancellation import meeting_call_off as call_off
from .groups import LoggedInRequest, crumbs
from .meetings import get_meeting_for, meeting_link, meetings_link

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
ATTENDANCE_HEADER = ["nom", "prénom", "courriel", "organisation", "collège", "statut", "présent"]


def _attendance_row(registration) -> list:
    organisation = registration.organisation  # annotated by selectors.attendance
    return [
        registration.user.last_name,
        registration.user.first_name,
        registration.user.email,
        organisation.name if organisation else "",
        organisation.get_college_display() if organisation else "",
        registration.get_status_display(),
        ATTENDED_LABELS[registration.attended],
    ]


@login_required
@require_safe
def meeting_attendance_csv(request: LoggedInRequest, pk: int) -> StreamingHttpResponse:
    meeting = get_meeting_for(request.user, pk, "workshops.view_attendance", ATTENDANCE_REFUSAL)
    return csv_response(
        filename=f"presences-reunion-{meeting.pk}-{slugify(meeting.title)[:40]}.csv",
        header=ATTENDANCE_HEADER,
        rows=(_attendance_row(r) for r in selectors.attendance(meeting=meeting)),
    )


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
                _form_errors(form, error)
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

EDIT_REFUSAL = _("Une réunion est modifiée par l’animation de son groupe ou par les agents.")


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


def _form_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's ValidationError onto the form: per field when it names one."""
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
        slug = slug_param(request.GET, "groupe")
        if slug:
            initial["group"] = WorkingGroup.objects.filter(slug=slug).first()
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
    meeting = get_meeting_for(request.user, pk, "workshops.edit_meeting", EDIT_REFUSAL)
    if meeting.is_cancelled:
        messages.info(request, _("Cette réunion est annulée : elle ne peut plus être modifiée."))
        return redirect(meeting)
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


@login_required
@require_http_methods(["GET", "POST"])
def meeting_call_off(request: LoggedInRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request.user, pk, "workshops.edit_meeting", EDIT_REFUSAL)
    if meeting.is_cancelled:
        messages.info(request, _("Cette réunion est déjà annulée."))
        return redirect(meeting)
    status = 200
    if request.method == "POST":
        form = MeetingCallOffForm(request.POST)
        if form.is_valid():
            try:
                call_off(meeting=meeting, by=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(
                    request,
                    _("La réunion est annulée. Les personnes inscrites en sont prévenues."),
                )
                return redirect(meeting)
        status = 400
    else:
        form = MeetingCallOffForm()
    return render(
        request,
        "workshops/meetings/call_off.html",
        {
            "title": _("Annuler la réunion — %(title)s") % {"title": meeting.title},
            "breadcrumb_data": crumbs(
                _("Annuler la réunion"), meetings_link(), meeting_link(meeting)
            ),
            "meeting": meeting,
            "form": form,
        },
        status=status,
    )
