"""Normalised names for the accent-insensitive search of territory names.

The folded name is computed in Python and stored next to the real one, so that
a plain ``LIKE`` on it finds "Orléans" from "orleans" (names are not prose: no
stemming wanted). Full-text search of prose uses ``core.search`` instead.
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
