"""Emails of the process core (sent by Celery tasks, see ``cop/tasks.py``)."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cop.models import Membership

SUBJECT_PREFIX = "[COP Centre-Val de Loire] "


@transaction.atomic
def membership_notify_decision(*, membership_id: int) -> None:
    """Email a person the decision taken on their membership request, once."""
    # Claim the notification first: a second run (a retried task) finds it taken.
    # If sending fails, the transaction rolls the claim back and a retry sends it.
    claimed = (
        Membership.objects.filter(pk=membership_id, notified_at=None)
        .exclude(status=Membership.Status.PENDING)
        .update(notified_at=timezone.now())
    )
    if not claimed:
        return
    membership = Membership.objects.select_related("user", "organisation").get(pk=membership_id)
    approved = membership.status == Membership.Status.APPROVED
    if approved:
        subject = _("Votre rattachement à %(name)s est accepté")
    else:
        subject = _("Votre demande de rattachement à %(name)s n’a pas été acceptée")
    send_mail(
        subject=SUBJECT_PREFIX + subject % {"name": membership.organisation.name},
        message=render_to_string(
            "cop/emails/membership_decision.txt",
            {"membership": membership, "approved": approved},
        ),
        from_email=None,
        recipient_list=[membership.user.email],
    )
