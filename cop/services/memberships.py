from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cop import audit
from cop.models import College, Membership, Organisation, User
from cop.permissions import is_staff_member

from .mail import membership_notify_decision

NAME_MAX_LENGTH: int = Organisation._meta.get_field("name").max_length or 200
NOT_RETAINED = gettext_lazy(
    "L’organisation « %(name)s » n’a pas été retenue par l’équipe de la COP : "
    "écrivez-lui si vous pensez qu’il s’agit d’une erreur."
)
ALREADY_PENDING = gettext_lazy(
    "Vous avez déjà demandé ce rattachement : votre demande est en attente."
)


@transaction.atomic
def membership_request(*, user: User, organisation: Organisation, message: str = "") -> Membership:
    """Ask for ``user`` to be attached to ``organisation`` (a declined request may be renewed)."""
    if organisation.status == Organisation.Status.DECLINED:
        raise ValidationError(NOT_RETAINED % {"name": organisation.name})
    current = (
        Membership.objects.filter(user=user, status=Membership.Status.APPROVED)
        .select_related("organisation")
        .first()
    )
    if current is not None:
        if current.organisation_id == organisation.pk:
            raise ValidationError(_("Vous êtes déjà rattaché à cette organisation."))
        raise ValidationError(
            _(
                "Vous êtes déjà rattaché à « %(name)s ». Pour changer d’organisation, "
                "écrivez à l’équipe de la COP."
            )
            % {"name": current.organisation.name}
        )
    existing = Membership.objects.select_for_update().filter(user=user, organisation=organisation)
    membership = existing.first()
    if membership is not None and membership.status == Membership.Status.PENDING:
        raise ValidationError(ALREADY_PENDING)
    if membership is not None:
        # A declined request may be renewed: it goes back to the queue.
        existing.update(
            status=Membership.Status.PENDING,
            message=message,
            requested_at=timezone.now(),
            decision_message="",
            decided_by=None,
            decided_at=None,
            notified_at=None,
        )
        membership.refresh_from_db()
    else:
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    user=user, organisation=organisation, message=message
                )
        except IntegrityError as error:  # the same request sent twice at once
            raise ValidationError(ALREADY_PENDING) from error
    audit.record(
        actor=user, action="membership.request", target=membership, organisation=organisation.name
    )
    return membership


@transaction.atomic
def membership_request_new_organisation(
    *, user: User, name: str, college: str, message: str = ""
) -> Membership:
    """Propose an organisation not listed yet (or find it by name) and ask to join it."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Indiquez le nom de l’organisation."))
    if college not in College.values:
        raise ValidationError(_("Choisissez le collège de l’organisation."))
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(
            _("Le nom de l’organisation ne doit pas dépasser %(max)s caractères.")
            % {"max": NAME_MAX_LENGTH}
        )
    # The same name up to case, accents and spacing is the same organisation: the
    # request joins it (listed or still waiting for staff) rather than copy it.
    organisation = Organisation.objects.same_name(name).first()
    if organisation is None:
        try:
            with transaction.atomic():
                organisation = Organisation.objects.create(
                    name=name, college=college, proposed_by=user
                )
        except IntegrityError:  # proposed by somebody else at the same moment
            organisation = Organisation.objects.same_name(name).get()
        else:
            audit.record(
                actor=user, action="organisation.propose", target=organisation, college=college
            )
    return membership_request(user=user, organisation=organisation, message=message)


def membership_decide(
    *, membership: Membership, by: User, approve: bool, message: str = ""
) -> Membership:
    """Approve or decline a pending request, once; the person is notified (by email)."""
    if not is_staff_member(by):
        raise PermissionDenied(
            _("Seuls les agents de l’État et de la Région traitent les demandes de rattachement.")
        )
    if approve and membership.organisation.status != Organisation.Status.APPROVED:
        raise ValidationError(
            _(
                "L’organisation « %(name)s » a été proposée par une personne : validez-la "
                "d’abord, dans la liste des organisations proposées."
            )
            % {"name": membership.organisation.name}
        )
    status = Membership.Status.APPROVED if approve else Membership.Status.DECLINED
    try:
        with transaction.atomic():
            # Conditional update: zero rows means somebody else decided first.
            updated = Membership.objects.filter(
                pk=membership.pk, status=Membership.Status.PENDING
            ).update(
                status=status, decision_message=message, decided_by=by, decided_at=timezone.now()
            )
            if not updated:
                raise ValidationError(_("Cette demande a déjà été traitée."))
            membership.refresh_from_db()
            audit.record(
                actor=by,
                action="membership.approve" if approve else "membership.decline",
                target=membership,
                user=membership.user.email,
                organisation=membership.organisation.name,
                message=message,
            )
            # In the same transaction: the email leaves only once the decision is committed.
            membership_notify_decision(membership_id=membership.pk)
    except IntegrityError as error:
        # The partial unique constraint: one approved membership per person.
        raise ValidationError(
            _(
                "%(user)s est déjà rattaché à une autre organisation : "
                "cette demande ne peut pas être acceptée."
            )
            % {"user": membership.user.email}
        ) from error
    return membership
