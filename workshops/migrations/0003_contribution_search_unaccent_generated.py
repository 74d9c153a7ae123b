"""The search document of a contribution becomes a stored generated column.

PostgreSQL computes it on every write (the admin's, ``QuerySet.update()``), with
the ``french_unaccent`` configuration, so that "chaudiere" finds "chaudière".
A column cannot be altered into a generated one: it is dropped and added.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_french_unaccent_search"),
        ("workshops", "0002_contribution_search_gin_index"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="contribution", name="workshops_contribution_search_gin"),
        migrations.RemoveField(model_name="contribution", name="search_vector"),
        migrations.AddField(
            model_name="contribution",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.SearchVector(
                        "title", config="french_unaccent", weight="A"
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector(
                        "body", config="french_unaccent", weight="B"
                    ),
                    django.contrib.postgres.search.SearchConfig("french_unaccent"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="contribution",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="contribution_search_gin"
            ),
        ),
    ]
