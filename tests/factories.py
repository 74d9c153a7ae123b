"""factory-boy factories of the whole suite (cop models; other apps add theirs)."""

import datetime as dt

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from cop.models import (
    AuditEvent,
    College,
    Document,
    Edition,
    Membership,
    Organisation,
    Phase,
    PlenarySession,
    Role,
    RoleAssignment,
    Side,
    User,
)

PASSWORD = "mot-de-passe-de-test"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with the password ``PASSWORD``; ``verified=True`` adds a verified primary email."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.test")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted:
            _verify_email(self)


def _verify_email(user: User) -> None:
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


class VerifiedUserFactory(UserFactory):
    """A user whose primary email is verified (a citizen); ``verified=False`` opts out."""

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            _verify_email(self)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    college = College.SOCIO_ECONOMIC
    status = Organisation.Status.APPROVED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(VerifiedUserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.PENDING
    message = "Je représente cette organisation au sein de la COP."

    class Params:
        approved = factory.Trait(
            status=Membership.Status.APPROVED,
            decided_at=factory.LazyFunction(timezone.now),
        )
        declined = factory.Trait(
            status=Membership.Status.DECLINED,
            decided_at=factory.LazyFunction(timezone.now),
        )


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(VerifiedUserFactory)
    role = Role.STAFF
    side = Side.STATE


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ("year",)

    year = factory.Sequence(lambda n: 2030 + n)
    title = factory.LazyAttribute(lambda o: f"COP régionale {o.year}")


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    edition = factory.SubFactory(EditionFactory)
    kind = Phase.Kind.DIAGNOSTIC
    title = factory.LazyAttribute(lambda o: Phase.Kind(o.kind).label)
    starts_on = dt.date(2024, 1, 1)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + dt.timedelta(days=30))
    order = factory.Sequence(lambda n: n)


class PlenarySessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlenarySession

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"Séance plénière {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    place = "Hôtel de Région, Orléans"
    agenda = "1. Accueil\n2. Point d’étape"
    is_public = True


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    plenary = factory.SubFactory(PlenarySessionFactory)
    edition = factory.LazyAttribute(lambda o: o.plenary.edition if o.plenary else None)
    title = factory.Sequence(lambda n: f"Document {n}")
    kind = Document.Kind.SLIDES
    url = "https://exemple.test/diaporama.pdf"


class AuditEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEvent

    actor = factory.SubFactory(UserFactory)
    action = "membership.approve"
    target_repr = factory.Sequence(lambda n: f"Objet {n}")


# --- Notifications (models named by label: this block is appended, imports untouched) ---


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cop.NotificationPreference"
        django_get_or_create = ("user", "kind")

    user = factory.SubFactory(VerifiedUserFactory)
    kind = "group_contribution"
    frequency = "never"


class NotificationFactory(factory.django.DjangoModelFactory):
    """A notification already in the outbox (``notify`` is the way the platform makes one)."""

    class Meta:
        model = "cop.Notification"

    user = factory.SubFactory(VerifiedUserFactory)
    kind = "group_contribution"
    subject = factory.Sequence(lambda n: f"Nouvelle contribution n° {n} dans le groupe Mobilité")
    body = "Une contribution vient d’être publiée."
    url = "/groupes/mobilite/"
    frequency = "daily"

    class Params:
        sent = factory.Trait(sent_at=factory.LazyFunction(timezone.now))
