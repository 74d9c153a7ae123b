"""Benchmark of the working groups: pages served by gunicorn on PostgreSQL with a big COP.

    .venv/bin/python bench/bench_workshops.py [--requests 100] [--contributions 10000]

Works on a throw-away PostgreSQL (``common.throwaway_database``: an embedded
server in a temporary folder, or with ``DATABASE_URL`` set a database of its own
on that server, dropped at the end, even after an error), migrates it, imports
the geography and the panorama, then fills in bulk 10,000 contributions, 50,000
comments (a third of them replies), 20,000 supports and 2,000 meeting
registrations, and runs ``VACUUM ANALYZE``. It starts gunicorn (2 workers,
production settings but plain static files, ``bench_settings``) on a free
loopback port, and measures with ``urllib`` the median and the 95th percentile of:

- the group page ``/groupes/mobilite/``;
- the contribution list ``/contributions/`` (first page, and page 50);
- the contribution list of the group ``/groupes/mobilite/contributions/``;
- the French full-text search ``/contributions/?q=rénovation`` (and with filters);

each beside the bare page ``/bench/nue/`` (``bench_urls``: the DSFR layout of
``templates/base.html`` around twenty static cards, no query), requested in
turn with it, so that the ratio of their medians holds however loaded the
machine is.

It also counts the SQL queries of each page with a test client at two data sizes
(a tenth of the data, then all of it), to show that the count does not grow.
Nothing is sent anywhere but 127.0.0.1.
"""

import argparse
import contextlib
import datetime as dt
import io
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
import warnings

from common import BENCH_DIR, ROOT, free_port, percentile, stop, throwaway_database, wait_until_up

sys.path.insert(0, str(ROOT))

GROUPS = [
    ("batiment", "Bâtiment et logement"),
    ("agriculture-alimentation", "Agriculture et alimentation"),
    ("mobilite", "Mieux se déplacer"),
    ("economie-industrie", "Économie et industrie"),
    ("biodiversite", "Préserver la biodiversité"),
    ("foret-bois", "Forêt et bois"),
]
SUBJECTS = [
    "la rénovation énergétique des logements",
    "le covoiturage rural",
    "la méthanisation agricole",
    "les haies bocagères",
    "le bois-énergie",
    "la restauration collective locale",
    "les pistes cyclables",
    "la chaleur renouvelable des industries",
    "le réemploi des matériaux",
    "les zones humides",
    "le fret ferroviaire",
    "la sobriété foncière",
]
OPENINGS = ["Développer", "Accélérer", "Soutenir", "Amplifier", "Financer", "Mutualiser"]
PLACES = ["en Sologne", "dans le Perche", "en Beauce", "dans le Berry", "en Touraine", "en Brenne"]
SENTENCES = [
    "Les acteurs locaux manquent d’ingénierie pour monter les dossiers.",
    "Les communes rurales demandent un accompagnement dans la durée.",
    "Une expérimentation a donné de bons résultats et pourrait être étendue.",
    "Les délais administratifs découragent les porteurs de projet.",
    "Un financement régional permettrait de changer d’échelle.",
    "Les habitants sont prêts à s’impliquer si l’information circule.",
    "Les entreprises du territoire souhaitent mutualiser leurs moyens.",
    "Le coût initial reste le principal frein pour les ménages modestes.",
]

PAGES = [
    ("page du groupe", "/groupes/mobilite/"),
    ("liste des contributions", "/contributions/"),
    ("liste, page 50", "/contributions/?page=50"),
    ("contributions du groupe", "/groupes/mobilite/contributions/"),
    ("recherche « rénovation »", "/contributions/?q=r%C3%A9novation"),
    ("recherche + filtres", "/contributions/?q=covoiturage+rural&type=proposal&groupe=mobilite"),
]
BARE = ("page nue (gabarit, 20 cartes)", "/bench/nue/")


# --- Filling ------------------------------------------------------------------------------


def fill(*, contributions: int, comments: int, supports: int, registrations: int, seed: int):
    """Bulk-create the data (appending to what exists); returns what was created."""
    from django.db import connection, transaction
    from django.db.models import Count, OuterRef, Q, Subquery
    from django.db.models.functions import Coalesce
    from django.utils import timezone

    from cop.models import College, Organisation, User
    from cop.models.accounts import fold_name
    from panorama.models import Lever
    from territories.models import Commune
    from workshops.models import (
        Comment,
        Contribution,
        ContributionKind,
        Meeting,
        MeetingKind,
        Registration,
        Support,
        WorkingGroup,
    )

    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic():
        groups = []
        for position, (slug, name) in enumerate(GROUPS):
            group, _created = WorkingGroup.objects.get_or_create(
                slug=slug, defaults={"name": name, "position": position}
            )
            groups.append(group)
        levers = list(Lever.objects.all())
        for group in groups:
            group.levers.set(rng.sample(levers, 5))
        if not Organisation.objects.filter(name__startswith="Organisation bench").exists():
            Organisation.objects.bulk_create(
                Organisation(
                    name=f"Organisation bench {n}",
                    folded_name=fold_name(f"Organisation bench {n}"),
                    college=College.SOCIO_ECONOMIC,
                    status=Organisation.Status.APPROVED,
                )
                for n in range(60)
            )
        organisations = list(Organisation.objects.filter(name__startswith="Organisation bench"))
        if not User.objects.filter(email__endswith="@bench.test").exists():
            User.objects.bulk_create(
                User(
                    email=f"personne{n}@bench.test",
                    first_name="Camille",
                    last_name=f"Bench{n}",
                    password="!",
                )
                for n in range(600)
            )
        users = list(User.objects.filter(email__endswith="@bench.test"))
        communes = list(Commune.objects.filter(region_id="24").values_list("code", flat=True))

        rows = []
        for n in range(contributions):
            subject = rng.choice(SUBJECTS)
            rows.append(
                Contribution(
                    kind=rng.choice(ContributionKind.values),
                    title=f"{rng.choice(OPENINGS)} {subject} {rng.choice(PLACES)}"[:200],
                    body=" ".join(
                        [f"Il s’agit de {subject}.", *rng.sample(SENTENCES, 3), f"(n° {n})"]
                    ),
                    author=rng.choice(users),
                    organisation=rng.choice(organisations),
                    group=rng.choice(groups),
                    commune_id=rng.choice(communes) if communes and rng.random() < 0.6 else None,
                )
            )
        created = Contribution.objects.bulk_create(rows, batch_size=2000)
        ids = [c.pk for c in created]
        # auto_now_add stamps every row alike: spread them over a year.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE workshops_contribution SET created_at = %s - (random() * interval "
                "'365 days') WHERE id = ANY(%s)",
                [now, ids],
            )
        through = Contribution.levers.through
        through.objects.bulk_create(
            (
                through(contribution_id=pk, lever_id=lever.pk)
                for pk in ids
                for lever in rng.sample(levers, rng.randint(1, 2))
            ),
            batch_size=5000,
        )

        top_level = comments * 2 // 3
        parents = Comment.objects.bulk_create(
            (
                Comment(
                    contribution_id=rng.choice(ids),
                    author=rng.choice(users),
                    body=rng.choice(SENTENCES),
                )
                for _n in range(top_level)
            ),
            batch_size=5000,
        )
        Comment.objects.bulk_create(
            (
                Comment(
                    contribution_id=parent.contribution_id,
                    parent_id=parent.pk,
                    author=rng.choice(users),
                    body=rng.choice(SENTENCES),
                )
                for parent in (rng.choice(parents) for _n in range(comments - top_level))
            ),
            batch_size=5000,
        )
        # Distinct (contribution, person) pairs: one support each, as the database wants.
        pairs = rng.sample(range(len(ids) * len(users)), min(supports, len(ids) * len(users)))
        Support.objects.bulk_create(
            (
                Support(contribution_id=ids[n // len(users)], user_id=users[n % len(users)].pk)
                for n in pairs
            ),
            batch_size=5000,
        )
        # The denormalised counters, as the services keep them.
        Contribution.objects.filter(pk__in=ids).update(
            support_count=Coalesce(
                Subquery(
                    Support.objects.filter(contribution=OuterRef("pk"))
                    .values("contribution")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            ),
            comment_count=Coalesce(
                Subquery(
                    Comment.objects.filter(contribution=OuterRef("pk"), status="published")
                    .values("contribution")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            ),
        )

        if registrations:
            meetings = [
                Meeting.objects.create(
                    kind=MeetingKind.GROUP_SESSION,
                    title=f"Séance {n + 1} du groupe {group.name}",
                    group=group,
                    starts_at=now + dt.timedelta(days=7 * (n + 1)),
                    ends_at=now + dt.timedelta(days=7 * (n + 1), hours=3),
                    place="Hôtel de Région, Orléans",
                    capacity=80,
                )
                for group in groups
                for n in range(5)
            ]
            taken = rng.sample(range(len(meetings) * len(users)), registrations)
            Registration.objects.bulk_create(
                (
                    Registration(
                        meeting_id=meetings[n // len(users)].pk,
                        user_id=users[n % len(users)].pk,
                        status=Registration.Status.CONFIRMED,
                    )
                    for n in taken
                ),
                batch_size=5000,
            )
    with connection.cursor() as cursor:
        # The seeding's updates leave dead rows (and autovacuum may be off): without
        # a vacuum the counts become sequential scans and the figures lie.
        cursor.execute("VACUUM ANALYZE")
    return {
        "contributions": Contribution.objects.count(),
        "comments": Comment.objects.count(),
        "replies": Comment.objects.filter(~Q(parent=None)).count(),
        "supports": Support.objects.count(),
        "registrations": Registration.objects.count(),
    }


def query_counts() -> dict[str, int]:
    """How many SQL queries each page makes, for an anonymous visitor."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for label, url in [*PAGES, BARE]:
        client.get(url)  # warm the caches a first request fills
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[label] = len(captured)
    return counts


# --- Serving and measuring ----------------------------------------------------------------


def get(base: str, url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(base + url, timeout=30) as response:
        response.read()
        assert response.status == 200, (url, response.status)
    return time.perf_counter() - start


def measure(
    base: str, url: str, requests: int, deadline: float
) -> tuple[list[float], list[float]]:
    """Durations of ``url`` and of the bare page, requested in turn (after a warm-up)."""
    page, bare = [], []
    for n in range(requests + 3):
        if time.monotonic() > deadline:
            break
        page_time, bare_time = get(base, url), get(base, BARE[1])
        if n >= 3:  # the first requests warm each worker up
            page.append(page_time)
            bare.append(bare_time)
    return page, bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="requêtes mesurées par page")
    parser.add_argument("--contributions", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=50_000)
    parser.add_argument("--supports", type=int, default=20_000)
    parser.add_argument("--registrations", type=int, default=2_000)
    parser.add_argument("--time-limit", type=int, default=1800, help="secondes, au plus")
    args = parser.parse_args()
    deadline = time.monotonic() + args.time_limit
    with throwaway_database("bench-workshops-") as (url, _folder):
        run(args, url, deadline)


def run(args, database_url: str, deadline: float) -> None:
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "REDIS_URL": "",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": os.pathsep.join([str(BENCH_DIR), str(ROOT)]),
        }
    )
    gunicorn = None
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        started = time.monotonic()
        # The static files are not collected: the pages are measured, not their assets.
        warnings.filterwarnings("ignore", message="No directory at")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            call_command("migrate", verbosity=0)
            call_command("import_territories", verbosity=0)
            call_command("import_panorama", verbosity=0)
        tenth = {
            "contributions": args.contributions // 10,
            "comments": args.comments // 10,
            "supports": args.supports // 10,
        }
        small = fill(**tenth, registrations=0, seed=1)
        counts_small = query_counts()
        full = fill(
            contributions=args.contributions - tenth["contributions"],
            comments=args.comments - tenth["comments"],
            supports=args.supports - tenth["supports"],
            registrations=args.registrations,
            seed=2,
        )
        counts_full = query_counts()
        load = os.getloadavg()
        print(
            f"Base : PostgreSQL {connection.pg_version // 10000} "
            f"({connection.settings_dict['NAME']}), remplie en "
            f"{time.monotonic() - started:.0f} s : {full['contributions']} contributions, "
            f"{full['comments']} commentaires (dont {full['replies']} réponses), "
            f"{full['supports']} soutiens, {full['registrations']} inscriptions ; "
            f"VACUUM ANALYZE fait."
        )
        connection.close()

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        gunicorn = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "config.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONWARNINGS": "ignore:No directory at"},
            start_new_session=True,
        )
        wait_until_up(base, gunicorn, min(deadline, time.monotonic() + 60))
        print(
            f"gunicorn, 2 workers, {base} ; {args.requests} requêtes par page, en série, "
            f"chacune suivie d’une page nue ; charge de la machine (1, 5, 15 min) : "
            f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} sur {os.cpu_count()} cœurs.\n"
        )
        print(
            f"{'page':<30}{'médiane':>10}{'95e centile':>14}{'× page nue':>12}"
            f"{'requêtes SQL':>16} ({small['contributions']} puis {full['contributions']})"
        )
        all_bare = []
        for label, url in PAGES:
            durations, bare = measure(base, url, args.requests, deadline)
            if not durations:
                print(f"{label:<30} temps écoulé : mesure abandonnée")
                continue
            all_bare += bare
            ratio = statistics.median(durations) / statistics.median(bare)
            print(
                f"{label:<30}{statistics.median(durations) * 1000:>8.1f} ms"
                f"{percentile(durations, 0.95) * 1000:>11.1f} ms{ratio:>10.1f} ×"
                f"{counts_small[label]:>12} → {counts_full[label]}"
            )
        if all_bare:
            print(
                f"{BARE[0]:<30}{statistics.median(all_bare) * 1000:>8.1f} ms"
                f"{percentile(all_bare, 0.95) * 1000:>11.1f} ms{1:>10.1f} ×"
                f"{counts_small[BARE[0]]:>12} → {counts_full[BARE[0]]}"
            )
        grown = [label for label, _url in PAGES if counts_full[label] != counts_small[label]]
        print(
            "\nNombre de requêtes SQL constant quand les données décuplent."
            if not grown
            else f"\nATTENTION : le nombre de requêtes croît pour : {', '.join(grown)}."
        )
        print(
            "Le rapport « × page nue » divise la médiane de la page par celle de la page nue "
            "demandée en alternance avec elle."
        )
    finally:
        stop(gunicorn)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django may not be set up yet
            pass


if __name__ == "__main__":
    main()
