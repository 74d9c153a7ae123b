"""The DSFR layout runs under the strict CSP: no violation, JS and fonts from /static/."""

import pytest

pytestmark = pytest.mark.e2e

# Registered before any page script runs; init scripts are not subject to the CSP.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def csp_messages(console: list[str]) -> list[str]:
    return [m for m in console if "Content Security Policy" in m or "Content-Security-Policy" in m]


def test_no_csp_violation_is_reported_on_the_home_login_and_signup_pages(page, console):
    page.add_init_script(RECORD_VIOLATIONS)

    for url in ["/", "/comptes/login/", "/comptes/signup/"]:
        page.goto(url, wait_until="networkidle")

        assert csp_messages(console) == [], url
        assert page.evaluate("window.__cspViolations") == [], url


def test_the_dsfr_javascript_runs_under_the_csp(page):
    page.goto("/", wait_until="networkidle")

    # The DSFR marks the document once its JavaScript has started.
    assert page.evaluate("document.documentElement.hasAttribute('data-fr-js')")
    assert page.evaluate("typeof window.htmx") == "object"


def test_the_marianne_font_and_icons_load_from_the_platform(page, live_server):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto("/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")

    assert page.evaluate(
        "[...document.fonts].some(f => f.family.includes('Marianne') && f.status === 'loaded')"
    )
    assert any("/static/dsfr/dist/fonts/Marianne" in url for url in requests)
    assert any("/static/dsfr/dist/icons/" in url for url in requests)
    assert [url for url in requests if not url.startswith((live_server.url, "data:"))] == []
