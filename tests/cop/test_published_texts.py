"""Published texts: a draft is saved and edited, then published as a dated version
that stays readable; every publication is in the audit log."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from cop.models import AuditEvent, PublishedText, PublishedTextVersion
from cop.selectors import published_text, text_draft, text_versions
from cop.services.texts import text_publish, text_save_draft

KEY = "workshops.group:12:synthesis"


def test_a_draft_is_not_public_until_it_is_published(facilitator):
    text_save_draft(key=KEY, body="# Synthèse\n\nPremier jet.", author=facilitator)

    assert published_text(KEY) is None
    assert list(text_versions(KEY)) == []
    assert text_draft(KEY).body == "# Synthèse\n\nPremier jet."


def test_saving_again_edits_the_draft_rather_than_adding_a_version(facilitator, staff):
    first = text_save_draft(key=KEY, body="Premier jet.", author=facilitator)
    second = text_save_draft(key=KEY, body="Deuxième jet.", author=staff)

    assert first.pk == second.pk
    assert PublishedTextVersion.objects.count() == 1
    assert text_draft(KEY).body == "Deuxième jet."
    assert text_draft(KEY).author == staff


def test_each_publication_is_a_new_version_and_the_old_ones_are_kept(facilitator, staff):
    text_save_draft(key=KEY, body="Version de mars.", author=facilitator)
    first = text_publish(key=KEY, author=facilitator)
    text_save_draft(key=KEY, body="Version de juin.", author=facilitator)

    assert published_text(KEY).body == "Version de mars."  # the draft does not show

    second = text_publish(key=KEY, author=staff)

    assert (first.number, second.number) == (1, 2)
    assert published_text(KEY) == second
    assert [v.body for v in text_versions(KEY)] == ["Version de juin.", "Version de mars."]
    first.refresh_from_db()
    assert first.body == "Version de mars."
    assert first.published_by == facilitator
    assert first.published_at < second.published_at


def test_every_publication_is_audited_and_a_draft_is_not(facilitator):
    text_save_draft(key=KEY, body="Texte.", author=facilitator)
    assert not AuditEvent.objects.exists()

    version = text_publish(key=KEY, author=facilitator)

    event = AuditEvent.objects.get()
    assert event.action == "text.publish"
    assert event.actor == facilitator
    assert event.target_id == str(version.pk)
    assert event.details == {"key": KEY, "number": 1}


def test_publishing_without_a_draft_is_refused_and_changes_nothing(facilitator):
    with pytest.raises(ValidationError, match="pas de brouillon"):
        text_publish(key=KEY, author=facilitator)
    text_save_draft(key=KEY, body="Texte.", author=facilitator)
    text_publish(key=KEY, author=facilitator)
    with pytest.raises(ValidationError, match="pas de brouillon"):
        text_publish(key=KEY, author=facilitator)  # published twice

    assert PublishedTextVersion.objects.count() == 1
    assert AuditEvent.objects.count() == 1


@pytest.mark.parametrize(
    ("key", "body", "message"),
    [
        ("", "Texte.", "clé"),
        ("../../etc/passwd", "Texte.", "clé"),
        ("Groupe 12", "Texte.", "clé"),
        ("x" * 201, "Texte.", "clé"),
        (KEY, "   \n ", "vide"),
        (KEY, "a" * 200_001, "dépasse"),
    ],
)
def test_a_bad_key_or_body_is_refused_with_a_french_message(facilitator, key, body, message):
    with pytest.raises(ValidationError, match=message):
        text_save_draft(key=key, body=body, author=facilitator)

    assert not PublishedText.objects.exists()


def test_the_include_shows_the_text_its_date_and_a_link_to_its_versions(facilitator):
    text_save_draft(key=KEY, body="**Retenu** <script>alert(1)</script>", author=facilitator)
    version = text_publish(key=KEY, author=facilitator)

    html = render_to_string("cop/_published_text.html", {"version": version})

    assert "<strong>Retenu</strong>" in html
    assert "<script" not in html
    assert '<time datetime="' in html
    assert "Version 1" in html
    assert "publiée le" in html
    assert f'href="/textes/{KEY}/versions/"' in html


def test_the_versions_page_lists_the_published_versions_to_anyone(visitor, facilitator):
    text_save_draft(key=KEY, body="Version de mars.", author=facilitator, title="Synthèse")
    text_publish(key=KEY, author=facilitator)
    text_save_draft(key=KEY, body="Version de juin.", author=facilitator)
    text_publish(key=KEY, author=facilitator)
    text_save_draft(key=KEY, body="Brouillon secret.", author=facilitator)

    page = visitor.get(f"/textes/{KEY}/versions/").content.decode()

    assert "Versions de « Synthèse »" in page
    assert page.index("Version de juin.") < page.index("Version de mars.")
    assert "Version 2" in page
    assert "Version 1" in page
    assert "Brouillon secret." not in page
    assert facilitator.email not in page


def test_the_versions_page_of_an_unpublished_or_unknown_text_is_a_404(visitor, facilitator):
    text_save_draft(key=KEY, body="Brouillon.", author=facilitator)

    assert visitor.get(f"/textes/{KEY}/versions/").status_code == 404
    assert visitor.get("/textes/inconnu/versions/").status_code == 404


def test_the_versions_page_reads_the_database_once(
    visitor, facilitator, django_assert_num_queries
):
    for month in ("mars", "juin", "septembre"):
        text_save_draft(key=KEY, body=f"Version de {month}.", author=facilitator)
        text_publish(key=KEY, author=facilitator)

    # 1. the published versions, with their text and publisher
    with django_assert_num_queries(1):
        response = visitor.get(f"/textes/{KEY}/versions/")
    assert response.status_code == 200
