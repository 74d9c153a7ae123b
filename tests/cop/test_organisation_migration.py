"""The migration to approved organisations and folded names keeps existing rows valid."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("cop", "0004_notifications")]
AFTER = [("cop", "0007_organisation_folded_name_unique")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_organisations_are_reviewed_and_copies_renamed():
    old = migrate(BEFORE)
    try:
        User = old.get_model("cop", "User")
        Organisation = old.get_model("cop", "Organisation")
        Membership = old.get_model("cop", "Membership")
        person = User.objects.create(email="ancienne@exemple.test", password="x")
        now = timezone.now()
        listed = Organisation.objects.create(
            name="Électricité de France", college="socio_economic", created_at=now
        )
        copy = Organisation.objects.create(
            name="electricite  de france",
            college="socio_economic",
            proposed_by=person,
            created_at=now + dt.timedelta(seconds=1),
        )
        lone = Organisation.objects.create(
            name="Collectif proposé", college="associations", proposed_by=person, created_at=now
        )
        joined = Organisation.objects.create(
            name="Proposée et rejointe", college="associations", proposed_by=person, created_at=now
        )
        Membership.objects.create(user=person, organisation=joined, status="approved")

        new = migrate(AFTER)

        rows = {o.pk: o for o in new.get_model("cop", "Organisation").objects.all()}
        assert rows[listed.pk].status == "approved"
        assert rows[listed.pk].name == "Électricité de France"
        assert rows[copy.pk].status == "pending"
        assert rows[copy.pk].name == f"electricite  de france (doublon n° {copy.pk})"
        assert rows[lone.pk].status == "pending"  # nobody checked it yet
        assert rows[joined.pk].status == "approved"  # staff accepted someone into it
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
