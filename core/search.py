"""French full-text search that ignores accents: one configuration for every app.

PostgreSQL's ``french`` configuration stems but keeps accents ("chaudiere" does
not find "chaudières"). The ``french_unaccent`` configuration, created by the
migration ``core.0001_french_unaccent_search``, strips accents (the ``unaccent``
extension) before the French stemmer. A search document and the queries run
against it must use the same configuration: build both here.

A model's document is a stored generated column (``GeneratedField``), so every
write, the admin's and ``QuerySet.update()`` included, keeps it current; the
migration that adds it depends on ``core.0001_french_unaccent_search``.
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import models

CONFIG = "french_unaccent"


def search_document(**weights: str) -> models.GeneratedField:
    """A stored, indexed-ready document of the given fields: ``search_document(title="A")``."""
    vectors = [
        SearchVector(field, weight=weight, config=CONFIG) for field, weight in weights.items()
    ]
    expression = reduce(operator.add, vectors)  # title || body || ...
    return models.GeneratedField(
        expression=expression, output_field=SearchVectorField(), db_persist=True
    )


def search_query(text: str) -> SearchQuery:
    """What people type, in the ``websearch`` syntax: "a phrase", ``-word``, ``or``.

    Never an error, whatever the punctuation.
    """
    return SearchQuery(text, config=CONFIG, search_type="websearch")
