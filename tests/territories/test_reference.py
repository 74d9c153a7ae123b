"""The one territory reference: a row for every level and grouping, and "within X"."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from territories.models import Territory, TerritoryCommune
from territories.reference import save_grouping, sync_reference
from territories.selectors import territories_within, territory_for, within
from tests.factories import UserFactory

from .conftest import ORLEANS_METROPOLE

TERRES_DU_VAL_DE_LOIRE = "200070183"  # an EPCI of the Loiret that reaches into Loir-et-Cher
MONTARGIS_AGGLOMERATION = "244500203"
CANAUX_ET_FORETS = "200067676"


def territory(kind: str, code: str) -> Territory:
    found = territory_for(kind=kind, code=code)
    assert found is not None, (kind, code)
    return found


def test_the_import_gives_every_level_of_the_region_one_territory(geography):
    counts = {kind: Territory.objects.filter(kind=kind).count() for kind in Territory.COG_KINDS}

    assert counts == {"region": 1, "departement": 6, "epci": 82, "commune": 1754}
    assert territory("region", "24").communes.count() == 1754
    assert territory("commune", "45234").communes.get().code == "45234"


def test_deriving_the_reference_again_changes_nothing(geography):
    before = (Territory.objects.count(), TerritoryCommune.objects.count())

    sync_reference()

    assert (Territory.objects.count(), TerritoryCommune.objects.count()) == before


def test_a_departement_holds_its_communes_and_the_epci_that_reach_into_it(geography):
    loiret = territory("departement", "45")
    kinds_and_codes = set(territories_within(territory=loiret).values_list("kind", "code"))

    assert ("commune", "45234") in kinds_and_codes  # Orléans
    assert ("epci", ORLEANS_METROPOLE) in kinds_and_codes
    assert ("departement", "45") in kinds_and_codes
    assert ("region", "24") not in kinds_and_codes  # larger than the Loiret
    assert ("departement", "41") not in kinds_and_codes
    assert ("commune", "41018") not in kinds_and_codes  # Blois


def test_an_epci_that_straddles_two_departements_is_within_each(geography):
    for code in ("45", "41"):
        ids = territories_within(territory=territory("departement", code)).values_list(
            "code", flat=True
        )
        assert TERRES_DU_VAL_DE_LOIRE in set(ids)


def test_a_commune_holds_only_itself(geography):
    orleans = territory("commune", "45234")

    assert list(territories_within(territory=orleans)) == [orleans]


def test_a_grouping_covers_the_communes_of_its_member_epci(geography):
    members = [territory("epci", MONTARGIS_AGGLOMERATION), territory("epci", CANAUX_ET_FORETS)]

    petr, created = save_grouping(
        kind=Territory.Kind.PETR, code="200000001", name="PETR du Gâtinais", members=members
    )

    assert created
    assert petr.communes.count() == 15 + 38
    assert petr in territories_within(territory=territory("departement", "45"))
    # A member is within its grouping; the grouping is not within its member.
    assert members[0] in territories_within(territory=petr)
    assert petr not in territories_within(territory=members[0])


def test_saving_a_grouping_again_with_fewer_members_drops_their_communes(geography):
    montargis = territory("epci", MONTARGIS_AGGLOMERATION)
    save_grouping(
        kind="petr",
        code="200000001",
        name="PETR",
        members=[montargis, territory("epci", CANAUX_ET_FORETS)],
    )

    petr, created = save_grouping(kind="petr", code="200000001", name="PETR", members=[montargis])

    assert not created
    assert petr.communes.count() == 15


@pytest.mark.parametrize(
    ("kind", "code", "message"),
    [
        ("epci", "200000001", "n’est pas un regroupement"),
        ("petr", "２００００００01", "9 chiffres"),
        ("petr", "12345", "9 chiffres"),
    ],
)
def test_a_grouping_needs_a_grouping_kind_and_a_siren(geography, kind, code, message):
    with pytest.raises(ValidationError, match=message):
        save_grouping(kind=kind, code=code, name="X", members=[])

    assert not Territory.objects.filter(code=code).exists()


def test_a_grouping_cannot_hold_a_departement(geography):
    with pytest.raises(ValidationError, match="EPCI ou des communes"):
        save_grouping(
            kind="pays", code="200000002", name="Pays", members=[territory("departement", "45")]
        )

    assert not Territory.objects.filter(code="200000002").exists()


def test_within_filters_any_model_by_its_territory_key(geography):
    loiret = territory("departement", "45")

    inside = Territory.objects.filter(within("pk", loiret), kind="commune")

    assert inside.count() == 325


def test_the_grouping_page_lists_its_members_and_communes(geography, visitor):
    petr, _ = save_grouping(
        kind="pnr",
        code="200000003",
        name="Parc naturel régional de démonstration",
        members=[territory("commune", "45234")],
    )

    response = visitor.get(petr.get_absolute_url())

    assert response.status_code == 200
    body = response.content.decode()
    assert "Parc naturel régional de démonstration" in body
    assert "Orléans" in body
    index = visitor.get(reverse("territories:index")).content.decode()
    assert petr.get_absolute_url() in index


def test_a_grouping_outside_the_region_is_not_found(geography, paris, visitor):
    sync_reference()
    outside, _ = save_grouping(
        kind="syndicat",
        code="200000004",
        name="Syndicat parisien",
        members=[territory("commune", "75056")],
    )

    assert visitor.get(outside.get_absolute_url()).status_code == 404


@pytest.fixture
def admin_client_(client, geography):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_create_a_grouping_in_the_admin_and_its_communes_follow(admin_client_):
    orleans_metropole = territory("epci", ORLEANS_METROPOLE)

    response = admin_client_.post(
        reverse("admin:territories_territory_add"),
        {
            "kind": "pays",
            "code": "200000005",
            "name": "Pays Loire Beauce",
            "members": [orleans_metropole.pk],
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    pays = Territory.objects.get(kind="pays", code="200000005")
    assert pays.communes.count() == orleans_metropole.communes.count()


def test_the_admin_does_not_edit_a_territory_of_the_cog(admin_client_):
    loiret = territory("departement", "45")

    response = admin_client_.post(
        reverse("admin:territories_territory_change", args=[loiret.pk]),
        {"kind": "departement", "code": "45", "name": "Renommé"},
    )

    assert response.status_code == 403
    loiret.refresh_from_db()
    assert loiret.name == "Loiret"
