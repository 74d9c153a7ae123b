"""The folded names that make search insensitive to accents, case and punctuation."""

import pytest

from territories.text import search_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Orléans", "orleans"),
        ("Châteauroux", "chateauroux"),
        ("L’Île-Bouchard", "l ile bouchard"),
        ("L'Île-Bouchard", "l ile bouchard"),
        ("Saint-Jean-de-la-Ruelle", "saint jean de la ruelle"),
        ("Bœurs-en-Othe", "boeurs en othe"),
        ("  CA Agglo  du Pays de Dreux ", "ca agglo du pays de dreux"),
    ],
)
def test_a_name_is_folded_to_lowercase_ascii_words(name, key):
    assert search_key(name) == key
