"""Existing organisations reviewed before names become unique up to case and accents.

A migration of its own: PostgreSQL refuses to alter or index a table in the
transaction that just updated its rows (pending trigger events).
"""

from django.db import migrations


def review_existing(apps, schema_editor):
    """Existing organisations stay listed, except those a person proposed that nobody was
    approved into yet: staff review them. Names equal up to case, accents and spacing
    (which the unique constraint of 0007 refuses) keep the oldest; the others are
    renamed and sent back to staff. Rerunnable: it only fills and renames."""
    from cop.models.accounts import fold_name  # the very function the model saves with

    Organisation = apps.get_model("cop", "Organisation")
    Membership = apps.get_model("cop", "Membership")
    approved_into = Membership.objects.filter(status="approved").values("organisation_id")
    Organisation.objects.filter(proposed_by__isnull=False).exclude(
        pk__in=approved_into
    ).update(status="pending")
    seen: set[str] = set()
    for organisation in Organisation.objects.order_by("created_at", "pk"):
        folded = fold_name(organisation.name)
        if folded in seen:
            suffix = f" (doublon n° {organisation.pk})"
            organisation.name = organisation.name[: 200 - len(suffix)] + suffix
            organisation.status = "pending"
            folded = fold_name(organisation.name)
        seen.add(folded)
        organisation.folded_name = folded
        organisation.save(update_fields=["name", "status", "folded_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("cop", "0005_organisation_approval"),
    ]

    operations = [
        migrations.RunPython(review_existing, migrations.RunPython.noop),
    ]
