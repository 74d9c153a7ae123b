"""Files of the working groups are downloaded through the one checked view, DEBUG or not."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.factories import VerifiedUserFactory
from tests.workshops.factories import (
    GroupDocumentFactory,
    GroupFacilitatorFactory,
    MeetingFactory,
)
from workshops.models import MeetingAttachment

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.fixture(autouse=True)
def _production_mode(settings):
    settings.DEBUG = False


def attach(meeting, name="compte-rendu.pdf", content=PDF):
    attachment = MeetingAttachment(meeting=meeting, title="Compte rendu")
    attachment.file.save(name, ContentFile(content), save=True)
    return attachment


@pytest.fixture
def past_meeting(group):
    return MeetingFactory(group=group, starts_at=timezone.now() - dt.timedelta(days=2))


@pytest.fixture
def published(past_meeting):
    past_meeting.minutes = "Ce qui a été dit."
    past_meeting.minutes_published_at = timezone.now()
    past_meeting.save()
    return attach(past_meeting)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_an_attachment_of_published_minutes_is_downloaded_by_anyone(visitor, published):
    response = visitor.get(published.file.url)

    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"


def test_a_download_is_an_attachment_that_cannot_run_as_a_page(visitor, published):
    response = visitor.get(published.file.url)

    assert response["Content-Disposition"].startswith("attachment; ")
    assert "filename*=UTF-8''compte-rendu.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")


def test_the_meeting_page_links_to_the_download_view(visitor, published):
    page = visitor.get(f"/reunions/{published.meeting_id}/").content.decode()

    assert f'href="{published.file.url}"' in page
    assert visitor.get(published.file.url).status_code == 200


def test_an_attachment_of_unpublished_minutes_is_not_found_for_visitors_and_members(
    visitor, client_of, stakeholder, past_meeting
):
    attachment = attach(past_meeting)

    assert visitor.get(attachment.file.url).status_code == 404
    assert client_of(stakeholder).get(attachment.file.url).status_code == 404


def test_an_attachment_of_unpublished_minutes_is_downloaded_by_those_who_run_the_meeting(
    client_of, group_facilitator, staff, facilitator_of_other_group, past_meeting
):
    attachment = attach(past_meeting)

    assert client_of(group_facilitator).get(attachment.file.url).status_code == 200
    assert client_of(staff).get(attachment.file.url).status_code == 200
    assert client_of(facilitator_of_other_group).get(attachment.file.url).status_code == 404


@pytest.fixture
def facilitator_of_other_group(other_group):
    return GroupFacilitatorFactory(
        group=other_group, user=VerifiedUserFactory(email="autre-animateur@exemple.test")
    ).user


def test_a_group_document_is_downloaded_from_the_group_page(visitor, group):
    document = GroupDocumentFactory.build(group=group, url="")
    document.file.save("note de cadrage é.pdf", ContentFile(PDF), save=True)

    page = visitor.get(f"/groupes/{group.slug}/").content.decode()
    response = visitor.get(document.file.url)

    assert f'href="{document.file.url}"' in page
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert 'filename="note_de_cadrage_e.pdf"' in disposition
    assert "filename*=UTF-8''note_de_cadrage_%C3%A9.pdf" in disposition


def test_a_file_no_object_owns_is_not_served(visitor, settings, published):
    stray = settings.MEDIA_ROOT / "reunions" / "pieces-jointes" / "orphelin.pdf"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(PDF)

    assert visitor.get("/media/reunions/pieces-jointes/orphelin.pdf").status_code == 404
    assert visitor.get("/media/../settings.py").status_code == 404


def test_a_stored_file_of_a_type_off_the_list_is_served_as_opaque_bytes(visitor, past_meeting):
    # A file stored before the validator existed: it must still never render.
    past_meeting.minutes_published_at = timezone.now()
    past_meeting.save()
    attachment = attach(past_meeting, name="ancien.html", content=b"<script>alert(1)</script>")

    response = visitor.get(attachment.file.url)

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")


def test_a_download_answers_head_but_refuses_post(visitor, published):
    assert visitor.head(published.file.url).status_code == 200
    assert visitor.post(published.file.url).status_code == 405
