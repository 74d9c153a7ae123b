"""The "Mon espace" page and the home page's next steps show what each app registered."""

import copy

import pytest

from cop.spaces import HOME, register_section, sections_for, unregister_section


@pytest.fixture
def registered(settings, tmp_path):
    """Two sections of a pretend app: one with something to show, one without."""
    folder = tmp_path / "templates"
    (folder / "tests").mkdir(parents=True)
    (folder / "tests" / "_answers.html").write_text(
        "<p>{{ count }} réponse(s) de {{ user.email }} {% csrf_token %}</p>"
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], folder]
    settings.TEMPLATES = templates  # a new value, so the engines are rebuilt
    register_section(
        "tests.answers",
        title="Mes réponses",
        template="tests/_answers.html",
        context=lambda request: {"count": 3},
        order=1,
    )
    register_section(
        "tests.empty",
        title="Section vide",
        template="tests/_answers.html",
        context=lambda request: None,
        order=2,
    )
    register_section(
        "tests.step",
        title="Répondre à la concertation",
        template="tests/_answers.html",
        context=lambda request: {"count": 0},
        page=HOME,
    )
    yield
    for key in ("tests.answers", "tests.empty", "tests.step"):
        unregister_section(key)


def test_mon_espace_asks_visitors_to_sign_in(visitor, db):
    response = visitor.get("/mon-espace/")

    assert response.status_code == 302
    assert response["Location"] == "/comptes/login/?next=/mon-espace/"


def test_mon_espace_shows_the_sections_that_have_something_in_order(
    citizen, citizen_client, registered
):
    page = citizen_client.get("/mon-espace/").content.decode()

    assert "<h1>Mon espace</h1>" in page
    assert '<h2 id="section-tests-answers">Mes réponses</h2>' in page
    assert f"3 réponse(s) de {citizen.email}" in page
    assert 'name="csrfmiddlewaretoken"' in page  # rendered in the page's own context
    assert "Section vide" not in page
    assert "Répondre à la concertation" not in page  # a home page step, not a section


def test_a_person_with_nothing_yet_is_told_what_to_do(citizen_client, db):
    page = citizen_client.get("/mon-espace/").content.decode()

    assert "Rien ne vous concerne encore" in page


def test_the_header_links_to_mon_espace_for_signed_in_people_only(visitor, citizen_client, db):
    assert 'href="/mon-espace/"' in citizen_client.get("/calendrier/").content.decode()
    assert 'href="/mon-espace/"' not in visitor.get("/calendrier/").content.decode()


def test_the_home_page_shows_the_next_steps_to_signed_in_people(
    visitor, citizen_client, registered
):
    signed_in = citizen_client.get("/").content.decode()
    anonymous = visitor.get("/").content.decode()

    assert "Vos prochaines étapes" in signed_in
    assert "Répondre à la concertation" in signed_in
    assert "Mes réponses" not in signed_in
    assert "Vos prochaines étapes" not in anonymous


def test_registering_a_key_again_replaces_the_section(rf, citizen, registered):
    register_section(
        "tests.answers",
        title="Mes réponses (nouvelle version)",
        template="tests/_answers.html",
        context=lambda request: {"count": 1},
        order=1,
    )
    request = rf.get("/mon-espace/")
    request.user = citizen

    titles = [section.title for section in sections_for(request)]

    assert titles.count("Mes réponses (nouvelle version)") == 1
    assert "Mes réponses" not in titles


def test_a_section_for_an_unknown_page_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown page"):
        register_section("tests.bad", title="x", template="x.html", page="sidebar")
