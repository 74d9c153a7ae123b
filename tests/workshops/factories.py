"""factory-boy factories of the workshops app."""

import datetime as dt

import factory
from django.utils import timezone

from cop.models import Role, RoleAssignment, Side
from tests.factories import OrganisationFactory, VerifiedUserFactory
from workshops.models import (
    Comment,
    Contribution,
    ContributionKind,
    GroupFacilitator,
    GroupMembership,
    Meeting,
    MeetingKind,
    Registration,
    Report,
    Support,
    WorkingGroup,
)


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"groupe-{n}")
    name = factory.Sequence(lambda n: f"Groupe de travail {n}")
    summary = "Un groupe de travail de la COP."
    description = "Ce groupe réunit les acteurs du secteur."


class GroupFacilitatorFactory(factory.django.DjangoModelFactory):
    """A facilitator of a group: the role and the ``GroupFacilitator`` row together.

    Both rows are written as ``cop.services.roles.grant_role`` writes them, without
    its audit row, so that tests counting audit rows start from none.
    """

    class Meta:
        model = GroupFacilitator

    group = factory.SubFactory(WorkingGroupFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    side = Side.STATE

    @classmethod
    def _create(cls, model_class, *args, group, user, side, **kwargs):
        RoleAssignment.objects.create(user=user, role=Role.FACILITATOR, side=side, scope=group)
        return model_class.objects.create(group=group, user=user, side=side)


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(WorkingGroupFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = GroupMembership.Status.ACCEPTED
    decided_at = factory.LazyFunction(timezone.now)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.GROUP_SESSION
    title = factory.Sequence(lambda n: f"Séance de travail n° {n}")
    group = factory.SubFactory(WorkingGroupFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + dt.timedelta(hours=3))
    place = "Hôtel de Région, Orléans"
    agenda = "1. Accueil\n2. Travaux en ateliers"
    capacity = 30


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    status = Registration.Status.CONFIRMED


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    kind = ContributionKind.PROPOSAL
    title = factory.Sequence(lambda n: f"Proposition n° {n}")
    body = "Développer le covoiturage domicile-travail dans les zones rurales."
    author = factory.SubFactory(VerifiedUserFactory)
    group = factory.SubFactory(WorkingGroupFactory)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    contribution = factory.SubFactory(ContributionFactory)
    author = factory.SubFactory(VerifiedUserFactory)
    body = "Je partage ce constat."


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    contribution = factory.SubFactory(ContributionFactory)
    user = factory.SubFactory(VerifiedUserFactory)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    reporter = factory.SubFactory(VerifiedUserFactory)
    contribution = factory.SubFactory(ContributionFactory)
    reason = "Propos injurieux."


# --- Contributions, moderation, search (engineer H) ------------------------------------

from tests.factories import MembershipFactory  # noqa: E402


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "panorama.Sector"
        django_get_or_create = ("name",)

    name = "Transport de voyageurs"


class WorkstreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "panorama.Workstream"
        django_get_or_create = ("name",)

    name = "Se déplacer"


class LeverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "panorama.Lever"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"levier_{n}")
    name = factory.Sequence(lambda n: f"Levier {n}")
    sector = factory.SubFactory(SectorFactory)
    workstream = factory.SubFactory(WorkstreamFactory)


def make_stakeholder(email: str, organisation: str = "Chambre de métiers et de l’artisanat"):
    """A verified account attached (approved) to an organisation: a stakeholder."""
    return MembershipFactory(
        user=VerifiedUserFactory(email=email, first_name="Paul", last_name="Mercier"),
        organisation=OrganisationFactory(name=organisation),
        approved=True,
    ).user


def make_member(group, email: str, organisation: str = "Chambre de métiers et de l’artisanat"):
    """A stakeholder accepted in ``group``."""
    user = make_stakeholder(email, organisation)
    GroupMembershipFactory(
        group=group, user=user, organisation=user.memberships.first().organisation
    )
    return user


# --- Groups and meetings (engineer G) ------------------------------------------------

from tests.territories.factories import DepartementFactory, RegionFactory  # noqa: E402
from workshops.models import GroupDocument  # noqa: E402


class RegionalEffortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "panorama.RegionalEffort"

    lever = factory.SubFactory(LeverFactory)
    region_code = "24"
    region_name = "Centre-Val de Loire"
    name = factory.SelfAttribute("lever.name")
    effort_kt = 100.0


class GroupDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupDocument

    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: f"Note de cadrage n° {n}")
    url = "https://exemple.test/note.pdf"


DEPARTEMENTS = {
    "18": "Cher",
    "28": "Eure-et-Loir",
    "36": "Indre",
    "37": "Indre-et-Loire",
    "41": "Loir-et-Cher",
    "45": "Loiret",
}


def cvl_departement(code: str = "45"):
    """A département of Centre-Val de Loire (region 24), created on demand."""
    region = RegionFactory(code="24", name="Centre-Val de Loire")
    return DepartementFactory(code=code, name=DEPARTEMENTS[code], region=region)


class GroupFollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workshops.GroupFollow"

    group = factory.SubFactory(WorkingGroupFactory)
    user = factory.SubFactory(VerifiedUserFactory)
