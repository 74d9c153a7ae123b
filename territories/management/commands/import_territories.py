"""``manage.py import_territories [--region CODE | --all] [--data-dir DIR]``."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.formats import number_format

from territories.importers import DEFAULT_DATA_DIR, ImportFileError, import_territories


class Command(BaseCommand):
    help = (
        "Importe la géographie (région, départements, EPCI, communes) depuis les fichiers du COG."
    )

    def add_arguments(self, parser) -> None:
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument(
            "--region",
            default=None,
            help="Code INSEE de la région à importer (par défaut COP_REGION_CODE).",
        )
        scope.add_argument(
            "--all", action="store_true", help="Importer toute la France (34 969 communes)."
        )
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DEFAULT_DATA_DIR,
            help="Dossier des fichiers CSV (par défaut territories/data/).",
        )

    def handle(self, *args, **options) -> None:
        whole_country = options["all"]
        region_code = None if whole_country else (options["region"] or settings.COP_REGION_CODE)
        try:
            result = import_territories(region_code=region_code, data_dir=options["data_dir"])
        except ImportFileError as exc:
            raise CommandError(f"Import annulé, rien n’a été modifié. {exc}") from exc

        with translation.override(settings.LANGUAGE_CODE):

            def n(value: int) -> str:
                return number_format(value, force_grouping=True)

            loaded = result.loaded
            scope = "France entière" if whole_country else ", ".join(result.region_names)
            self.stdout.write(
                self.style.SUCCESS(
                    f"{scope} : {n(loaded['departements'])} départements, "
                    f"{n(loaded['communes'])} communes, {n(loaded['epcis'])} EPCI importés "
                    f"({n(result.created)} créés, {n(result.updated)} mis à jour, "
                    f"{n(result.unchanged)} inchangés)."
                )
            )
