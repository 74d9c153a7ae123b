"""Saved scenarios: a logged-in user saves, lists, compares and deletes their scenarios."""

from django.urls import reverse

from panorama.models import Scenario
from tests.panorama.factories import ScenarioFactory
from tests.panorama.helpers import text_of

SAVE = reverse("panorama:scenario_save")
LIST = reverse("panorama:scenario_list")
COMPARE = reverse("panorama:scenario_compare")


def test_a_citizen_saves_the_scenario_of_the_simulator(citizen_client, citizen, sgpe):
    response = citizen_client.post(
        SAVE, {"name": "Plus de voitures électriques", "query": "t-augm_voitelec=600"}
    )

    assert response.status_code == 302
    scenario = Scenario.objects.get()
    assert (scenario.owner, scenario.name, scenario.query, scenario.region_code) == (
        citizen,
        "Plus de voitures électriques",
        "t-augm_voitelec=600",
        "24",
    )


def test_a_saved_scenario_opens_the_same_simulator_page(citizen_client, citizen, sgpe):
    citizen_client.post(SAVE, {"name": "A", "query": "t-augm_voitelec=600&c-reduc_rfioul=12.5"})

    page = text_of(citizen_client.get(LIST))
    link = reverse("panorama:simulator") + "?t-augm_voitelec=600&amp;c-reduc_rfioul=12.5"
    assert f'href="{link}"' in page
    simulator = text_of(
        citizen_client.get(
            reverse("panorama:simulator") + "?t-augm_voitelec=600&c-reduc_rfioul=12.5"
        )
    )
    assert 'id="scenario-total">9 622 ktCO₂e' in simulator
    assert (
        'value="t-augm_voitelec=600&amp;c-reduc_rfioul=12.5"' in simulator
    )  # the query saved next time


def test_the_saved_query_is_cleaned_of_defaults_and_unknown_levers(citizen_client, sgpe):
    citizen_client.post(
        SAVE, {"name": "B", "query": "t-augm_voitelec=482.1&t-inconnu=4&c-reduc_azote=7"}
    )

    assert Scenario.objects.get().query == "c-reduc_azote=7"


def test_saving_again_under_the_same_name_updates_the_scenario(citizen_client, sgpe):
    citizen_client.post(SAVE, {"name": "Mon scénario", "query": "t-augm_voitelec=600"})
    citizen_client.post(SAVE, {"name": "Mon scénario", "query": "t-augm_voitelec=700"})

    assert list(Scenario.objects.values_list("name", "query")) == [
        ("Mon scénario", "t-augm_voitelec=700")
    ]


def test_a_scenario_without_a_name_is_not_saved(citizen_client, sgpe):
    response = citizen_client.post(
        SAVE, {"name": "  ", "query": "t-augm_voitelec=600"}, follow=True
    )

    assert Scenario.objects.count() == 0
    assert "Le scénario n’a pas été enregistré" in text_of(response)


def test_visitors_must_log_in_to_save(client, sgpe):
    response = client.post(SAVE, {"name": "A", "query": ""})

    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")
    assert Scenario.objects.count() == 0


def test_the_list_shows_my_scenarios_and_not_others(citizen_client, citizen, stakeholder, sgpe):
    ScenarioFactory(owner=citizen, name="Le mien", query="t-augm_voitelec=600")
    ScenarioFactory(owner=stakeholder, name="Celui d’un autre")

    page = text_of(citizen_client.get(LIST))

    assert "Le mien" in page
    assert "9 622" in page
    assert "Celui d’un autre" not in page


def test_the_list_is_drawn_with_a_fixed_number_of_queries(
    citizen_client, citizen, sgpe, django_assert_num_queries
):
    for n in range(4):
        ScenarioFactory(owner=citizen, name=f"Scénario {n}", query=f"t-augm_voitelec={500 + n}")

    # 1. session  2. user  3. scenarios with owners  4. the region's efforts
    with django_assert_num_queries(4):
        response = citizen_client.get(LIST)

    assert text_of(response).count("Comparer<span") == 4


def test_two_scenarios_are_compared_lever_by_lever(citizen_client, citizen, sgpe):
    a = ScenarioFactory(owner=citizen, name="Prudent", query="t-augm_voitelec=400")
    b = ScenarioFactory(
        owner=citizen, name="Ambitieux", query="t-augm_voitelec=600&t-reduc_azote=700"
    )

    page = text_of(citizen_client.get(COMPARE, {"a": a.pk, "b": b.pk}))

    assert "« Prudent » (A) et « Ambitieux » (B)" in page
    assert '<td class="fr-cell--right" id="compare-total-diff">+271</td>' in page
    cars = page[page.index('class="fr-cell--multiline">Véhicules électriques') :][:700]
    assert '<td class="fr-cell--right">+200</td>' in cars
    assert '<span class="fr-text--xs">191,3</span>' in cars  # A: 4.2 + 400 × 0.4677 thousand


def test_a_scenario_is_compared_with_the_sgpe_effort_by_default(citizen_client, citizen, sgpe):
    b = ScenarioFactory(owner=citizen, name="Ambitieux", query="t-augm_voitelec=600")

    page = text_of(citizen_client.get(COMPARE, {"b": b.pk}))

    assert '<td class="fr-cell--right" id="compare-total-a">9 504</td>' in page
    assert '<td class="fr-cell--right" id="compare-total-b">9 622</td>' in page


def test_another_user_s_scenario_cannot_be_compared(citizen_client, stakeholder, sgpe):
    theirs = ScenarioFactory(owner=stakeholder, name="Secret", query="t-augm_voitelec=900")

    page = text_of(citizen_client.get(COMPARE, {"a": "sgpe", "b": theirs.pk}))

    assert "Le scénario demandé n’existe pas ou ne vous est pas accessible." in page
    assert "Secret" not in page


def test_the_comparison_is_drawn_with_a_fixed_number_of_queries(
    citizen_client, citizen, sgpe, django_assert_num_queries
):
    a = ScenarioFactory(owner=citizen, query="t-augm_voitelec=400")
    b = ScenarioFactory(owner=citizen, query="t-augm_voitelec=600")
    ScenarioFactory(owner=citizen)

    # 1. session  2. user  3. visible scenarios  4. the region's efforts
    with django_assert_num_queries(4):
        citizen_client.get(COMPARE, {"a": a.pk, "b": b.pk})


def test_an_owner_deletes_their_scenario(citizen_client, citizen, sgpe):
    scenario = ScenarioFactory(owner=citizen)

    response = citizen_client.post(reverse("panorama:scenario_delete", args=[scenario.pk]))

    assert response.status_code == 302
    assert not Scenario.objects.exists()


def test_nobody_deletes_someone_else_s_scenario(client_of, stakeholder, staff, sgpe):
    scenario = ScenarioFactory(owner=stakeholder)

    for user, status in ((staff, 403), (ScenarioFactory().owner, 404)):
        response = client_of(user).post(reverse("panorama:scenario_delete", args=[scenario.pk]))
        assert response.status_code == status

    assert Scenario.objects.filter(pk=scenario.pk).exists()
