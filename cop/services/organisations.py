"""Organisations proposed by people: staff approve them before anyone else sees them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cop import audit
from cop.models import Membership, Organisation, User
from cop.permissions import is_staff_member

from .memberships import membership_decide


def organisation_decide(
    *, organisation: Organisation, by: User, approve: bool, message: str = ""
) -> Organisation:
    """Approve a proposed organisation (it joins the lists) or decline it, once.

    Declining it also declines the requests to join it that still wait, each
    person being told why as for any refused request.
    """
    if not is_staff_member(by):
        raise PermissionDenied(
            _("Seuls les agents de l’État et de la Région valident les organisations proposées.")
        )
    status = Organisation.Status.APPROVED if approve else Organisation.Status.DECLINED
    with transaction.atomic():
        # Conditional update: zero rows means somebody else decided first.
        updated = Organisation.objects.filter(
            pk=organisation.pk, status=Organisation.Status.PENDING
        ).update(status=status, decided_by=by, decided_at=timezone.now())
        if not updated:
            raise ValidationError(_("Cette organisation a déjà été validée ou refusée."))
        organisation.refresh_from_db()
        audit.record(
            actor=by,
            action="organisation.approve" if approve else "organisation.decline",
            target=organisation,
            college=organisation.college,
            proposed_by=organisation.proposed_by.email if organisation.proposed_by else "",
            message=message,
        )
        if not approve:
            reason = message or _("L’organisation « %(name)s » n’a pas été retenue.") % {
                "name": organisation.name
            }
            waiting = Membership.objects.filter(
                organisation=organisation, status=Membership.Status.PENDING
            ).select_related("user", "organisation")
            for membership in waiting:
                membership_decide(membership=membership, by=by, approve=False, message=reason)
    return organisation
