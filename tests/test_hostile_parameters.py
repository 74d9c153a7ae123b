"""Hostile values sent to every request parameter that reaches a query or a number.

Each case names a page, the persona that may use it and the parameter; every value of
``HOSTILE`` is sent in turn. Expected: a 4xx or a page that says what is wrong, never
a 500, nothing written, and no value left for the last line of defence
(``core.params.BadParameterMiddleware`` logs when it has to step in).
"""

import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.utils import timezone

from cop.models import Side
from panorama.services import levers_import
from tests.factories import AuditEventFactory, EditionFactory
from tests.panorama.conftest import sgpe_rows  # noqa: F401 (a fixture)
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    GroupFacilitatorFactory,
    GroupMembershipFactory,
    MeetingFactory,
    RegistrationFactory,
    WorkingGroupFactory,
)

HOSTILE = [
    "²",
    "١٢",
    "-1",
    "-0",
    "7 7",
    "1e308",
    "inf",
    "nan",
    "9223372036854775808",  # bigint + 1
    "\x00",
    "\x1b[31m",
    "x" * 10_000,
    "0001-01-01T00:00",
    "' OR 1=1 --",
]

LEVER = "augm_voitelec"


@dataclass
class Case:
    persona: str  # "visitor", "citizen", "member", "staff"
    method: str
    url: str  # may name {contribution}, {comment}, {meeting}, {registration}, {group}
    param: str
    data: dict = field(default_factory=dict)  # the other parameters, valid
    sgpe: bool = False
    text: bool = False  # free text: "²" is a fine comment, NUL or 10,000 characters are not
    inside: str = ""  # the value goes inside a query string, as this key

    def __str__(self) -> str:
        return f"{self.method} {self.url} {self.param}"


MEETING_FORM = {
    "kind": "group_session",
    "title": "Séance",
    "group": "{group_pk}",
    "starts_at": "2030-03-14T14:00",
    "ends_at": "2030-03-14T17:00",
    "place": "Orléans",
}

CASES = [
    # The simulator, its exports and saving a scenario.
    Case("visitor", "get", "/panorama/simulateur/", f"t-{LEVER}", sgpe=True),
    Case("visitor", "get", "/panorama/simulateur/", f"c-{LEVER}", sgpe=True),
    Case("visitor", "get", "/panorama/simulateur/", f"p-{LEVER}", {"prev": ""}, sgpe=True),
    Case("visitor", "get", "/panorama/simulateur/", f"t-{LEVER}", {"prev": ""}, sgpe=True),
    Case("visitor", "get", "/panorama/simulateur/", "prev", {f"t-{LEVER}": "600"}, sgpe=True),
    Case("visitor", "get", "/panorama/simulateur/export.csv", f"t-{LEVER}", sgpe=True),
    Case("visitor", "get", "/panorama/simulateur/export.xlsx", f"c-{LEVER}", sgpe=True),
    Case(
        "citizen",
        "post",
        "/panorama/scenarios/enregistrer/",
        "query",
        {"name": "S"},
        sgpe=True,
        inside=f"t-{LEVER}",
    ),
    Case(
        "citizen",
        "post",
        "/panorama/scenarios/enregistrer/",
        "name",
        {"query": ""},
        sgpe=True,
        text=True,
    ),
    Case("citizen", "get", "/panorama/scenarios/comparer/", "a", sgpe=True),
    Case("citizen", "get", "/panorama/scenarios/comparer/", "b", sgpe=True),
    Case("visitor", "get", "/panorama/biodiversite-ressources/", "tag"),
    Case("visitor", "get", "/panorama/biodiversite-ressources/", "territorial"),
    Case("visitor", "get", "/panorama/departements/", "departement"),
    # The calendar and the meetings.
    Case("visitor", "get", "/calendrier/", "edition"),
    Case("visitor", "get", "/reunions/", "groupe"),
    Case("visitor", "get", "/reunions/", "departement"),
    Case("visitor", "get", "/reunions/", "page"),
    Case("visitor", "get", "/reunions/calendrier.ics", "groupe"),
    Case("staff", "get", "/reunions/nouvelle/", "groupe"),
    *(
        Case("staff", "post", "/reunions/nouvelle/", name, MEETING_FORM)
        for name in ("starts_at", "ends_at", "capacity", "group", "kind", "departement")
    ),
    Case("staff", "post", "/reunions/nouvelle/", "title", MEETING_FORM, text=True),
    *(
        Case("staff", "post", "/reunions/{meeting}/modifier/", name, MEETING_FORM)
        for name in ("starts_at", "ends_at", "capacity")
    ),
    Case("staff", "post", "/reunions/{meeting}/presences/{registration}/", "attended"),
    # Contributions, comments, supports, moderation.
    Case("member", "get", "/contributions/nouvelle/", "reunion"),
    Case("member", "get", "/contributions/nouvelle/", "groupe"),
    Case(
        "member", "post", "/contributions/{contribution}/commentaires/", "parent", {"body": "Oui"}
    ),
    Case("member", "post", "/contributions/{contribution}/commentaires/", "body", text=True),
    Case("member", "post", "/contributions/{contribution}/soutien/", "action"),
    Case("member", "get", "/contributions/territoires/", "territory"),
    *(
        Case("visitor", "get", "/contributions/", name)
        for name in ("q", "type", "levier", "groupe", "departement", "statut", "page")
    ),
    Case("visitor", "get", "/groupes/{group}/contributions/", "levier"),
    Case("visitor", "get", "/groupes/{group}/contributions/", "page"),
    Case("staff", "post", "/moderation/", "items", {"action": "hide", "reason": "Hors sujet"}),
    Case("staff", "post", "/moderation/", "action", {"items": "contribution:{contribution}"}),
    Case("staff", "post", "/contributions/{contribution}/fusionner/", "target"),
    # The territories and the staff pages.
    Case("visitor", "get", "/territoires/", "q"),
    Case("visitor", "get", "/territoires/", "page", {"q": "or"}),
    Case("staff", "get", "/suivi/journal/", "action"),
    Case("staff", "get", "/suivi/journal/", "page"),
]


def _counts() -> tuple[int, ...]:
    """The row count of every table of the platform's apps, in one query."""
    tables = [
        m._meta.db_table
        for m in apps.get_models()
        if m._meta.app_label in {"cop", "panorama", "territories", "workshops"}
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f'(SELECT count(*) FROM "{t}")' for t in tables))
        return tuple(cursor.fetchone())


@pytest.fixture
def world(request, db, settings, client_of, stakeholder, staff, citizen):
    settings.COP_REGION_CODE = "24"
    if request.node.callspec.params["case"].sgpe:
        # A few real levers of the region: the simulator renders them all, per value.
        rows = request.getfixturevalue("sgpe_rows")
        few = {LEVER, "reduc_rfioul", "ferro_voy"}
        levers_import(rows=[r for r in rows if r.region_code == "24" and r.slug in few])
    group = WorkingGroupFactory(slug="mobilite", name="Mobilité")
    GroupFacilitatorFactory(group=group, user=staff, side=Side.STATE)
    GroupMembershipFactory(
        group=group, user=stakeholder, organisation=stakeholder.memberships.first().organisation
    )
    contribution = ContributionFactory(group=group)
    ContributionFactory(group=group)
    comment = CommentFactory(contribution=contribution)
    meeting = MeetingFactory(group=group)
    registration = RegistrationFactory(meeting=meeting)
    EditionFactory(year=timezone.localdate().year)
    AuditEventFactory()
    clients = {
        "visitor": Client(),
        "citizen": client_of(citizen),
        "member": client_of(stakeholder),
        "staff": client_of(staff),
    }
    names = {
        "contribution": contribution.pk,
        "comment": comment.pk,
        "meeting": meeting.pk,
        "registration": registration.pk,
        "group": group.slug,
        "group_pk": group.pk,
    }
    return clients, names


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_values_are_refused_without_a_500_or_a_write(case, world, caplog):
    clients, names = world
    client = clients[case.persona]
    url = case.url.format(**names)
    for value in HOSTILE:
        before = _counts()
        data = {key: str(v).format(**names) for key, v in case.data.items()}
        data[case.param] = urlencode({case.inside: value}) if case.inside else value
        with caplog.at_level(logging.ERROR, logger="core.params"):
            response = getattr(client, case.method)(url, data)
        assert response.status_code < 500, (value, response.status_code)
        if case.method == "post" or response.status_code >= 400:
            assert response.status_code in (200, 302, 400, 403, 404), (value, response)
        assert not [r for r in caplog.records if r.name == "core.params"], (
            f"{value!r} reached the last line of defence"
        )
        if not (case.text and _fine_text(value)):
            assert _counts() == before, value


def _fine_text(value: str) -> bool:
    return len(value) <= 200 and not any(ord(char) < 32 for char in value)
