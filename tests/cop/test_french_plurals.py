import pytest
from django.utils import translation
from django.utils.translation import ngettext

from cop.management.commands.french_plurals import keep_plural_entries


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 soutien"), (1, "1 soutien"), (2, "2 soutiens")]
)
def test_counts_follow_the_french_plural_rule(count, expected):
    with translation.override("fr"):
        text = ngettext("%(counter)s soutien", "%(counter)s soutiens", count)
    assert text % {"counter": count} == expected


def test_the_catalogue_keeps_only_plural_entries_under_the_french_rule():
    po = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        '#: a.py:1\nmsgid "Bonjour"\nmsgstr ""\n\n'
        '#: b.html:2\n#, python-format\nmsgid "%(n)s place"\nmsgid_plural "%(n)s places"\n'
        'msgstr[0] ""\nmsgstr[1] ""\n'
    )
    kept = keep_plural_entries(po)
    assert "Bonjour" not in kept
    assert 'msgid_plural "%(n)s places"' in kept
    assert "#: b.html" not in kept
    assert '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' in kept
