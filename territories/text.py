"""Normalised names for accent-insensitive search, identical on PostgreSQL and SQLite.

Neither database folds accents the same way (PostgreSQL needs the ``unaccent``
extension, SQLite has nothing), so the folded name is computed in Python and
stored next to the real one: a plain ``LIKE`` on it then behaves the same
everywhere.
"""

import re
import unicodedata

# Ligatures that Unicode decomposition leaves whole.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
# Hyphens, apostrophes and other punctuation become word separators.
_SEPARATORS = re.compile(r"[^0-9a-z]+")


def search_key(text: str) -> str:
    """Lowercase, accents stripped, punctuation as spaces: "L’Île-Bouchard" → "l ile bouchard"."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    stripped = "".join(char for char in folded if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", stripped).strip()
