"""Discovery of the apps' demo data, and the process core's own demo.

``manage.py seed_demo`` lives in ``cop`` (floor 1) but every app has demo data
of its own. Rather than importing upwards (or sideways), the command discovers
a ``demo`` module in each installed app, as the admin discovers ``admin``
modules. An app's ``<app>/demo.py`` defines::

    ORDER = 20  # cop 10, territories 20, panorama 30, workshops 40, consultation 50, roadmap 60


    def seed(log):  # log(str) prints a line
        ...

The command runs the seeders by ascending ``ORDER``, each in its own
transaction. A seeder must be idempotent (``update_or_create`` on natural keys)
and may read what lower seeders created, looking it up by natural key (an
email, a name, a code).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone

from . import demo_data as data
from .models import Document, Edition, Membership, Organisation, Phase, PlenarySession, User
from .services import grant_role

# Demo accounts only: seed_demo refuses to run when DEBUG is off.
DEMO_PASSWORD = "demo-cop-cvl"

ORDER = 10
FIRST_EDITION = 2024
PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class Seeder:
    app_label: str
    order: int
    seed: Callable[[Callable[[str], None]], None]


@cache
def _demo_password_hash() -> str:
    # A hash costs about a second: hashed once per run, shared by every demo account.
    return make_password(DEMO_PASSWORD)


@cache
def _is_demo_password(encoded: str) -> bool:
    return check_password(DEMO_PASSWORD, encoded)


def demo_account(
    *, email: str, first_name: str, last_name: str, organisation_name: str | None = None
) -> User:
    """A demo account with the demo password and a verified email, attached (approved) to
    the named organisation unless it already speaks for one; idempotent."""
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created or not _is_demo_password(user.password):
        user.password = _demo_password_hash()
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    organisation = (
        Organisation.objects.filter(name=organisation_name).first() if organisation_name else None
    )
    approved = Membership.objects.filter(user=user, status=Membership.Status.APPROVED)
    if organisation is not None and not approved.exists():
        Membership.objects.update_or_create(
            user=user,
            organisation=organisation,
            defaults={"status": Membership.Status.APPROVED, "decided_at": user.date_joined},
        )
    return user


def seeders() -> list[Seeder]:
    """The ``demo`` modules of the installed apps, in the order they must run."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if find_spec(name) is None:
            continue
        module = import_module(name)
        if hasattr(module, "seed"):
            found.append(Seeder(config.label, getattr(module, "ORDER", 100), module.seed))
    return sorted(found, key=lambda s: (s.order, s.app_label))


# --- The process core's demo ---------------------------------------------------------


def seed(log: Callable[[str], None]) -> None:
    """Organisations of the six colleges, the editions and their calendar, one account per role."""
    for name, college, website in data.ORGANISATIONS:
        Organisation.objects.update_or_create(
            name=name,
            defaults={
                "college": college,
                "website": website,
                "status": Organisation.Status.APPROVED,
            },
        )
    log(f"Organisations : {len(data.ORGANISATIONS)} dans les six collèges.")

    today = timezone.localdate()
    # Every year from the first edition, and the next one (its launch plenary
    # is the "next plenary" of the demo): whatever today is, a phase is running.
    years = range(FIRST_EDITION, today.year + 2)
    for year in years:
        edition, _created = Edition.objects.update_or_create(
            year=year,
            defaults={
                "title": f"COP Centre-Val de Loire {year}",
                "description": (
                    "Première édition de la COP régionale de planification écologique, "
                    "lancée en séance plénière le 4 décembre 2023 à Orléans."
                    if year == FIRST_EDITION
                    else f"Édition {year} de la COP régionale (dates données à titre d’exemple)."
                ),
            },
        )
        for order, (kind, title, description, start, end) in enumerate(data.PHASES, start=1):
            Phase.objects.update_or_create(
                edition=edition,
                kind=kind,
                defaults={
                    "title": title,
                    "description": description,
                    "starts_on": _day(year, *start),
                    "ends_on": _day(year, *end),
                    "order": order,
                },
            )
        _seed_plenaries(edition)
    log(f"Calendrier : éditions {years[0]} à {years[-1]}, avec leurs phases et plénières.")

    for account in data.ACCOUNTS:
        user = demo_account(
            email=account.email,
            first_name=account.first_name,
            last_name=account.last_name,
            organisation_name=account.organisation,
        )
        if account.pending:
            Membership.objects.get_or_create(
                user=user,
                organisation=Organisation.objects.get(name=account.pending),
                defaults={"message": "Je coordonne les animations nature du réseau dans le Cher."},
            )
        for role, side in account.roles:
            grant_role(user=user, role=role, side=side, by=None)
    log(f"Comptes de démonstration : {len(data.ACCOUNTS)}.")


def _day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year - 1, 12, day) if month == 0 else dt.date(year, month, day)


def _seed_plenaries(edition: Edition) -> None:
    year = edition.year
    launch, _created = PlenarySession.objects.update_or_create(
        edition=edition,
        title="Séance plénière de lancement",
        defaults={
            "starts_at": dt.datetime(year - 1, 12, 4, 14, 0, tzinfo=PARIS),
            "place": "Hôtel de Région, 9 rue Saint-Pierre-Lentin, Orléans",
            "agenda": data.LAUNCH_AGENDA,
            "video_url": data.LAUNCH_VIDEO_URL if year == FIRST_EDITION else "",
            "is_public": True,
        },
    )
    PlenarySession.objects.update_or_create(
        edition=edition,
        title="Séance plénière d’adoption de la feuille de route",
        defaults={
            "starts_at": dt.datetime(year, 9, 19, 14, 0, tzinfo=PARIS),
            "place": "Préfecture de la région Centre-Val de Loire, Orléans",
            "agenda": data.ADOPTION_AGENDA,
            "is_public": True,
        },
    )
    if year == FIRST_EDITION:
        Document.objects.update_or_create(
            edition=edition,
            plenary=launch,
            title="Diaporama de la séance plénière de lancement",
            defaults={
                "kind": Document.Kind.SLIDES,
                "url": data.LAUNCH_SLIDES_URL,
                "published_at": dt.datetime(2023, 12, 5, 9, 0, tzinfo=PARIS),
            },
        )
