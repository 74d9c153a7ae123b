"""Who may do what with contributions, role by role (as the pages answer them).

Posting in a group needs membership (or facilitating the group, or staff);
commenting and supporting need a stakeholder (any group); anyone signed in may
report; the group's facilitators and staff moderate, see the queue and the
synthesis.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from cop.models import Side
from tests.factories import VerifiedUserFactory
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    GroupFacilitatorFactory,
    MeetingFactory,
    make_stakeholder,
)

ROLES = [
    "visitor",
    "citizen",
    "outsider",
    "member",
    "group_facilitator",
    "other_facilitator",
    "staff",
]
LOGIN = "/comptes/login/"


@pytest.fixture
def outsider(db):
    """A stakeholder who is not a member of the group."""
    return make_stakeholder("hors-groupe@exemple.test")


@pytest.fixture
def other_facilitator(other_group):
    """A facilitator of another group, with no organisation of their own."""
    user = VerifiedUserFactory(email="autre-animateur@exemple.test")
    GroupFacilitatorFactory(group=other_group, user=user, side=Side.REGION)
    return user


@pytest.fixture
def contribution(group, member):
    return ContributionFactory(group=group, author=member, title="Covoiturage rural")


@pytest.fixture
def as_role(request, client, client_of, contribution, group_facilitator):
    """``as_role(name)``: the test client of a persona (anonymous for the visitor)."""

    def make(role):
        if role == "visitor":
            return client
        return client_of(request.getfixturevalue(role))

    return make


def _answer(response) -> str:
    if response.status_code == 302 and response.url.startswith(LOGIN):
        return "login"
    return {200: "ok", 302: "ok", 403: "refused"}.get(response.status_code, response.status_code)


EXPECTED = {
    # role:             post  comment   support   report    moderate  queue     synthesis
    "visitor":         ("login", "login", "login", "login", "login", "login", "login"),
    "citizen":         ("refused", "refused", "refused", "ok", "refused", "refused", "refused"),
    "outsider":        ("refused", "ok", "ok", "ok", "refused", "refused", "refused"),
    "member":          ("ok", "ok", "ok", "ok", "refused", "refused", "refused"),
    "group_facilitator": ("ok", "ok", "ok", "ok", "ok", "ok", "ok"),
    "other_facilitator": ("refused", "refused", "refused", "ok", "refused", "ok", "refused"),
    "staff":           ("ok", "ok", "refused", "ok", "ok", "ok", "ok"),
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_post_in_the_group_only_if_it_belongs_to_it(as_role, role, group):
    response = as_role(role).get(reverse("workshops:contribution_create") + "?groupe=mobilite")
    assert _answer(response) == EXPECTED[role][0]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_comment_only_as_a_stakeholder_or_moderator(as_role, role, contribution):
    response = as_role(role).post(
        reverse("workshops:comment_create", args=[contribution.pk]), {"body": "D’accord."}
    )
    assert _answer(response) == EXPECTED[role][1]
    assert contribution.comments.exists() == (EXPECTED[role][1] == "ok")


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_support_only_as_a_stakeholder(as_role, role, contribution):
    response = as_role(role).post(reverse("workshops:support", args=[contribution.pk]))
    assert _answer(response) == EXPECTED[role][2]
    contribution.refresh_from_db()
    assert contribution.support_count == (1 if EXPECTED[role][2] == "ok" else 0)


@pytest.mark.parametrize("role", ROLES)
def test_anyone_signed_in_may_report(as_role, role, contribution):
    response = as_role(role).get(reverse("workshops:contribution_report", args=[contribution.pk]))
    assert _answer(response) == EXPECTED[role][3]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_groups_facilitators_and_staff_moderate(as_role, role, contribution):
    response = as_role(role).post(
        reverse("workshops:contribution_moderate", args=[contribution.pk]),
        {"reason": "Hors sujet."},
    )
    assert _answer(response) == EXPECTED[role][4]
    contribution.refresh_from_db()
    assert (contribution.status == "hidden") == (EXPECTED[role][4] == "ok")


@pytest.mark.parametrize("role", ROLES)
def test_the_moderation_queue_is_for_facilitators_and_staff(as_role, role):
    response = as_role(role).get(reverse("workshops:moderation"))
    assert _answer(response) == EXPECTED[role][5]


@pytest.mark.parametrize("role", ROLES)
def test_the_synthesis_is_for_the_groups_facilitators_and_staff(as_role, role, group):
    for name in ("workshops:group_synthesis", "workshops:group_synthesis_csv"):
        response = as_role(role).get(reverse(name, args=[group.slug]))
        assert _answer(response) == EXPECTED[role][6]


@pytest.mark.parametrize("role", ROLES)
def test_everybody_reads_contributions_and_their_lists(as_role, role, contribution, group):
    client = as_role(role)
    for url in (
        contribution.get_absolute_url(),
        reverse("workshops:contributions"),
        reverse("workshops:group_contributions", args=[group.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "Covoiturage rural" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_only_the_author_edits_a_contribution(as_role, role, contribution):
    response = as_role(role).get(reverse("workshops:contribution_edit", args=[contribution.pk]))
    expected = "ok" if role == "member" else ("login" if role == "visitor" else "refused")
    assert _answer(response) == expected


def test_a_refusal_says_why_in_french(client_of, outsider, group):
    response = client_of(outsider).get(
        reverse("workshops:contribution_create") + "?groupe=mobilite"
    )
    assert response.status_code == 403
    assert "demandez d’abord à le rejoindre" in response.content.decode()


PERMISSIONS = {
    # permission: (object, roles holding it)
    "workshops.contribute_in_group": ("group", {"member", "group_facilitator", "staff"}),
    "workshops.contribute_in_meeting": ("meeting", {"group_facilitator", "staff"}),
    "workshops.change_own_contribution": ("contribution", {"member"}),
    "workshops.comment_contribution": (
        "contribution",
        {"outsider", "member", "group_facilitator", "staff"},
    ),
    "workshops.support_contribution": (
        "contribution",
        {"outsider", "member", "group_facilitator"},
    ),
    "workshops.report_contribution": ("contribution", set(ROLES) - {"visitor"}),
    "workshops.report_comment": ("comment", set(ROLES) - {"visitor"}),
    "workshops.moderate_contribution": ("contribution", {"group_facilitator", "staff"}),
    "workshops.moderate_comment": ("comment", {"group_facilitator", "staff"}),
    "workshops.retain_contribution": ("contribution", {"group_facilitator", "staff"}),
    "workshops.view_moderation_queue": (None, {"group_facilitator", "other_facilitator", "staff"}),
    "workshops.view_group_synthesis": ("group", {"group_facilitator", "staff"}),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_permission_for_each_role(request, role, contribution, group, group_facilitator):
    user = AnonymousUser() if role == "visitor" else request.getfixturevalue(role)
    objects = {
        "group": group,
        "meeting": MeetingFactory(group=group),
        "contribution": contribution,
        "comment": CommentFactory(contribution=contribution),
        None: None,
    }

    held = {
        perm for perm, (kind, _roles) in PERMISSIONS.items() if user.has_perm(perm, objects[kind])
    }

    assert held == {perm for perm, (_kind, roles) in PERMISSIONS.items() if role in roles}


def test_a_hidden_contribution_can_no_longer_be_commented_supported_or_reported(
    stakeholder, contribution
):
    contribution.status = "hidden"
    contribution.moderation_reason = "Hors sujet."

    for perm in ("comment", "support", "report"):
        assert not stakeholder.has_perm(f"workshops.{perm}_contribution", contribution)
