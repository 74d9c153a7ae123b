"""Facilitators put forward one of their simulator scenarios for the group."""

from cop.models import AuditEvent
from tests.panorama.factories import ScenarioFactory


def test_a_facilitator_proposes_one_of_their_scenarios(client_of, group_facilitator, group):
    scenario = ScenarioFactory(owner=group_facilitator, name="Mobilité décarbonée")

    client = client_of(group_facilitator)
    page = client.get("/groupes/mobilite/").content.decode()
    assert "Mobilité décarbonée" in page  # offered in the form

    response = client.post("/groupes/mobilite/scenario/", {"scenario": scenario.pk}, follow=True)

    group.refresh_from_db()
    assert group.proposed_scenario == scenario
    assert "Le groupe propose désormais le scénario « Mobilité décarbonée »." in (
        response.content.decode()
    )
    event = AuditEvent.objects.get(action="group.scenario_set")
    assert event.actor == group_facilitator
    assert event.details["scenario"] == "Mobilité décarbonée"


def test_someone_elses_scenario_is_refused_in_french(client_of, group_facilitator, group):
    others = ScenarioFactory(name="Le scénario d’un autre")

    response = client_of(group_facilitator).post(
        "/groupes/mobilite/scenario/", {"scenario": others.pk}
    )

    assert response.status_code == 400
    assert "Choisissez un de vos scénarios enregistrés" in response.content.decode()
    group.refresh_from_db()
    assert group.proposed_scenario is None


def test_an_empty_choice_withdraws_the_proposal(client_of, group_facilitator, group):
    group.proposed_scenario = ScenarioFactory(owner=group_facilitator)
    group.save()

    client_of(group_facilitator).post("/groupes/mobilite/scenario/", {"scenario": ""})

    group.refresh_from_db()
    assert group.proposed_scenario is None
    assert AuditEvent.objects.filter(action="group.scenario_clear").exists()


def test_a_member_may_not_choose_the_scenario(client_of, member, group):
    scenario = ScenarioFactory(owner=member)

    response = client_of(member).post("/groupes/mobilite/scenario/", {"scenario": scenario.pk})

    assert response.status_code == 403
    assert "Seule l’animation du groupe choisit le scénario" in response.content.decode()
    assert "scenario-form" not in client_of(member).get("/groupes/mobilite/").content.decode()
