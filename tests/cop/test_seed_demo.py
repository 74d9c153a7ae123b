"""``manage.py seed_demo``: idempotent, development only, one account per role."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from cop.demo import DEMO_PASSWORD
from cop.models import (
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
from cop.permissions import (
    is_citizen,
    is_facilitator,
    is_publisher,
    is_region_side,
    is_staff_member,
    is_stakeholder,
    is_state_side,
)

ACCOUNTS = ["citoyen@demo.test", "acteur@demo.test", "collectivite@demo.test",
            "animateur@demo.test", "etat@demo.test", "region@demo.test"]  # fmt: skip
MODELS = [User, EmailAddress, Organisation, Membership, RoleAssignment, Edition, Phase,
          PlenarySession, Document]  # fmt: skip


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_running_it_twice_creates_nothing_new(seeded, settings):
    before = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == before


def test_it_refuses_to_run_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_it_prints_the_accounts_and_their_password(db, settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    out = capsys.readouterr().out
    for email in ACCOUNTS:
        assert email in out
    assert DEMO_PASSWORD in out


@pytest.mark.parametrize("email", ACCOUNTS)
def test_each_demo_account_logs_in_with_the_demo_password(seeded, email):
    assert Client().login(email=email, password=DEMO_PASSWORD)
    assert EmailAddress.objects.get(email=email).verified


def test_each_demo_account_holds_its_role(seeded):
    user = {email: User.objects.get(email=email) for email in ACCOUNTS}
    assert is_citizen(user["citoyen@demo.test"])
    assert not is_stakeholder(user["citoyen@demo.test"])
    assert is_stakeholder(user["acteur@demo.test"])
    assert (
        Membership.objects.get(user=user["collectivite@demo.test"]).organisation.name
        == "Orléans Métropole"
    )
    assert is_facilitator(user["animateur@demo.test"])
    assert is_stakeholder(user["animateur@demo.test"])
    for email, side_predicate in [("etat@demo.test", is_state_side),
                                  ("region@demo.test", is_region_side)]:  # fmt: skip
        agent = user[email]
        assert is_staff_member(agent)
        assert is_publisher(agent)
        assert side_predicate(agent)
        assert agent.is_staff
    assert set(
        RoleAssignment.objects.filter(user=user["region@demo.test"]).values_list("role", "side")
    ) == {(Role.STAFF, Side.REGION), (Role.PUBLISHER, Side.REGION)}


def test_every_college_has_organisations(seeded):
    colleges = set(Organisation.objects.values_list("college", flat=True))
    assert colleges == set(College.values)


def test_the_2024_edition_starts_with_the_launch_plenary_of_4_december_2023(seeded):
    edition = Edition.objects.get(year=2024)
    assert [phase.kind for phase in edition.phases.order_by("order")] == list(Phase.Kind.values)
    launch = edition.plenaries.order_by("starts_at").first()
    assert launch.starts_at.date().isoformat() == "2023-12-04"
    assert "Orléans" in launch.place
    assert launch.video_url
    assert launch.documents.filter(kind=Document.Kind.SLIDES).exists()


def test_today_falls_in_a_phase_and_a_plenary_is_ahead(seeded):
    assert Phase.objects.current(timezone.localdate()).exists()
    assert PlenarySession.objects.next(timezone.now()) is not None


def test_the_demo_roles_are_consistent(seeded, capsys):
    """is_staff follows the roles, each facilitator role has its group row and back."""
    call_command("check_roles")
    assert "Rôles cohérents." in capsys.readouterr().out
    animateur = User.objects.get(email="animateur@demo.test")
    assert animateur.facilitations.exists()
