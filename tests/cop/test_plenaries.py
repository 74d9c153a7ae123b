"""The next plenary session, and the documents of a session."""

import datetime as dt

import pytest
from django.db import IntegrityError

from cop.models import Document, PlenarySession
from tests.cop.conftest import PARIS
from tests.factories import DocumentFactory, PlenarySessionFactory


def test_the_next_plenary_is_the_first_public_one_not_yet_started(
    launch_plenary, adoption_plenary
):
    PlenarySessionFactory(
        edition=adoption_plenary.edition,
        title="Séance à huis clos",
        starts_at=dt.datetime(2024, 6, 1, 10, tzinfo=PARIS),
        is_public=False,
    )
    now = dt.datetime(2024, 1, 10, tzinfo=PARIS)
    assert PlenarySession.objects.next(now) == adoption_plenary
    assert list(PlenarySession.objects.past(now)) == [launch_plenary]


def test_there_is_no_next_plenary_once_the_last_one_started(adoption_plenary):
    assert PlenarySession.objects.next(dt.datetime(2024, 9, 19, 15, tzinfo=PARIS)) is None


def test_a_document_needs_a_file_or_a_link(launch_plenary):
    with pytest.raises(IntegrityError):
        DocumentFactory(plenary=launch_plenary, url="")


def test_a_document_links_to_its_url_when_it_has_no_file(launch_plenary):
    document = Document.objects.get(plenary=launch_plenary)
    assert document.href == "https://exemple.test/diaporama-lancement.pdf"
