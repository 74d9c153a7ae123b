"""Settings of the benchmarks: production values, unhashed static files, and a bare page.

Used by ``bench_workshops.py`` and ``load.py`` (with this folder on the path). The
URLconf ``bench_urls`` adds ``/bench/nue/`` to the platform's, for the benchmarks only.
"""

from pathlib import Path

from config.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ROOT_URLCONF = "bench_urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], Path(__file__).resolve().parent / "templates"]  # noqa: F405

# The benchmarks speak plain HTTP on loopback (no TLS proxy in front): cookies that
# only travel over HTTPS would never come back, and nobody could sign in.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
