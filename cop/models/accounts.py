"""Accounts: users, organisations in their colleges, memberships and roles."""

import unicodedata

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.params import validate_plausible_date


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
    # AbstractUser's dates, editable in the admin: bounded like every other date.
    last_login = models.DateTimeField(
        _("dernière connexion"), blank=True, null=True, validators=[validate_plausible_date]
    )
    date_joined = models.DateTimeField(
        _("date d’inscription"), default=timezone.now, validators=[validate_plausible_date]
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []  # type: ignore[misc]

    objects = UserManager()  # type: ignore[misc, assignment]

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def public_name(self, organisation: "Organisation | None" = None) -> str:
        """The name shown to others: the person's name, else the organisation they speak
        for (``organisation`` if given, else their approved one), else a neutral label.
        Never the email address: every page, email or file that shows a person to
        others goes through this (``{{ person|public_name }}`` in templates)."""
        name = self.get_full_name().strip()
        if name:
            return name
        if organisation is None:
            organisation = self.approved_organisation
        if organisation is not None:
            return organisation.name
        return str(_("Participant ou participante"))

    @cached_property
    def approved_organisation(self) -> "Organisation | None":
        """The organisation of the approved membership (one query, asked only when needed)."""
        from cop.selectors import organisation_of  # the selectors import the models

        return organisation_of(user=self)


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


# Letters that Unicode does not decompose but French writes for two.
_SPELT_OUT = str.maketrans({"œ": "oe", "æ": "ae", "’": "'", "‘": "'", "ʼ": "'"})


def fold_name(name: str) -> str:
    """An organisation name as compared for sameness: no accents, lower case (œ and æ
    spelt out), plain apostrophes, single spaces. "Électricité  de France" and
    "electricite de france" fold alike."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_SPELT_OUT))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.split())


class OrganisationQuerySet(models.QuerySet):
    def listed(self) -> "OrganisationQuerySet":
        """The organisations staff approved: the only ones shown in lists and choices."""
        return self.filter(status=Organisation.Status.APPROVED)

    def same_name(self, name: str) -> "OrganisationQuerySet":
        """Organisations whose name is ``name`` up to case, accents and spacing."""
        return self.filter(folded_name=fold_name(name))


SAME_NAME = _("Une organisation porte déjà ce nom (aux majuscules et aux accents près).")


class Organisation(models.Model):
    class Status(models.TextChoices):
        # Proposed by a person from their profile: listed once staff approved it.
        PENDING = "pending", _("proposée, en attente")
        APPROVED = "approved", _("validée")
        DECLINED = "declined", _("refusée")

    name = models.CharField(_("nom"), max_length=200, unique=True)
    # ``fold_name(name)``, kept by ``save``: unique, so that no name copies another up
    # to case and accents (a stored column rather than an expression index: Python's
    # Unicode tables fold every accent, on every database).
    folded_name = models.CharField(max_length=400, editable=False)
    college = models.CharField(_("collège"), max_length=32, choices=College.choices)
    description = models.TextField(_("présentation"), blank=True)
    website = models.URLField(_("site internet"), blank=True)
    status = models.CharField(
        _("statut"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    # Set when a user proposed the organisation from their profile: staff check that
    # it exists on the follow-up page (``/suivi/adhesions/``) before it is listed.
    proposed_by = models.ForeignKey(
        User,
        verbose_name=_("proposée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("validée ou refusée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(
        _("validée ou refusée le"), null=True, blank=True, validators=[validate_plausible_date]
    )
    created_at = models.DateTimeField(
        _("créée le"), default=timezone.now, validators=[validate_plausible_date]
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            # "CCI Centre-Val de Loire", "cci centre-val de loire" and "CCI Centre-Val de
            # Loire" with an accent or two spaces more are one organisation.
            models.UniqueConstraint(
                fields=["folded_name"],
                name="cop_organisation_folded_name_unique",
                violation_error_message=SAME_NAME,
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "declined"]),
                name="cop_organisation_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.folded_name = fold_name(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "folded_name"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        # Forms exclude ``folded_name`` (not editable), so its constraint is checked here,
        # on the field the person typed.
        super().clean()
        self.folded_name = fold_name(self.name)
        copies = Organisation.objects.filter(folded_name=self.folded_name).exclude(pk=self.pk)
        if copies.exists():
            raise ValidationError({"name": SAME_NAME})


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
    requested_at = models.DateTimeField(
        _("demandée le"), default=timezone.now, validators=[validate_plausible_date]
    )
    decided_at = models.DateTimeField(
        _("décidée le"), null=True, blank=True, validators=[validate_plausible_date]
    )
    # Set when the person was emailed the decision: a task run twice sends one email.
    notified_at = models.DateTimeField(
        _("personne prévenue le"), null=True, blank=True, validators=[validate_plausible_date]
    )

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
    granted_at = models.DateTimeField(
        _("attribué le"), default=timezone.now, validators=[validate_plausible_date]
    )

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
