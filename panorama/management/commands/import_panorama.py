"""``manage.py import_panorama [FILE]``: load the SGPE levers and the baromètre's levers.

Without FILE, the shipped SGPE JSON; FILE may also be a CSV or XLSX file with
the same columns. The baromètre CSV (biodiversity and resources levers) is
imported too, from the shipped file unless ``--barometre`` names another one
or ``--sans-barometre`` skips it. Re-running updates in place; a file with a
bad row changes nothing and the command says which line and column are wrong.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from panorama.importers import (
    DEFAULT_BAROMETRE_FILE,
    DEFAULT_LEVERS_FILE,
    ImportRejected,
    plan_levers_import,
    read_barometre,
    read_levers,
)
from panorama.services import biodiversity_import, levers_import


class Command(BaseCommand):
    help = "Importe les leviers SGPE (JSON, CSV ou XLSX) et les leviers du baromètre (CSV)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_LEVERS_FILE))
        parser.add_argument("--barometre", default=str(DEFAULT_BAROMETRE_FILE))
        parser.add_argument("--sans-barometre", action="store_true", dest="skip_barometre")
        parser.add_argument(
            "--simulation",
            action="store_true",
            dest="dry_run",
            help="Affiche les changements sans les appliquer.",
        )

    def handle(self, *args, file, barometre, skip_barometre, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        try:
            rows = read_levers(path)
        except ImportRejected as rejected:
            raise CommandError(
                f"{path} refusé, rien n’a été modifié :\n" + "\n".join(rejected.messages)
            ) from None
        plan = plan_levers_import(rows) if dry_run else levers_import(rows=rows)
        self.stdout.write(f"{path.name} : {plan.summary()}")

        if skip_barometre:
            return
        barometre_path = Path(barometre)
        if not barometre_path.is_file():
            raise CommandError(f"Fichier introuvable : {barometre_path}")
        try:
            result = read_barometre(barometre_path)
        except ImportRejected as rejected:
            raise CommandError(
                f"{barometre_path} refusé, rien n’a été modifié :\n" + "\n".join(rejected.messages)
            ) from None
        for warning in result.warnings:
            self.stdout.write(f"{barometre_path.name} : {warning}")
        if dry_run:
            self.stdout.write(
                f"{barometre_path.name} : {len(result.rows)} leviers lus (simulation)."
            )
            return
        counts = biodiversity_import(rows=result.rows)
        self.stdout.write(
            f"{barometre_path.name} : {len(result.rows)} leviers ({counts['created']} créés, "
            f"{counts['updated']} modifiés, {counts['deleted']} supprimés)."
        )
