"""Browser tests: Playwright for Python (sync API) driving Debian's Chromium.

Fixtures: ``browser`` (one Chromium per session), ``page`` (desktop) and
``mobile_page`` (375 px) against pytest-django's ``live_server``, ``console``
(the page's console messages) and ``axe_source`` (axe-core, from npm).

Playwright's sync API keeps an asyncio event loop running in the test thread,
and Django then refuses ORM calls from that thread (SynchronousOnlyOperation);
tests create their data with the ORM, hence DJANGO_ALLOW_ASYNC_UNSAFE.
"""

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connections

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 800}


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium n’est pas installé (/usr/bin/chromium).")
    # While Playwright runs, its event loop counts as running in this thread, and
    # Django keeps this thread's connections in a context variable instead of the
    # thread-local slot: a connection left in either slot would outlive the run
    # (the test database could not be dropped). Close them at each switch.
    connections.close_all()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        connections.close_all()
    connections.close_all()


@pytest.fixture
def _e2e_state(transactional_db):
    """A database the live server's thread sees, and fresh rate-limit counters."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page(browser, live_server, _e2e_state):
    """A desktop-sized page in a fresh browser context, in French."""
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR", base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def mobile_page(browser, live_server, _e2e_state):
    """A 375-pixel-wide page, as on a phone."""
    context = browser.new_context(viewport=MOBILE, locale="fr-FR", base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def console(page):
    """Every console message and uncaught error of ``page``, as text."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    return messages


@pytest.fixture
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"axe-core absent : lancez « npm ci » à la racine du projet ({AXE}).")
    return AXE.read_text(encoding="utf-8")
