"""An organisation's territory becomes one key to the territory reference."""

import django.db.models.deletion
from django.db import migrations, models

from territories.text import search_key

# The old key of each level, and the kind of its reference row.
LEVELS = (("region", "region"), ("departement", "departement"), ("epci", "epci"), ("commune", "commune"))


def point_at_the_reference(apps, schema_editor):
    # Rerunnable: only ties that do not point at the reference yet are read.
    OrganisationTerritory = apps.get_model("territories", "OrganisationTerritory")
    Territory = apps.get_model("territories", "Territory")
    for tie in OrganisationTerritory.objects.filter(territory__isnull=True):
        for field, kind in LEVELS:
            place = getattr(tie, field)
            if place is not None:
                tie.territory, _ = Territory.objects.get_or_create(
                    kind=kind,
                    code=place.pk,
                    defaults={"name": place.name, "search_name": search_key(place.name)},
                )
                tie.save(update_fields=["territory"])
                break


class Migration(migrations.Migration):
    dependencies = [
        ("territories", "0004_merge_plausible_dates"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisationterritory",
            name="territory",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="local_authorities",
                to="territories.territory",
                verbose_name="territoire",
            ),
        ),
        migrations.RunPython(point_at_the_reference, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="organisationterritory",
            name="territories_organisationterritory_exactly_one_territory",
        ),
        migrations.RemoveField(model_name="organisationterritory", name="region"),
        migrations.RemoveField(model_name="organisationterritory", name="departement"),
        migrations.RemoveField(model_name="organisationterritory", name="epci"),
        migrations.RemoveField(model_name="organisationterritory", name="commune"),
        migrations.AlterField(
            model_name="organisationterritory",
            name="territory",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="local_authorities",
                to="territories.territory",
                verbose_name="territoire",
            ),
        ),
    ]
