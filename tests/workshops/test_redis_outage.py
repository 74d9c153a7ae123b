"""With Redis stopped, the site serves, writes succeed and say so, and the emails wait.

A private ``redis-server`` (started and stopped here) is the cache and the broker;
the test stops it, uses the site, then starts it again and drains the outbox.
"""

import pytest
from django.urls import reverse

from config.celery import app as celery_app
from cop import health
from cop.models import Notification, QueuedTask
from cop.tasks import sweep_outbox
from tests.factories import PASSWORD
from tests.faults import PrivateRedis
from tests.workshops.factories import ContributionFactory, GroupFollowFactory, make_stakeholder
from workshops.models import Comment, Contribution

pytestmark = pytest.mark.slow


@pytest.fixture
def redis(settings, monkeypatch):
    server = PrivateRedis()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "retry_after": 5},
        }
    }
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", server.url)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    health.snapshot.clear()
    yield server
    server.stop()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    health.snapshot.clear()


@pytest.fixture
def author(db):
    return make_stakeholder("autrice@exemple.test")


@pytest.fixture
def contribution(group, author):
    return ContributionFactory(group=group, author=author, title="Haies bocagères")


@pytest.fixture
def follower(group):
    person = make_stakeholder("abonne@exemple.test")
    GroupFollowFactory(group=group, user=person)
    return person


def test_with_redis_stopped_pages_serve_and_sign_in_works(client, redis, author):
    redis.stop()

    assert client.get("/").status_code == 200
    assert client.get(reverse("workshops:contributions")).status_code == 200
    response = client.post("/comptes/login/", {"login": author.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.get(reverse("cop:profile")).status_code == 200


def test_with_redis_stopped_writes_succeed_say_so_and_their_emails_wait(
    client_of,
    redis,
    member,
    follower,
    contribution,
    group_facilitator,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    redis.stop()

    with django_capture_on_commit_callbacks(execute=True):
        posted = client_of(member).post(
            reverse("workshops:contribution_create") + "?groupe=mobilite",
            {"kind": "proposal", "title": "Navettes vers les gares", "body": "Des navettes."},
            follow=True,
        )
        commented = client_of(member).post(
            reverse("workshops:comment_create", args=[contribution.pk]),
            {"body": "Je partage ce constat."},
            follow=True,
        )
        hidden = client_of(group_facilitator).post(
            reverse("workshops:contribution_moderate", args=[contribution.pk]),
            {"reason": "Hors sujet."},
            follow=True,
        )

    assert posted.status_code == 200
    assert "Votre contribution est publiée." in posted.content.decode()
    assert commented.status_code == 200
    assert "Votre commentaire est publié." in commented.content.decode()
    assert hidden.status_code == 200
    assert "La contribution est masquée" in hidden.content.decode()
    assert Contribution.objects.filter(title="Navettes vers les gares").exists()
    assert Comment.objects.filter(body="Je partage ce constat.").exists()
    assert mailoutbox == []
    # The comment and the hiding are told to the author; the fan-out waits as a task.
    assert Notification.objects.filter(user=contribution.author, sent_at=None).count() == 2
    assert QueuedTask.objects.filter(task="workshops.tasks_contributions.notify_group_followers")

    body = client_of(member).get("/healthz").json()
    assert body["status"] == "degraded"
    assert body["cache"]["ok"] is False
    assert body["broker"]["ok"] is False
    assert body["outbox"]["tasks"]["waiting"] == 1

    # Redis is back and a worker runs: the periodic sender drains the outbox, once.
    redis.start()
    celery_app.conf.task_always_eager = True
    with django_capture_on_commit_callbacks(execute=True):
        sweep_outbox.delay()
        sweep_outbox.delay()

    assert not QueuedTask.objects.exists()
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "autrice@exemple.test",
        "autrice@exemple.test",
    ]
    assert Notification.objects.filter(user=follower, kind="group_contribution").count() == 1
