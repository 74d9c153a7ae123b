"""factory-boy factories of the workshops app."""

import datetime as dt

import factory
from django.utils import timezone

from cop.models import Side
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
    class Meta:
        model = GroupFacilitator

    group = factory.SubFactory(WorkingGroupFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    side = Side.STATE


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
