"""The one store of upload previews: per session, per user, expiring."""

import os
import time

from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from core import previews
from tests.factories import VerifiedUserFactory


def request_of(user, session=None):
    request = RequestFactory().get("/")
    request.user = user
    request.session = session or SessionStore()
    return request


def test_a_preview_is_kept_for_its_session_and_user_then_discarded(db, settings):
    user = VerifiedUserFactory()
    request = request_of(user)

    previews.save_preview(request, kind="k", filename="f.csv", payload=[[1, "a"]])

    assert previews.load_preview(request, kind="k") == previews.Preview("f.csv", [[1, "a"]])
    assert (
        previews.load_preview(request_of(VerifiedUserFactory(), request.session), kind="k") is None
    )
    previews.discard_preview(request, kind="k")
    assert previews.load_preview(request, kind="k") is None
    assert not list(settings.UPLOAD_PREVIEWS_DIR.glob("*.json"))


def test_a_preview_older_than_a_day_is_gone(db, settings):
    request = request_of(VerifiedUserFactory())
    previews.save_preview(request, kind="k", filename="f.csv", payload=[])
    (path,) = settings.UPLOAD_PREVIEWS_DIR.glob("*.json")
    old = time.time() - previews.MAX_AGE_SECONDS - 60
    os.utime(path, (old, old))

    assert previews.load_preview(request, kind="k") is None
    previews.save_preview(
        request_of(VerifiedUserFactory()), kind="k", filename="g.csv", payload=[]
    )
    assert not path.exists()
