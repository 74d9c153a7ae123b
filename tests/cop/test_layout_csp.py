"""The CSP holds: scripts carry the nonce, no inline style, script or handler."""

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/comptes/login/",
    "/comptes/signup/",
    "/accessibilite/",
    "/mentions-legales/",
    "/donnees-personnelles/",
    "/calendrier/",
    "/territoires/",
]


class _InlineFinder(HTMLParser):
    """Collects what a strict CSP would block or what must carry the nonce."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.blocked: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
        if tag == "style":
            self.blocked.append("<style>")
        if "style" in attributes:
            self.blocked.append(f"<{tag} style=…>")
        self.blocked.extend(f"<{tag} {name}=…>" for name in attributes if name.startswith("on"))
        href = attributes.get("href") or ""
        if href.startswith("javascript:"):
            self.blocked.append(f"<{tag} href=javascript:…>")


def inspect(html: str) -> _InlineFinder:
    finder = _InlineFinder()
    finder.feed(html)
    return finder


def test_the_csp_allows_no_inline_script_or_style(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))

    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert "'nonce-" in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert (
        "http" not in directives["script-src"] + directives["style-src"] + directives["font-src"]
    )


@pytest.mark.parametrize("url", PAGES)
def test_every_script_carries_the_nonce_of_the_response(client, url):
    response = client.get(url)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)

    scripts = inspect(response.content.decode()).scripts

    assert len(scripts) >= 3  # DSFR module and nomodule, htmx
    assert [s for s in scripts if s.get("nonce") != nonce] == []


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_no_inline_style_or_event_handler(client, url):
    assert inspect(client.get(url).content.decode()).blocked == []


def test_signed_in_pages_have_no_inline_style_or_event_handler(citizen_client):
    for url in ["/", "/comptes/email/", "/comptes/password/change/"]:
        assert inspect(citizen_client.get(url).content.decode()).blocked == [], url


def test_every_asset_is_served_by_the_platform(client):
    page = client.get("/").content.decode()

    sources = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', page)
    assert sources
    assert [s for s in sources if not s.startswith("/static/")] == []
