"""Who may do what in the process core: ``rules`` predicates and permissions.

The predicates are the vocabulary of the whole platform (other apps compose
them in their own ``permissions.py``). Each one costs at most one query and is
not cached: a role granted during a request is seen at once.

A publisher is treated as staff even without a staff assignment: holding the
signature of the State or the Region implies being one of its agents.
"""

import rules
from allauth.account.models import EmailAddress
from django.utils import timezone

from core.media import register_file_field

from .models import (
    STAFF_LEVEL_ROLES,
    Document,
    LongJob,
    Membership,
    Role,
    RoleAssignment,
    Side,
)


def _assignments(user):
    return RoleAssignment.objects.filter(user_id=user.pk)


@rules.predicate
def is_authenticated(user) -> bool:
    return bool(user and user.is_authenticated)


@rules.predicate
def is_citizen(user) -> bool:
    """An account with a verified primary email address (superusers count)."""
    if not is_authenticated(user):
        return False
    if user.is_superuser:
        return True
    return EmailAddress.objects.filter(user_id=user.pk, verified=True, primary=True).exists()


@rules.predicate
def is_stakeholder(user) -> bool:
    """Attached to an organisation of a college, approved by staff."""
    if not is_authenticated(user):
        return False
    return Membership.objects.filter(user_id=user.pk, status=Membership.Status.APPROVED).exists()


@rules.predicate
def is_facilitator(user) -> bool:
    if not is_authenticated(user):
        return False
    return _assignments(user).filter(role=Role.FACILITATOR).exists()


@rules.predicate
def is_staff_member(user) -> bool:
    """A State or Region agent (staff or publisher assignment); superusers count."""
    if not is_authenticated(user):
        return False
    if user.is_superuser:
        return True
    return _assignments(user).filter(role__in=STAFF_LEVEL_ROLES).exists()


@rules.predicate
def is_publisher(user) -> bool:
    """Holds the State's or the Region's signature."""
    if not is_authenticated(user):
        return False
    return _assignments(user).filter(role=Role.PUBLISHER).exists()


@rules.predicate
def is_state_side(user) -> bool:
    """Holds a role (facilitator, staff or publisher) on the State side."""
    if not is_authenticated(user):
        return False
    return _assignments(user).filter(side=Side.STATE).exists()


@rules.predicate
def is_region_side(user) -> bool:
    """Holds a role (facilitator, staff or publisher) on the Region side."""
    if not is_authenticated(user):
        return False
    return _assignments(user).filter(side=Side.REGION).exists()


@rules.predicate
def may_change_this_role(user, assignment) -> bool:
    """Who may grant or revoke ``assignment`` (a ``RoleAssignment``, saved or not).

    Any agent names facilitators and representatives. A side's staff roles are
    given by that side's agents, and its signature only by a holder of it: the
    roadmap's double approval would mean nothing if a State agent could hand
    himself the Region's signature. Superusers may do everything.
    """
    if assignment is None or user.is_superuser:
        return True
    if assignment.role not in STAFF_LEVEL_ROLES:
        return True
    mine = _assignments(user).filter(side=assignment.side)
    if assignment.role == Role.PUBLISHER:
        return mine.filter(role=Role.PUBLISHER).exists()
    return mine.filter(role__in=STAFF_LEVEL_ROLES).exists()


@rules.predicate
def document_is_public(_user, document) -> bool:
    """A document of the edition, or of a plenary session shown on the calendar."""
    return document.plenary_id is None or document.plenary.is_public


@rules.predicate
def is_job_owner(user, job) -> bool:
    return bool(user and user.is_authenticated and job is not None and job.owner_id == user.pk)


@rules.predicate
def job_not_expired(_user, job) -> bool:
    return job is not None and job.expires_at > timezone.now()


# Permissions checked by the views of the process core.
rules.add_perm("cop.view_profile", is_authenticated)
rules.add_perm("cop.request_membership", is_authenticated)
rules.add_perm("cop.decide_membership", is_staff_member)
rules.add_perm("cop.decide_organisation", is_staff_member)
rules.add_perm("cop.view_memberships", is_staff_member)
rules.add_perm("cop.view_auditlog", is_staff_member)
rules.add_perm("cop.view_roles", is_staff_member)
rules.add_perm("cop.grant_role", is_staff_member & may_change_this_role)
rules.add_perm("cop.download_document", document_is_public | is_staff_member)
register_file_field(Document, "file", perm="cop.download_document", select_related=("plenary",))
# A long job and its result file: the person who asked for it, and staff.
rules.add_perm("cop.view_job", is_job_owner | is_staff_member)
rules.add_perm("cop.download_job", job_not_expired & (is_job_owner | is_staff_member))
register_file_field(LongJob, "result", perm="cop.download_job")

# The admin: agents manage the calendar and the organisations there; memberships
# are decided on the follow-up page (audited, the person is emailed), so agents
# only read them in the admin, as they read roles, accounts and the audit log.
# Superusers keep every right through Django's ModelBackend.
rules.add_perm("cop", is_staff_member)
for _model in ("organisation", "edition", "phase", "plenarysession", "document"):
    for _action in ("view", "add", "change", "delete"):
        rules.add_perm(f"cop.{_action}_{_model}", is_staff_member)
for _model in ("membership", "roleassignment", "auditevent", "user"):
    rules.add_perm(f"cop.view_{_model}", is_staff_member)
