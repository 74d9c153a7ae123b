"""Helpers of the browser tests: axe-core scans and logging in."""

from playwright.sync_api import expect

from tests.factories import PASSWORD

BLOCKING = {"serious", "critical"}


def violations(page, axe_source: str) -> list[dict]:
    """The axe-core violations of the page as it is now."""
    # page.evaluate goes through the DevTools protocol, which the page's CSP
    # does not govern (add_script_tag would inject an inline script it blocks).
    page.evaluate(axe_source)
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" ")),
            }));
        }"""
    )


def report(url: str, found: list[dict]) -> str:
    lines = [f"axe-core : {len(found)} violation(s) bloquante(s) sur {url}"]
    for v in found:
        lines.append(f"  - {v['id']} [{v['impact']}] {v['help']}")
        lines.extend(f"      {target}" for target in v["targets"][:10])
    return "\n".join(lines)


def scan(page, axe_source: str, urls) -> list[str]:
    """Open each page (200 expected) and report its serious or critical violations."""
    reports = []
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        found = [v for v in violations(page, axe_source) if v["impact"] in BLOCKING]
        if found:
            reports.append(report(url, found))
    return reports


def log_in(page, email: str, password: str = PASSWORD) -> None:
    """Log in through the login form and wait for the signed-in header."""
    page.goto("/comptes/login/")
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.locator("main").get_by_role("button", name="Se connecter").click()
    expect(page.locator("header").get_by_role("button", name="Se déconnecter")).to_be_visible()
