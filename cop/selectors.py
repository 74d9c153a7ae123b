"""Reads of the process core, with their joins and prefetches done."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from . import notification_kinds
from .models import (
    STAFF_LEVEL_ROLES,
    AuditEvent,
    Document,
    Edition,
    LongJob,
    Membership,
    Notification,
    NotificationPreference,
    Organisation,
    Phase,
    PlenarySession,
    PublishedTextVersion,
    RoleAssignment,
    User,
)

# --- Calendar -------------------------------------------------------------------


def current_edition(*, today: date) -> Edition | None:
    """The edition whose phase runs today; else this year's; else the latest before; else any."""
    running = (
        Phase.objects.current(today).select_related("edition").order_by("-edition__year").first()
    )
    if running is not None:
        return running.edition
    editions = Edition.objects.all()
    return (
        editions.filter(year=today.year).first()
        or editions.filter(year__lt=today.year).order_by("-year").first()
        or editions.order_by("year").first()
    )


def edition_by_year(*, year: int) -> Edition | None:
    return Edition.objects.filter(year=year).first()


def edition_years() -> list[int]:
    return list(Edition.objects.order_by("year").values_list("year", flat=True))


def phases_of(*, edition: Edition) -> list[Phase]:
    return list(edition.phases.order_by("order", "starts_on"))


def current_phase(*, edition: Edition | None, today: date) -> Phase | None:
    """The running phase of ``edition`` (the latest started when phases overlap)."""
    if edition is None:
        return None
    return edition.phases.current(today).order_by("-starts_on", "-order").first()


def next_plenary(*, now: datetime) -> PlenarySession | None:
    """The next public plenary session, any edition, with its documents."""
    return (
        PlenarySession.objects.public()
        .filter(starts_at__gte=now)
        .select_related("edition")
        .prefetch_related(_documents())
        .order_by("starts_at")
        .first()
    )


def past_plenaries(*, edition: Edition, now: datetime) -> list[PlenarySession]:
    return list(
        edition.plenaries.past(now).select_related("edition").prefetch_related(_documents())
    )


def plenaries_of(*, edition: Edition) -> list[PlenarySession]:
    """The public plenary sessions of ``edition``, in date order, with their documents."""
    return list(
        edition.plenaries.public()
        .select_related("edition")
        .prefetch_related(_documents())
        .order_by("starts_at")
    )


def _documents() -> Prefetch:
    return Prefetch("documents", queryset=Document.objects.order_by("published_at", "title"))


@dataclass(frozen=True)
class ProcessState:
    """Where the COP stands on a given day (what the home page shows)."""

    edition: Edition | None
    phases: list[Phase]
    current: Phase | None
    next_plenary: PlenarySession | None


def process_state(*, now: datetime, today: date) -> ProcessState:
    edition = current_edition(today=today)
    phases = phases_of(edition=edition) if edition else []
    running = [phase for phase in phases if phase.is_current(today)]
    # Phases may overlap (consultation runs into consolidation): the latest started wins.
    current = max(running, key=lambda p: (p.starts_on, p.order)) if running else None
    return ProcessState(edition, phases, current, next_plenary(now=now))


# --- Memberships ------------------------------------------------------------------


def memberships_of(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation", "decided_by")


def organisation_of(*, user: User) -> Organisation | None:
    """The organisation a user speaks for: that of their approved membership, if any."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.APPROVED
    ).first()


def pending_memberships() -> QuerySet[Membership]:
    """The queue of requests staff must decide, oldest first."""
    return (
        Membership.objects.filter(status=Membership.Status.PENDING)
        .select_related("user", "organisation", "organisation__proposed_by")
        .order_by("requested_at", "pk")
    )


def recent_decisions(*, limit: int = 20) -> QuerySet[Membership]:
    return (
        Membership.objects.exclude(status=Membership.Status.PENDING)
        .select_related("user", "organisation", "decided_by")
        .order_by("-decided_at", "-pk")[:limit]
    )


def organisations() -> QuerySet[Organisation]:
    """The organisations anyone may see and choose: those staff approved."""
    return Organisation.objects.listed().order_by("name")


def pending_organisations() -> QuerySet[Organisation]:
    """Organisations proposed by people, waiting for staff, oldest first."""
    return (
        Organisation.objects.filter(status=Organisation.Status.PENDING)
        .select_related("proposed_by")
        .order_by("created_at", "pk")
    )


def staff_members() -> QuerySet[User]:
    """The active State and Region agents (staff or publisher), superusers included."""
    return User.objects.filter(
        Q(is_superuser=True)
        | Q(pk__in=RoleAssignment.objects.filter(role__in=STAFF_LEVEL_ROLES).values("user_id")),
        is_active=True,
    )


# --- Audit log --------------------------------------------------------------------


def audit_events(*, action: str = "") -> QuerySet[AuditEvent]:
    """The audit log, newest first, filtered by exact action or by prefix ("membership")."""
    events = AuditEvent.objects.select_related("actor", "target_type").order_by(
        "-created_at", "-pk"
    )
    if action:
        if "." in action:
            events = events.filter(action=action)
        else:
            events = events.filter(action__startswith=f"{action}.")
    return events


def audit_actions() -> list[str]:
    """The actions present in the log, for the filter."""
    return list(AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct())


# --- Notifications ----------------------------------------------------------------


def notification_frequency(*, user: User, kind: str) -> str:
    """How ``user`` wants to hear about ``kind`` (their choice, else the default)."""
    chosen = (
        NotificationPreference.objects.filter(user=user, kind=kind)
        .values_list("frequency", flat=True)
        .first()
    )
    return chosen or notification_kinds.default_frequency(kind)


def notification_frequencies(*, user: User) -> dict[str, str]:
    """The frequency of every kind for ``user``, defaults filled in, in one query."""
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("kind", "frequency")
    )
    return {
        kind.key: chosen.get(kind.key, kind.default_frequency)
        for kind in notification_kinds.notification_kinds()
    }


def recent_notifications(*, user: User, limit: int = 20) -> list[Notification]:
    """The latest notifications recorded for ``user``, newest first."""
    return list(Notification.objects.filter(user=user).order_by("-created_at", "-pk")[:limit])


# --- Published texts and long jobs ---------------------------------------------------

PUBLISHED = PublishedTextVersion.State.PUBLISHED


def published_text(key: str) -> PublishedTextVersion | None:
    """The version of text ``key`` the public reads now (its latest published), or None."""
    return (
        PublishedTextVersion.objects.filter(text__key=key, state=PUBLISHED)
        .select_related("text", "published_by")
        .order_by("-number")
        .first()
    )


def text_versions(key: str) -> QuerySet[PublishedTextVersion]:
    """Every published version of text ``key``, the latest first (drafts never show)."""
    return (
        PublishedTextVersion.objects.filter(text__key=key, state=PUBLISHED)
        .select_related("text", "published_by")
        .order_by("-number")
    )


def text_draft(key: str) -> PublishedTextVersion | None:
    """The draft of text ``key`` being written, or None (for those who write it)."""
    return (
        PublishedTextVersion.objects.filter(text__key=key, state=PublishedTextVersion.State.DRAFT)
        .select_related("text", "author")
        .first()
    )


def get_job_for_user(*, user, pk: int) -> LongJob:
    """The one access function of a long job: Http404 if unknown, 403 unless owner or staff."""
    job = LongJob.objects.filter(pk=pk).first()
    if job is None:
        raise Http404("Travail introuvable.")
    if not user.has_perm("cop.view_job", job):
        raise PermissionDenied(_("Ce travail a été demandé par une autre personne."))
    return job


def jobs_of(*, user, now: datetime, limit: int = 10) -> list[LongJob]:
    """The person's own jobs not expired yet, the latest first."""
    return list(LongJob.objects.filter(owner_id=user.pk, expires_at__gt=now)[:limit])


def role_assignments(*, role: str = "", side: str = ""):
    """The granted roles for the staff page, with the person, the granter and the scope."""
    assignments = RoleAssignment.objects.select_related("user", "granted_by", "scope_type")
    if role:
        assignments = assignments.filter(role=role)
    if side:
        assignments = assignments.filter(side=side)
    return assignments.prefetch_related("scope").order_by("role", "side", "user__email")
