"""Accounts: users, organisations in their colleges, memberships and roles."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    """Users log in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("L’adresse électronique est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("adresse électronique"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []  # type: ignore[misc]

    objects = UserManager()  # type: ignore[misc, assignment]

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


# --- Organisations and their colleges ---------------------------------------


class College(models.TextChoices):
    """The six colleges of the COP, in the order the region lists them."""

    SOCIO_ECONOMIC = "socio_economic", _("Acteurs socio-économiques")
    SOCIAL_PARTNERS = (
        "social_partners",
        _("Partenaires sociaux et chambres consulaires"),
    )
    ASSOCIATIONS = "associations", _("Associations et collectifs citoyens")
    LOCAL_AUTHORITIES = (
        "local_authorities",
        _("Collectivités territoriales et établissements publics"),
    )
    STATE = "state", _("État et opérateurs")
    EDUCATION_RESEARCH = (
        "education_research",
        _("Acteurs de l’éducation, de la culture, de la formation et de la recherche"),
    )


class Organisation(models.Model):
    name = models.CharField(_("nom"), max_length=200, unique=True)
    college = models.CharField(_("collège"), max_length=32, choices=College.choices)
    description = models.TextField(_("présentation"), blank=True)
    website = models.URLField(_("site internet"), blank=True)
    # Set when a user proposed the organisation from their profile: staff see it
    # next to the membership request and check that it exists.
    proposed_by = models.ForeignKey(
        User,
        verbose_name=_("proposée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            # "CCI Centre-Val de Loire" and "cci centre-val de loire" are one organisation.
            models.UniqueConstraint(Lower("name"), name="cop_organisation_name_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's request to be attached to an organisation, and staff's decision."""

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        APPROVED = "approved", _("acceptée")
        DECLINED = "declined", _("refusée")

    user = models.ForeignKey(
        User, verbose_name=_("personne"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    status = models.CharField(
        _("statut"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    message = models.TextField(_("message de la personne"), blank=True)
    decision_message = models.TextField(_("message de la décision"), blank=True)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("décidée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("demandée le"), default=timezone.now)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    # Set when the person was emailed the decision: a task run twice sends one email.
    notified_at = models.DateTimeField(_("personne prévenue le"), null=True, blank=True)

    class Meta:
        verbose_name = _("rattachement")
        verbose_name_plural = _("rattachements")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="cop_membership_one_per_organisation"
            ),
            # A person speaks for one organisation at a time.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="approved"),
                name="cop_membership_one_approved_per_user",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "declined"]),
                name="cop_membership_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"


# --- Roles --------------------------------------------------------------------


class Role(models.TextChoices):
    """The roles of ARCHITECTURE.md. Only the last three are granted by hand."""

    VISITOR = "visitor", _("visiteur")
    CITIZEN = "citizen", _("citoyen")
    STAKEHOLDER = "stakeholder", _("acteur")
    LOCAL_AUTHORITY = "local_authority", _("représentant de collectivité")
    FACILITATOR = "facilitator", _("animateur")
    STAFF = "staff", _("agent")
    PUBLISHER = "publisher", _("signataire")


# The roles granted by hand, through ``cop.services.roles`` only (the staff page
# at /suivi/roles/ calls it). Citizen and stakeholder follow from facts.
GRANTED_ROLES = (Role.LOCAL_AUTHORITY, Role.FACILITATOR, Role.STAFF, Role.PUBLISHER)
# A publisher is an agent too: both roles open the staff pages and the admin.
STAFF_LEVEL_ROLES = (Role.STAFF, Role.PUBLISHER)
# Granted for one object of a higher app (a working group, a territory), which
# registers the scope with ``cop.roles.register_role_scope``.
SCOPED_ROLES = (Role.LOCAL_AUTHORITY, Role.FACILITATOR)
# Held for the State or the Region; a representative speaks for a territory, no side.
SIDED_ROLES = (Role.FACILITATOR, Role.STAFF, Role.PUBLISHER)


class Side(models.TextChoices):
    """The two co-pilots of the COP."""

    STATE = "state", _("État")
    REGION = "region", _("Région")


class RoleAssignment(models.Model):
    """A role granted to a user by hand, with its side and, for some, its scope.

    Written only by ``cop.services.roles`` (audited; ``is_staff`` follows). A
    facilitator is granted for one working group, a local authority
    representative for one territory: the scope is a generic reference because
    those models live in higher apps, which register the scope at start-up.
    A publisher is treated as staff by the predicates even without a staff row.
    """

    user = models.ForeignKey(
        User,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(
        _("rôle"), max_length=16, choices=[(r.value, r.label) for r in GRANTED_ROLES]
    )
    side = models.CharField(_("côté"), max_length=8, choices=Side.choices, blank=True)
    scope_type = models.ForeignKey(
        ContentType,
        verbose_name=_("type de périmètre"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # Text, as ``AuditEvent.target_id``: the COG's territories have text keys ("2A004").
    scope_id = models.CharField(_("périmètre"), max_length=40, null=True, blank=True)
    scope = GenericForeignKey("scope_type", "scope_id")
    granted_by = models.ForeignKey(
        User,
        verbose_name=_("attribué par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("attribué le"), default=timezone.now)

    class Meta:
        verbose_name = _("attribution de rôle")
        verbose_name_plural = _("attributions de rôles")
        ordering = ["user__email", "role"]
        constraints = [
            # Staff and publisher: once per person (on one side).
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(scope_id__isnull=True),
                name="cop_roleassignment_unique",
            ),
            # Facilitator, representative: once per person and scope.
            models.UniqueConstraint(
                fields=["user", "role", "scope_type", "scope_id"],
                condition=Q(scope_id__isnull=False),
                name="cop_roleassignment_unique_in_scope",
            ),
            # A group has one facilitator per side (as ``workshops.GroupFacilitator``).
            models.UniqueConstraint(
                fields=["scope_type", "scope_id", "side"],
                condition=Q(role="facilitator"),
                name="cop_roleassignment_one_facilitator_per_side",
            ),
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in GRANTED_ROLES]),
                name="cop_roleassignment_role_granted",
            ),
            models.CheckConstraint(
                condition=(
                    Q(role__in=[r.value for r in SIDED_ROLES], side__in=Side.values)
                    | (~Q(role__in=[r.value for r in SIDED_ROLES]) & Q(side=""))
                ),
                name="cop_roleassignment_side_valid",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        role__in=[r.value for r in SCOPED_ROLES],
                        scope_type__isnull=False,
                        scope_id__isnull=False,
                    )
                    | (
                        ~Q(role__in=[r.value for r in SCOPED_ROLES])
                        & Q(scope_type__isnull=True, scope_id__isnull=True)
                    )
                ),
                name="cop_roleassignment_scope_valid",
            ),
        ]
        indexes = [models.Index(fields=["scope_type", "scope_id"])]

    def __str__(self) -> str:
        parts = [self.get_role_display()]
        if self.side:
            parts.append(self.get_side_display())
        return f"{self.user} : {' — '.join(str(p) for p in parts)}"
