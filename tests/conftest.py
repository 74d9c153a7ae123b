"""Fixtures shared by the whole suite: personas and logged-in clients.

Each persona is a ``User``; ``client_of(user)`` returns a test client logged in
as that user (``citizen_client``, ``staff_client``... are shortcuts).
"""

import os
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client

from config.celery import app as celery_app
from cop.models import Role, Side
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RoleAssignmentFactory,
    UserFactory,
    VerifiedUserFactory,
)


def pytest_configure(config):
    """Each pytest-xdist worker gets its own Redis database, as pytest-django gives
    it its own PostgreSQL one: a test's ``cache.clear()`` flushes a whole database."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1"... under xdist only
    cache_settings = django_settings.CACHES["default"]
    if worker and cache_settings["BACKEND"].endswith("RedisCache"):
        url = urlsplit(cache_settings["LOCATION"])
        index = (int(url.path.strip("/") or 0) + 8 * int(worker.removeprefix("gw"))) % 16
        cache_settings["LOCATION"] = url._replace(path=f"/{index}").geturl()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached pages of one test never leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test never land in the developer's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.UPLOAD_PREVIEWS_DIR = tmp_path / "previews"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Personas are created by the dozen: a slow password hash would dominate the run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _celery_in_process():
    """No worker runs during tests: tasks execute where they are enqueued."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


# --- Personas -----------------------------------------------------------------


@pytest.fixture
def visitor(client):
    """Anyone: an anonymous test client."""
    return client


@pytest.fixture
def unverified(db):
    """An account whose email address is not confirmed yet."""
    return UserFactory(email="non-verifie@exemple.test")


@pytest.fixture
def citizen(db):
    return VerifiedUserFactory(email="citoyenne@exemple.test", first_name="Claire")


@pytest.fixture
def stakeholder(db):
    membership = MembershipFactory(
        user=VerifiedUserFactory(email="acteur@exemple.test", first_name="Bruno"),
        organisation=OrganisationFactory(name="CCI Centre-Val de Loire"),
        approved=True,
    )
    return membership.user


@pytest.fixture
def facilitator(db):
    user = VerifiedUserFactory(email="animatrice@exemple.test", first_name="Inès")
    MembershipFactory(
        user=user,
        organisation=OrganisationFactory(name="ADEME Direction régionale Centre-Val de Loire"),
        approved=True,
    )
    RoleAssignmentFactory(user=user, role=Role.FACILITATOR, side=Side.STATE)
    return user


def _staff(email: str, side: str, *, publisher: bool = False):
    user = VerifiedUserFactory(email=email, is_staff=True)
    RoleAssignmentFactory(user=user, role=Role.STAFF, side=side)
    if publisher:
        RoleAssignmentFactory(user=user, role=Role.PUBLISHER, side=side)
    return user


@pytest.fixture
def staff(db):
    """A State (prefecture) agent."""
    return _staff("agent-etat@exemple.test", Side.STATE)


@pytest.fixture
def region_staff(db):
    """A Region agent."""
    return _staff("agent-region@exemple.test", Side.REGION)


@pytest.fixture
def publisher(db):
    """A State agent holding the State's signature (staff and publisher)."""
    return _staff("signataire-etat@exemple.test", Side.STATE, publisher=True)


@pytest.fixture
def region_publisher(db):
    """A Region agent holding the Region's signature (staff and publisher)."""
    return _staff("signataire-region@exemple.test", Side.REGION, publisher=True)


@pytest.fixture
def personas(citizen, stakeholder, facilitator, staff, region_staff, publisher):
    """Every logged-in persona by name (for tests that go role by role)."""
    return {
        "citizen": citizen,
        "stakeholder": stakeholder,
        "facilitator": facilitator,
        "staff": staff,
        "region_staff": region_staff,
        "publisher": publisher,
    }


# --- Logged-in clients ----------------------------------------------------------


@pytest.fixture
def client_of(db):
    """``client_of(user)``: a fresh test client logged in as ``user``."""

    def make(user) -> Client:
        logged_in = Client()
        logged_in.force_login(user)
        return logged_in

    return make


@pytest.fixture
def citizen_client(client_of, citizen):
    return client_of(citizen)


@pytest.fixture
def stakeholder_client(client_of, stakeholder):
    return client_of(stakeholder)


@pytest.fixture
def facilitator_client(client_of, facilitator):
    return client_of(facilitator)


@pytest.fixture
def staff_client(client_of, staff):
    return client_of(staff)


@pytest.fixture
def region_staff_client(client_of, region_staff):
    return client_of(region_staff)


@pytest.fixture
def publisher_client(client_of, publisher):
    return client_of(publisher)
