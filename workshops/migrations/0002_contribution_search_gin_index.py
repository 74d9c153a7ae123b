"""A GIN index on the French full-text document of contributions."""

import django.contrib.postgres.indexes
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("workshops", "0001_groups_meetings_contributions")]

    operations = [
        migrations.AddIndex(
            model_name="contribution",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="workshops_contribution_search_gin"
            ),
        ),
    ]
