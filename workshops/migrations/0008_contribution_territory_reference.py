"""A contribution's territory becomes one key to the territory reference."""

import django.db.models.deletion
from django.db import migrations, models

from territories.text import search_key

LEVELS = (("commune", "commune"), ("epci", "epci"), ("departement", "departement"))


def point_at_the_reference(apps, schema_editor):
    # Rerunnable: only contributions that do not point at the reference yet are read.
    Contribution = apps.get_model("workshops", "Contribution")
    Territory = apps.get_model("territories", "Territory")
    pending = Contribution.objects.filter(territory__isnull=True).exclude(
        commune__isnull=True, epci__isnull=True, departement__isnull=True
    )
    for contribution in pending.iterator():
        for field, kind in LEVELS:
            place = getattr(contribution, field)
            if place is not None:
                contribution.territory, _ = Territory.objects.get_or_create(
                    kind=kind,
                    code=place.pk,
                    defaults={"name": place.name, "search_name": search_key(place.name)},
                )
                contribution.save(update_fields=["territory"])
                break


class Migration(migrations.Migration):
    dependencies = [
        ("territories", "0005_organisation_territory_reference"),
        ("workshops", "0007_cancellation_date_plausible"),
    ]

    operations = [
        migrations.AddField(
            model_name="contribution",
            name="territory",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="contributions",
                to="territories.territory",
                verbose_name="territoire",
            ),
        ),
        migrations.RunPython(point_at_the_reference, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="contribution", name="contribution_at_most_one_territory"
        ),
        migrations.RemoveField(model_name="contribution", name="commune"),
        migrations.RemoveField(model_name="contribution", name="epci"),
        migrations.RemoveField(model_name="contribution", name="departement"),
    ]
