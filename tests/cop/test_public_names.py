"""A person shown on a public page shows a name or their organisation, never an address."""

import io
import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from cop.models import User
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Pages a visitor cannot read (sign-in forms) or that are not pages (static files).
SKIPPED = ("/admin/", "/comptes/", "/static/", "/media/", "/healthz", "/territoires/")
MAX_PAGES = 150


def test_a_person_with_a_name_shows_the_name(db):
    person = UserFactory(email="claire@exemple.test", first_name="Claire", last_name="Dupont")

    assert person.public_name() == "Claire Dupont"


def test_a_person_without_a_name_shows_their_organisation(db):
    membership = MembershipFactory(
        user=UserFactory(email="sans-nom@exemple.test", first_name="", last_name=""),
        organisation=OrganisationFactory(name="Graine Centre-Val de Loire"),
        approved=True,
    )

    assert membership.user.public_name() == "Graine Centre-Val de Loire"


def test_the_organisation_given_wins_over_a_lookup(db):
    person = UserFactory(email="sans-nom@exemple.test", first_name="", last_name="")
    organisation = OrganisationFactory(name="CCI Centre-Val de Loire")

    assert person.public_name(organisation) == "CCI Centre-Val de Loire"


def test_a_person_without_a_name_nor_an_organisation_shows_a_neutral_label(db):
    person = UserFactory(email="sans-nom@exemple.test", first_name=" ", last_name="")

    assert person.public_name() == "Participant ou participante"
    assert "@" not in person.public_name()


def test_a_pending_membership_does_not_name_the_person(db):
    membership = MembershipFactory(
        user=UserFactory(email="sans-nom@exemple.test", first_name="", last_name=""),
        organisation=OrganisationFactory(name="Organisation pas encore validée"),
    )

    assert membership.user.public_name() == "Participant ou participante"


def crawl(client, start: list[str]) -> dict[str, str]:
    """The site's pages reachable from ``start`` by links, as a visitor sees them."""
    seen: dict[str, str] = {}
    queue = deque(start)
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen or path.startswith(SKIPPED):
            continue
        response = client.get(path)
        body = response.content.decode(errors="replace") if response.status_code == 200 else ""
        seen[path] = body
        for href in re.findall(r'href="([^"#]*)', body):
            parts = urlsplit(href)
            if not parts.netloc and parts.path.startswith("/"):
                queue.append(parts.path)
    return seen


@pytest.fixture
def demo_without_names(db, settings):
    """The demo, every account of which lost its name (as a facilitator may have none)."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    User.objects.update(first_name="", last_name="")


def test_no_public_page_of_the_demo_shows_an_email_address(client, demo_without_names):
    addresses = set(User.objects.values_list("email", flat=True))
    pages = crawl(client, ["/", "/groupes/", "/contributions/", "/reunions/", "/calendrier/"])

    assert len(pages) > 20  # the crawl did reach the groups, contributions and meetings
    leaks = {
        path: sorted({m.group(0) for m in ADDRESS.finditer(body)} & addresses)
        for path, body in pages.items()
    }
    assert {path: found for path, found in leaks.items() if found} == {}
