"""Staff mark one scenario as the region's reference; nobody else can; one per region."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from panorama.models import Scenario
from tests.panorama.factories import ScenarioFactory
from tests.panorama.helpers import text_of


def mark(client, scenario, action="mark"):
    return client.post(
        reverse("panorama:scenario_reference", args=[scenario.pk]), {"action": action}
    )


def test_staff_mark_a_scenario_as_the_reference(staff_client, citizen, sgpe):
    scenario = ScenarioFactory(owner=citizen, name="Proposition citoyenne")

    response = mark(staff_client, scenario)

    assert response.status_code == 302
    scenario.refresh_from_db()
    assert scenario.is_reference


@pytest.mark.parametrize("persona", ["citizen", "stakeholder", "facilitator"])
def test_other_roles_cannot_mark_the_reference(persona, personas, client_of, sgpe):
    user = personas[persona]
    scenario = ScenarioFactory(owner=user)

    response = mark(client_of(user), scenario)

    assert response.status_code == 403
    assert not Scenario.objects.filter(is_reference=True).exists()


def test_visitors_are_sent_to_the_login_page(client, sgpe):
    scenario = ScenarioFactory()

    response = mark(client, scenario)

    assert response["Location"].startswith("/comptes/login/")
    assert not Scenario.objects.filter(is_reference=True).exists()


def test_marking_another_scenario_moves_the_reference(staff_client, sgpe):
    first, second = ScenarioFactory(), ScenarioFactory()
    mark(staff_client, first)

    mark(staff_client, second)

    assert list(Scenario.objects.filter(is_reference=True)) == [second]


def test_each_region_has_its_own_reference(staff_client, sgpe):
    centre = ScenarioFactory(region_code="24")
    bretagne = ScenarioFactory(region_code="53")
    mark(staff_client, centre)

    mark(staff_client, bretagne)

    assert set(Scenario.objects.filter(is_reference=True)) == {centre, bretagne}


def test_staff_withdraw_the_reference(staff_client, sgpe):
    scenario = ScenarioFactory(is_reference=True)

    mark(staff_client, scenario, action="unmark")

    scenario.refresh_from_db()
    assert not scenario.is_reference


def test_the_database_refuses_two_references_in_one_region(db):
    ScenarioFactory(is_reference=True)

    with pytest.raises(IntegrityError):
        ScenarioFactory(is_reference=True)


def test_everyone_sees_the_reference_scenario_in_their_list(citizen_client, stakeholder, sgpe):
    ScenarioFactory(
        owner=stakeholder,
        name="Scénario de la Région",
        is_reference=True,
        query="t-augm_voitelec=600",
    )

    page = text_of(citizen_client.get(reverse("panorama:scenario_list")))

    assert "Scénario de référence de la région" in page
    assert "Scénario de la Région" in page
    assert "Marquer comme référence" not in page


def test_staff_see_every_participant_s_scenarios_with_the_marking_button(
    staff_client, citizen, sgpe
):
    ScenarioFactory(owner=citizen, name="Idée citoyenne")

    page = text_of(staff_client.get(reverse("panorama:scenario_list")))

    assert "Scénarios des autres participants" in page
    assert "Idée citoyenne" in page
    assert "Marquer comme référence" in page
