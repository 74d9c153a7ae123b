"""The pages of a département, an EPCI and a commune."""

from django.urls import reverse


def text_of(response) -> str:
    return response.content.decode().replace("\xa0", " ").replace("\u202f", " ")


def test_the_departement_page_shows_population_chef_lieu_epci_and_largest_communes(
    geography, visitor
):
    response = visitor.get(reverse("territories:departement", kwargs={"code": "45"}))

    page = text_of(response)
    assert response.status_code == 200
    assert "<h1>Loiret" in page
    assert "691 268" in page
    assert '<a href="/territoires/communes/45234/">Orléans</a>' in page
    assert '<a href="/territoires/epci/244500468/">Orléans Métropole</a>' in page
    # The largest commune first; 325 communes over 7 pages of 50.
    assert page.index("116 357") < page.index("23 507")  # Orléans before Olivet
    assert "(1 à 50 sur 325)" in page


def test_the_second_page_of_communes_continues_the_list(geography, visitor):
    response = visitor.get(
        reverse("territories:departement", kwargs={"code": "45"}), {"page": "2"}
    )

    assert "(51 à 100 sur 325)" in text_of(response)


def test_the_epci_page_shows_its_type_population_and_members(geography, visitor):
    response = visitor.get(reverse("territories:epci", kwargs={"siren": "244500468"}))

    page = text_of(response)
    assert response.status_code == 200
    assert "<h1>Orléans Métropole</h1>" in page
    assert "Métropole" in page
    assert "293 673" in page
    assert '<a href="/territoires/communes/45285/">Saint-Jean-de-la-Ruelle</a>' in page
    assert "<dd>22</dd>" in page  # member communes


def test_the_commune_page_shows_population_postcodes_departement_and_epci(geography, visitor):
    response = visitor.get(reverse("territories:commune", kwargs={"code": "45234"}))

    page = text_of(response)
    assert response.status_code == 200
    assert "<h1>Orléans</h1>" in page
    assert "116 357" in page
    assert "45000, 45100" in page
    assert '<a href="/territoires/departements/45/">Loiret (45)</a>' in page
    assert '<a href="/territoires/epci/244500468/">Orléans Métropole</a>' in page


def test_pages_carry_a_breadcrumb_back_to_the_territories(geography, visitor):
    page = text_of(visitor.get(reverse("territories:commune", kwargs={"code": "45234"})))

    assert 'class="fr-breadcrumb"' in page
    assert '<a class="fr-breadcrumb__link" href="/territoires/">Territoires</a>' in page
    assert '<a class="fr-breadcrumb__link" href="/territoires/departements/45/">' in page


def test_a_departement_outside_the_region_is_not_found(geography, paris, visitor):
    response = visitor.get(reverse("territories:departement", kwargs={"code": "75"}))

    assert response.status_code == 404


def test_a_commune_outside_the_region_is_not_found(geography, paris, visitor):
    assert visitor.get(reverse("territories:commune", kwargs={"code": "75056"})).status_code == 404


def test_an_epci_without_member_in_the_region_is_not_found(geography, paris, visitor):
    response = visitor.get(reverse("territories:epci", kwargs={"siren": "200054781"}))

    assert response.status_code == 404


def test_unknown_codes_are_not_found(geography, visitor):
    for url in [
        reverse("territories:departement", kwargs={"code": "99"}),
        reverse("territories:commune", kwargs={"code": "00000"}),
        reverse("territories:epci", kwargs={"siren": "000000000"}),
    ]:
        assert visitor.get(url).status_code == 404


def test_malformed_codes_are_not_found(geography, visitor):
    for url in [
        "/territoires/departements/4%005/",
        "/territoires/communes/%00/",
        "/territoires/communes/45234x/",
        "/territoires/epci/nimporte/",
    ]:
        assert visitor.get(url).status_code == 404


def test_each_model_links_to_its_page(geography):
    from territories.models import Commune, Departement, Epci, Region

    assert Region.objects.get(code="24").get_absolute_url() == "/territoires/"
    assert Departement.objects.get(code="45").get_absolute_url() == "/territoires/departements/45/"
    assert Epci.objects.get(siren="244500468").get_absolute_url() == "/territoires/epci/244500468/"
    assert Commune.objects.get(code="45234").get_absolute_url() == "/territoires/communes/45234/"
