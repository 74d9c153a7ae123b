"""With the cache down, the per-person limits let people through: never a 500.

A private redis-server (its own port) serves as the cache, then the test stops
it in the middle, as an outage would.
"""

import pytest
from django.urls import reverse

from tests.faults import PrivateRedis
from tests.workshops.factories import ContributionFactory, make_stakeholder
from workshops.models import Comment, Support

pytestmark = pytest.mark.slow

HTMX = {"HX-Request": "true"}


@pytest.fixture
def private_redis(settings):
    # Django's own Redis cache, not the resilient one: the limits must fail open by themselves.
    server = PrivateRedis()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.COP_RATE_LIMITS = {**settings.COP_RATE_LIMITS, "comment": "1/h", "support": "1/h"}
    yield server
    server.stop()


@pytest.fixture
def contributions(group):
    author = make_stakeholder("autrice@exemple.test")
    return [ContributionFactory(group=group, author=author, title=f"Idée {n}") for n in range(3)]


def test_with_the_cache_stopped_comments_are_published_past_the_limit(
    private_redis, client_of, stakeholder, contributions
):
    client = client_of(stakeholder)
    urls = [reverse("workshops:comment_create", args=[c.pk]) for c in contributions]
    client.post(urls[0], {"body": "Premier."})
    # The limit is counted in the private Redis: the second comment is refused.
    assert client.post(urls[1], {"body": "Deuxième."}).status_code == 429

    private_redis.stop()
    response = client.post(urls[1], {"body": "Pendant la panne."})
    partial = client.post(urls[2], {"body": "En htmx pendant la panne."}, headers=HTMX)

    assert response.status_code == 302
    assert partial.status_code == 200
    assert "Votre commentaire est publié." in partial.content.decode()
    assert Comment.objects.count() == 3


def test_with_the_cache_stopped_supports_are_counted(
    private_redis, client_of, stakeholder, contributions
):
    client = client_of(stakeholder)

    private_redis.stop()
    responses = [
        client.post(reverse("workshops:support", args=[c.pk]), headers=HTMX) for c in contributions
    ]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert Support.objects.count() == 3
