"""A GIN index on the French full-text document of contributions, on PostgreSQL only.

SQLite (the embedded default) has no such index and searches by containment:
the operations do nothing there, so every database migrates.
"""

from django.db import migrations

INDEX = "workshops_contribution_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON workshops_contribution USING gin (search_vector)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("workshops", "0001_groups_meetings_contributions")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
