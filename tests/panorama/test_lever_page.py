"""/panorama/leviers/<id>/: one lever, its physical translation, its place among regions."""

import json

from django.urls import reverse

from panorama.importers import DEFAULT_LEVERS_FILE, read_levers
from panorama.services import levers_import
from tests.html_safety import dangerous_markup
from tests.panorama.helpers import text_of


def test_it_shows_the_effort_in_kt_and_in_electric_cars(client, sgpe):
    page = text_of(client.get(reverse("panorama:lever_detail", args=["augm_voitelec"])))

    assert '<dd id="lever-effort">482 ktCO₂e</dd>' in page
    assert "4,2 → 229,7" in page
    assert "milliers de véhicules électriques dans le parc régional (en 2030)" in page


def test_it_gives_the_national_total_the_share_and_the_rank(client, sgpe):
    page = text_of(client.get(reverse("panorama:lever_detail", args=["augm_voitelec"])))

    assert '<dd id="lever-national">10 165 ktCO₂e</dd>' in page
    assert '<dd id="lever-share">4,7 %</dd>' in page
    assert "12e sur 13 régions" in page


def test_it_renders_the_sgpe_comment_as_markdown(client, sgpe):
    page = text_of(client.get(reverse("panorama:lever_detail", args=["augm_voitelec"])))

    assert "<h3>Ordre de grandeur</h3>" in page
    assert "<strong>4,2</strong> milliers de véhicules électriques" in page


def test_it_explains_why_a_lever_cannot_be_retargeted(client, sgpe):
    page = text_of(client.get(reverse("panorama:lever_detail", args=["co2_foret"])))

    assert "Objectif non modifiable par la région" in page
    assert "Objectif non régionalisé en absence de données comparables" in page


def test_a_lever_id_with_an_accent_works(client, sgpe):
    response = client.get(reverse("panorama:lever_detail", args=["augm_vélotc"]))

    assert response.status_code == 200
    assert "Vélo et transport en commun" in text_of(response)


def test_an_unknown_lever_is_not_found(client, sgpe):
    assert client.get(reverse("panorama:lever_detail", args=["inconnu"])).status_code == 404


def test_it_carries_the_indicative_figures_notice(client, sgpe):
    page = text_of(client.get(reverse("panorama:lever_detail", args=["reduc_rfioul"])))

    assert "Chiffres indicatifs de travail, qui n’engagent pas l’État." in page
    assert "131,5 → 32,1" in page


def test_a_comment_with_script_is_rendered_harmless(client, db, tmp_path, settings):
    settings.COP_REGION_CODE = "24"
    records = [
        r
        for r in json.loads(DEFAULT_LEVERS_FILE.read_text(encoding="utf-8"))
        if r["regionName"] == "Centre-Val de Loire"
    ]
    records[0]["comment"] = (
        '<script>alert(1)</script>[clic](javascript:alert(2)) <img src=x onerror="alert(3)">'
    )
    path = tmp_path / "leviers.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    levers_import(rows=read_levers(path))

    content = client.get(reverse("panorama:lever_detail", args=["augm_voitelec"])).content.decode()
    main = content[content.index("<main") : content.index("</main>")]

    assert dangerous_markup(main) == []


def test_the_page_is_drawn_with_one_query(client, sgpe, django_assert_num_queries):
    # 1. every region's effort on the lever, with lever, sector and workstream
    with django_assert_num_queries(1):
        response = client.get(reverse("panorama:lever_detail", args=["augm_voitelec"]))

    assert response.status_code == 200
