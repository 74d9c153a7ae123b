"""Regenerate the French catalogue that carries the plural forms of our strings.

Our msgids are already French, so no string needs translating. But without a
catalogue gettext applies the English plural rule (singular only for 1), and a
page would say « 0 soutiens ». The catalogue keeps only the plural entries,
filled by GNU ``msgen`` with msgstr[0] = msgid and msgstr[1] = msgid_plural, under
the French rule ``plural=(n > 1)``. Non-plural entries are left out on purpose:
an empty or copied msgstr could only shadow Django's and allauth's translations.

Run it (``make messages``) after adding or changing a plural string; commit the
``.po`` and the compiled ``.mo``.
"""

import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

IGNORED = [".venv/*", "node_modules/*", "var/*", "staticfiles/*", "tests/*", "bench/*"]


HEADER = """# Formes plurielles françaises des chaînes de la plateforme (dont les msgid
# sont déjà en français). Fichier produit par `make messages` : ne pas éditer.
msgid ""
msgstr ""
"Project-Id-Version: cop-planification-action\\n"
"Language: fr\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"
"""


def keep_plural_entries(po_text: str) -> str:
    """Our header and the blocks that have a ``msgid_plural``, without source lines."""
    entries = po_text.strip().split("\n\n")[1:]
    kept = [
        "\n".join(line for line in block.splitlines() if not line.startswith("#:"))
        for block in entries
        if "\nmsgid_plural " in block
    ]
    return "\n\n".join([HEADER.strip(), *kept]) + "\n"


class Command(BaseCommand):
    help = "Régénère le catalogue français des formes plurielles (locale/fr)."

    def handle(self, *args, **options) -> None:
        po = Path(settings.LOCALE_PATHS[0]) / "fr" / "LC_MESSAGES" / "django.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        call_command(
            "makemessages", locale=["fr"], no_obsolete=True, no_wrap=True, ignore_patterns=IGNORED
        )
        po.write_text(keep_plural_entries(po.read_text(encoding="utf-8")), encoding="utf-8")
        mo = po.with_suffix(".mo")
        try:
            subprocess.run(["msgen", "--no-wrap", "-o", str(po), str(po)], check=True)
            subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)
        except (OSError, subprocess.CalledProcessError) as error:
            raise CommandError(
                "msgen ou msgfmt a échoué : installez le paquet Debian gettext. " + str(error)
            ) from error
        self.stdout.write(f"{po.read_text(encoding='utf-8').count('msgid_plural')} pluriels.")
