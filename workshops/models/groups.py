"""The six thematic working groups, their facilitators, members and documents."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cop.models import Side
from core.files import validate_upload
from core.params import validate_plausible_date


class WorkingGroup(models.Model):
    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    name = models.CharField(_("nom"), max_length=150, unique=True)
    summary = models.CharField(_("résumé"), max_length=300, blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordre d’affichage"), default=0)
    levers = models.ManyToManyField(
        "panorama.Lever", verbose_name=_("leviers couverts"), blank=True, related_name="groups"
    )
    sectors = models.ManyToManyField(
        "panorama.Sector", verbose_name=_("secteurs couverts"), blank=True, related_name="groups"
    )
    # The simulator scenario a group's facilitators put forward (panorama cannot
    # point up at workshops, so the link lives here).
    proposed_scenario = models.ForeignKey(
        "panorama.Scenario",
        verbose_name=_("scénario proposé par le groupe"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposing_groups",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    # The facilitator roles granted for this group: deleted with it, so that the
    # roles and the ``GroupFacilitator`` rows (also deleted with it) agree.
    role_assignments = GenericRelation(
        "cop.RoleAssignment", content_type_field="scope_type", object_id_field="scope_id"
    )

    class Meta:
        verbose_name = _("groupe de travail")
        verbose_name_plural = _("groupes de travail")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workshops:group", args=[self.slug])


class GroupFacilitator(models.Model):
    """A co-pilot of a group: the State and the Region each name one.

    Written only through ``cop.services.roles.grant_role``/``revoke_role`` with the
    group as scope (``workshops/services/facilitators.py``): the facilitator role
    and this row are created and removed together.
    """

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="facilitators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="facilitations"
    )
    side = models.CharField(_("côté"), max_length=10, choices=Side.choices)

    class Meta:
        verbose_name = _("animateur de groupe")
        verbose_name_plural = _("animateurs de groupe")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="facilitator_once_per_group"),
            models.UniqueConstraint(fields=["group", "side"], name="one_facilitator_per_side"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.group} ({self.get_side_display()})"


class GroupMembership(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        ACCEPTED = "accepted", _("acceptée")
        DECLINED = "declined", _("refusée")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    # The organisation the member speaks for, frozen at request time.
    organisation = models.ForeignKey(
        "cop.Organisation", on_delete=models.PROTECT, related_name="group_memberships"
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    message = models.TextField(_("message de la demande"), blank=True)
    decision_message = models.TextField(_("message de la décision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    decided_at = models.DateTimeField(
        _("décidée le"), null=True, blank=True, validators=[validate_plausible_date]
    )

    class Meta:
        verbose_name = _("membre de groupe")
        verbose_name_plural = _("membres de groupe")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group"),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False),
                name="group_membership_decided_has_date",
            ),
        ]
        indexes = [models.Index(fields=["group", "status"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.group}"


class GroupFollow(models.Model):
    """Who hears of new contributions in a group (members follow on acceptance)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("abonnement à un groupe")
        verbose_name_plural = _("abonnements à un groupe")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="follow_group_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} suit {self.group}"


class GroupDocument(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titre"), max_length=200)
    file = models.FileField(
        _("fichier"),
        upload_to="groupes/documents/%Y/",
        blank=True,
        validators=[validate_upload],
    )
    url = models.URLField(_("lien"), blank=True)
    published_at = models.DateTimeField(_("publié le"), auto_now_add=True)

    class Meta:
        verbose_name = _("document de groupe")
        verbose_name_plural = _("documents de groupe")
        ordering = ["-published_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="group_document_file_or_url"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url
