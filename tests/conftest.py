"""Fixtures shared by the whole suite."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test never land in the developer's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
