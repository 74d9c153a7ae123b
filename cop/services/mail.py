"""Emails of the process core, told through the notifications (see ``notifications.py``)."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cop.models import Membership, Notification
from cop.notification_kinds import MEMBERSHIP

from .notifications import notify


@transaction.atomic
def membership_notify_decision(*, membership_id: int) -> Notification | None:
    """Tell a person, once and as they chose, the decision taken on their membership request."""
    # Claim first: a second call (a retried task) finds it taken. The notification
    # is written in the same transaction, so the decision is never told twice.
    claimed = (
        Membership.objects.filter(pk=membership_id, notified_at=None)
        .exclude(status=Membership.Status.PENDING)
        .update(notified_at=timezone.now())
    )
    if not claimed:
        return None
    membership = Membership.objects.select_related("user", "organisation").get(pk=membership_id)
    approved = membership.status == Membership.Status.APPROVED
    if approved:
        subject = _("Votre rattachement à %(name)s est accepté")
    else:
        subject = _("Votre demande de rattachement à %(name)s n’a pas été acceptée")
    return notify(
        user=membership.user,
        kind=MEMBERSHIP,
        subject=subject % {"name": membership.organisation.name},
        body=render_to_string(
            "cop/emails/membership_decision.txt",
            {
                "membership": membership,
                "approved": approved,
                "platform_name": settings.COP_PLATFORM_NAME,
            },
        ),
        url=reverse("cop:profile"),
    )
