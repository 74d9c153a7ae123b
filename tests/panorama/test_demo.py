"""The panorama's demo seeder: two saved scenarios of the demo accounts."""

from urllib.parse import parse_qsl, urlencode

from panorama import demo
from panorama.models import Scenario
from panorama.selectors import lever_spec, regional_efforts
from panorama.simulator import parse_query, simulate
from tests.factories import VerifiedUserFactory


def test_it_saves_two_scenarios_and_a_reference_idempotently(sgpe):
    VerifiedUserFactory(email="region@demo.test", is_staff=True)
    VerifiedUserFactory(email="animateur@demo.test")
    lines = []

    demo.seed(lines.append)
    demo.seed(lines.append)

    assert Scenario.objects.count() == 2
    reference = Scenario.objects.get(is_reference=True)
    assert reference.owner.email == "region@demo.test"
    assert len(lines) == 4
    assert "augm_v%C3%A9lotc=260" in Scenario.objects.get(is_reference=False).query


def test_demo_queries_are_already_canonical(sgpe):
    specs = [lever_spec(effort) for effort in regional_efforts(region_code="24")]
    for _email, _name, query, _reference in demo.SCENARIOS:
        canonical = urlencode(parse_qsl(query))
        assert simulate(specs, parse_query(canonical, specs)).query == canonical


def test_it_skips_missing_accounts_with_a_line(db):
    lines = []

    demo.seed(lines.append)

    assert not Scenario.objects.exists()
    assert lines[0] == (
        "panorama : compte region@demo.test absent, "
        "scénario « Mobilité électrique renforcée » ignoré."
    )
