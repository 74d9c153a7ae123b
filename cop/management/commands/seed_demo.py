"""``manage.py seed_demo``: the demo data of every app, idempotent, development only."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cop.demo import DEMO_PASSWORD, seeders
from cop.demo_data import ACCOUNTS


class Command(BaseCommand):
    help = "Crée les données de démonstration de chaque application (idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo refuse de s’exécuter quand DJANGO_DEBUG est désactivé : "
                "elle crée des comptes dont le mot de passe est public."
            )
        for seeder in seeders():
            self.stdout.write(self.style.MIGRATE_HEADING(f"Démonstration : {seeder.app_label}"))
            # One transaction per seeder: a failing app leaves the others' data whole.
            with transaction.atomic():
                seeder.seed(lambda line: self.stdout.write(f"  {line}"))
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Comptes de démonstration :"))
        for account in ACCOUNTS:
            self.stdout.write(f"  {account.email:<26} {account.label}")
        self.stdout.write(f"Mot de passe de tous ces comptes : {DEMO_PASSWORD}")
