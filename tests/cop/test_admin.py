"""The admin: agents manage the calendar; the audit log is read-only."""

import pytest
from django.urls import reverse

from tests.factories import AuditEventFactory, MembershipFactory


@pytest.mark.parametrize(
    "model",
    [
        "organisation",
        "membership",
        "edition",
        "plenarysession",
        "roleassignment",
        "auditevent",
        "document",
    ],
)
def test_an_agent_opens_each_list_of_the_process_core(staff_client, model):
    response = staff_client.get(reverse(f"admin:cop_{model}_changelist"))
    assert response.status_code == 200


def test_an_agent_may_add_an_edition(staff_client):
    response = staff_client.get(reverse("admin:cop_edition_add"))
    assert response.status_code == 200


def test_the_audit_log_cannot_be_changed_even_by_a_superuser(admin_client, db):
    event = AuditEventFactory()
    assert admin_client.get(reverse("admin:cop_auditevent_add")).status_code == 403
    response = admin_client.post(
        reverse("admin:cop_auditevent_change", args=[event.pk]), {"action": "x"}
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.action != "x"


def test_an_agent_reads_memberships_in_the_admin_but_decides_them_on_the_page(staff_client):
    membership = MembershipFactory()
    response = staff_client.post(
        reverse("admin:cop_membership_change", args=[membership.pk]), {"status": "approved"}
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == "pending"


def test_a_stakeholder_cannot_enter_the_admin(stakeholder_client):
    response = stakeholder_client.get(reverse("admin:index"))
    assert response.status_code == 302
