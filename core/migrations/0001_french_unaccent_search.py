"""The ``french_unaccent`` text-search configuration (see ``core/search.py``).

French stemming after accents are stripped, for words and both parts of
hyphenated words. ``unaccent`` is a trusted extension (PostgreSQL 13 and later):
the owner of the database may create it; otherwise a superuser runs
``CREATE EXTENSION unaccent;`` once before migrating.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""

DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;"


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunSQL(CREATE, DROP, elidable=False)]
