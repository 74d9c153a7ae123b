"""The process core: users, organisations, roles, the COP calendar, audit."""

from datetime import date, datetime

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
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


GRANTED_ROLES = (Role.FACILITATOR, Role.STAFF, Role.PUBLISHER)
# A publisher is an agent too: both roles open the staff pages and the admin.
STAFF_LEVEL_ROLES = (Role.STAFF, Role.PUBLISHER)


class Side(models.TextChoices):
    """The two co-pilots of the COP."""

    STATE = "state", _("État")
    REGION = "region", _("Région")


class RoleAssignment(models.Model):
    """A role granted to a user by hand, on the State or the Region side.

    Citizen, stakeholder and local authority roles follow from facts (a verified
    email, an approved membership, a territory) and are never stored. A
    publisher is treated as staff by the predicates even without a staff row.
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
    side = models.CharField(_("côté"), max_length=8, choices=Side.choices)
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
            models.UniqueConstraint(fields=["user", "role"], name="cop_roleassignment_unique"),
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in GRANTED_ROLES]),
                name="cop_roleassignment_role_granted",
            ),
            models.CheckConstraint(
                condition=Q(side__in=Side.values), name="cop_roleassignment_side_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} : {self.get_role_display()} ({self.get_side_display()})"


# --- The COP calendar ---------------------------------------------------------


class Edition(models.Model):
    """One yearly cycle of the COP (the 2024 edition starts in December 2023)."""

    year = models.PositiveSmallIntegerField(_("année"), unique=True)
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("présentation"), blank=True)

    class Meta:
        verbose_name = _("édition")
        verbose_name_plural = _("éditions")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class PhaseQuerySet(models.QuerySet["Phase"]):
    def current(self, on: date) -> "PhaseQuerySet":
        """Phases running on that day (bounds included)."""
        return self.filter(starts_on__lte=on, ends_on__gte=on)

    def upcoming(self, on: date) -> "PhaseQuerySet":
        return self.filter(starts_on__gt=on)

    def past(self, on: date) -> "PhaseQuerySet":
        return self.filter(ends_on__lt=on)


class Phase(models.Model):
    class Kind(models.TextChoices):
        DIAGNOSTIC = "diagnostic", _("Diagnostic partagé")
        WORKING_GROUPS = "working_groups", _("Groupes de travail thématiques")
        ROADMAP_PROPOSAL = "roadmap_proposal", _("Proposition de feuille de route")
        PLENARY_ADOPTION = "plenary_adoption", _("Adoption en plénière")
        CONSULTATION = (
            "consultation",
            _("Concertation citoyenne et déclinaison territoriale"),
        )
        CONSOLIDATION = "consolidation", _("Consolidation")

    edition = models.ForeignKey(
        Edition, verbose_name=_("édition"), on_delete=models.CASCADE, related_name="phases"
    )
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("présentation"), blank=True)
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = PhaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["edition__year", "order", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="cop_phase_ends_after_start"
            ),
            models.UniqueConstraint(fields=["edition", "kind"], name="cop_phase_kind_per_edition"),
        ]
        indexes = [models.Index(fields=["starts_on", "ends_on"])]

    def __str__(self) -> str:
        return self.title

    def is_current(self, on: date) -> bool:
        return self.starts_on <= on <= self.ends_on


class PlenarySessionQuerySet(models.QuerySet["PlenarySession"]):
    def public(self) -> "PlenarySessionQuerySet":
        return self.filter(is_public=True)

    def next(self, now: datetime) -> "PlenarySession | None":
        """The first public plenary starting at or after ``now``."""
        return self.public().filter(starts_at__gte=now).order_by("starts_at").first()

    def past(self, now: datetime) -> "PlenarySessionQuerySet":
        return self.public().filter(starts_at__lt=now).order_by("-starts_at")


class PlenarySession(models.Model):
    edition = models.ForeignKey(
        Edition,
        verbose_name=_("édition"),
        on_delete=models.CASCADE,
        related_name="plenaries",
    )
    title = models.CharField(_("titre"), max_length=200)
    starts_at = models.DateTimeField(_("date et heure"))
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    agenda = models.TextField(_("ordre du jour (Markdown)"), blank=True)
    video_url = models.URLField(_("lien vers la vidéo"), blank=True)
    is_public = models.BooleanField(_("publique"), default=True)

    objects = PlenarySessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("séance plénière")
        verbose_name_plural = _("séances plénières")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return self.title


class Document(models.Model):
    class Kind(models.TextChoices):
        SLIDES = "slides", _("Présentation")
        VIDEO = "video", _("Vidéo")
        MINUTES = "minutes", _("Compte rendu")
        OTHER = "other", _("Autre")

    edition = models.ForeignKey(
        Edition, verbose_name=_("édition"), on_delete=models.CASCADE, related_name="documents"
    )
    plenary = models.ForeignKey(
        PlenarySession,
        verbose_name=_("séance plénière"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(_("fichier"), upload_to="cop/documents/%Y/", blank=True)
    url = models.URLField(_("lien"), blank=True)
    published_at = models.DateTimeField(_("publié le"), default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["published_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="cop_document_file_or_url"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url


# --- Audit log ----------------------------------------------------------------


class AuditEvent(models.Model):
    """Who did what to which object; written only through ``cop.audit.record``."""

    actor = models.ForeignKey(
        User,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("type d’objet"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_id = models.CharField(_("identifiant de l’objet"), max_length=64, blank=True)
    # Kept as text so the log still reads after the object is deleted.
    target_repr = models.CharField(_("objet"), max_length=300, blank=True)
    details = models.JSONField(_("détails"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("événement du journal")
        verbose_name_plural = _("journal des actions")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at"], name="cop_audit_created_idx"),
            models.Index(fields=["target_type", "target_id"], name="cop_audit_target_idx"),
            models.Index(fields=["action", "-created_at"], name="cop_audit_action_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.action} · {self.target_repr}"
