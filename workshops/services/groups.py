"""Writes on working groups: join requests and decisions, follows, the proposed scenario."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cop import audit
from cop.models import User
from cop.notification_kinds import MEMBERSHIP
from cop.selectors import organisation_of
from cop.services.notifications import notify
from panorama.models import Scenario

from ..models import GroupFacilitator, GroupFollow, GroupMembership, WorkingGroup

ALREADY_PENDING = gettext_lazy("Votre demande pour rejoindre ce groupe est déjà en attente.")


@transaction.atomic
def group_membership_request(
    *, group: WorkingGroup, user: User, message: str = ""
) -> GroupMembership:
    """Ask to join a group for one's organisation (a declined request may be renewed)."""
    organisation = organisation_of(user=user)
    if organisation is None:
        raise ValidationError(
            _("Rattachez d’abord votre compte à une organisation depuis votre profil.")
        )
    if GroupFacilitator.objects.filter(group=group, user=user).exists():
        raise ValidationError(_("Vous animez ce groupe : vous n’avez pas à le rejoindre."))
    message = message.strip()
    # The row lock serialises two requests of the same person (a double click).
    existing = GroupMembership.objects.select_for_update().filter(group=group, user=user).first()
    if existing is not None:
        if existing.status == GroupMembership.Status.PENDING:
            raise ValidationError(ALREADY_PENDING)
        if existing.status == GroupMembership.Status.ACCEPTED:
            raise ValidationError(_("Vous êtes déjà membre de ce groupe."))
        existing.status = GroupMembership.Status.PENDING
        existing.organisation = organisation
        existing.message = message
        existing.decision_message = ""
        existing.decided_by = None
        existing.decided_at = None
        existing.requested_at = timezone.now()
        existing.save()
        membership = existing
    else:
        try:
            with transaction.atomic():
                membership = GroupMembership.objects.create(
                    group=group, user=user, organisation=organisation, message=message
                )
        except IntegrityError as error:  # the same request sent twice at once
            raise ValidationError(ALREADY_PENDING) from error
    audit.record(
        actor=user,
        action="group.membership_request",
        target=membership,
        group=group.slug,
        organisation=organisation.name,
    )
    return membership


@transaction.atomic
def group_membership_decide(
    *, membership: GroupMembership, by: User, accept: bool, message: str = ""
) -> GroupMembership:
    """Accept or decline a pending request, once; the person is told; a member follows."""
    status = GroupMembership.Status.ACCEPTED if accept else GroupMembership.Status.DECLINED
    message = message.strip()
    # Conditional update: zero rows means another facilitator decided first.
    updated = GroupMembership.objects.filter(
        pk=membership.pk, status=GroupMembership.Status.PENDING
    ).update(status=status, decision_message=message, decided_by=by, decided_at=timezone.now())
    if not updated:
        raise ValidationError(_("Cette demande a déjà été traitée."))
    membership.refresh_from_db()
    group = membership.group
    if accept:
        GroupFollow.objects.get_or_create(group=group, user=membership.user)
        subject = _("Vous êtes membre du groupe de travail « %(name)s »") % {"name": group.name}
        body = _("Votre demande pour rejoindre le groupe « %(name)s » est acceptée.") % {
            "name": group.name
        }
    else:
        subject = _("Votre demande pour rejoindre « %(name)s » n’a pas été acceptée") % {
            "name": group.name
        }
        body = _("Votre demande pour rejoindre le groupe « %(name)s » n’a pas été acceptée.") % {
            "name": group.name
        }
    if message:
        body += "\n\n" + _("Message de l’animation du groupe :") + "\n" + message
    notify(
        user=membership.user,
        kind=MEMBERSHIP,
        subject=subject,
        body=body,
        url=group.get_absolute_url(),
    )
    audit.record(
        actor=by,
        action="group.membership_accept" if accept else "group.membership_decline",
        target=membership,
        group=group.slug,
        user=membership.user.email,
        message=message,
    )
    return membership


@transaction.atomic
def group_follow(*, group: WorkingGroup, user: User) -> GroupFollow:
    """Follow a group: hear of its new contributions (twice is once)."""
    follow, _created = GroupFollow.objects.get_or_create(group=group, user=user)
    return follow


@transaction.atomic
def group_unfollow(*, group: WorkingGroup, user: User) -> None:
    """Stop following a group (a group one does not follow is left as it is)."""
    GroupFollow.objects.filter(group=group, user=user).delete()


@transaction.atomic
def group_set_scenario(
    *, group: WorkingGroup, scenario: Scenario | None, by: User
) -> WorkingGroup:
    """Put forward a simulator scenario for the group (None withdraws it)."""
    previous = group.proposed_scenario
    group.proposed_scenario = scenario
    group.save(update_fields=["proposed_scenario"])
    audit.record(
        actor=by,
        action="group.scenario_set" if scenario else "group.scenario_clear",
        target=group,
        scenario=scenario.name if scenario else "",
        previous=previous.name if previous else "",
    )
    return group
