"""Load: N simulated people at once on the real stack, bounded in time, on loopback.

    .venv/bin/python bench/load.py [--users 200] [--minutes 2] [--workers 4]

Starts everything itself, on a throw-away database (``common.throwaway_database``)
and 127.0.0.1 ports of 17900-17999: a private redis-server (broker and cache),
gunicorn (production settings, ``DJANGO_DEBUG=0``) and a Celery worker (queues
``celery`` and ``pdf``, emails to its console log). The database is migrated and
seeded with the demo (``import_territories``, ``import_panorama``, ``seed_demo``
with ``DJANGO_DEBUG=1`` for the seed only). Then locust (``load_locustfile.py``)
runs the people for ``--minutes``: one in eight is a visitor, the others are signed
in as the demo accounts (``/comptes/login/`` with CSRF); they browse (home, groups, a
group, meetings, contributions, a contribution, panorama, a lever), search, use
the simulator and save scenarios, post contributions and comments, support and
register for meetings, as each account is allowed to.

For the run, the per-person rate limits of the platform are lifted
(``DJANGO_RATE_LIMITS`` with empty values: eight demo accounts stand for 200
people) and each person has an address of their own (``X-Forwarded-For`` with
``DJANGO_TRUSTED_PROXY_COUNT=1``) so that the sign-in limits per address apply to
each, as behind the reverse proxy of production.

It prints the throughput, the median and 95th percentile per kind of request, the
5xx count (must be 0), and checks that every write the platform confirmed is in
the database. Exit status 1 if a 5xx was answered or a write is missing.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from common import BENCH_DIR, ROOT, free_port, stop, throwaway_database, wait_until_up

sys.path.insert(0, str(ROOT))

from tests.servers import redis_server

PASSWORD = "demo-cop-cvl"
# Every per-person limit of core.ratelimit lifted (an empty value lifts a limit).
RATE_LIMITS = "contribution=,contribution_edit=,comment=,support=,report=,group=,registration="


def environment(database_url: str, redis_port: int, folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join([str(BENCH_DIR), str(ROOT)]),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "load-only-" + uuid.uuid4().hex * 2,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "DJANGO_RATE_LIMITS": RATE_LIMITS,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "PYTHONWARNINGS": "ignore:No directory at",
    }


def seed(env: dict[str, str]) -> None:
    manage = [sys.executable, str(ROOT / "manage.py")]
    for step, debug in (
        (["migrate", "--noinput"], "0"),
        (["import_territories"], "0"),
        (["import_panorama"], "0"),
        (["seed_demo"], "1"),  # refuses to run without DEBUG: public passwords
    ):
        subprocess.run(
            [*manage, *step],
            env={**env, "DJANGO_DEBUG": debug},
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def targets(tag: str) -> dict:
    """The demo's ids and slugs, and what each demo account may do (by the rules)."""
    from django.utils import timezone

    from cop.demo_data import ACCOUNTS
    from cop.models import User
    from panorama import selectors as panorama_selectors
    from workshops.models import Contribution, ContributionKind, Meeting, WorkingGroup

    groups = list(WorkingGroup.objects.order_by("position"))
    published = list(Contribution.objects.filter(status="published").order_by("pk"))
    upcoming = list(
        Meeting.objects.filter(starts_at__gt=timezone.now(), status="scheduled").order_by("pk")
    )
    specs = [
        panorama_selectors.lever_spec(effort)
        for effort in panorama_selectors.regional_efforts(
            region_code=panorama_selectors.cop_region_code()
        )
    ]
    accounts = []
    for account in ACCOUNTS:
        user = User.objects.get(email=account.email)
        sample = published[0]
        abilities = [
            ability
            for ability, perm in (
                ("comment", "workshops.comment_contribution"),
                ("support", "workshops.support_contribution"),
            )
            if user.has_perm(perm, sample)
        ]
        registrable = [
            meeting.pk
            for meeting in upcoming
            if user.has_perm("workshops.register_meeting", meeting)
            and not meeting.registrations.filter(user=user).exists()
        ]
        accounts.append(
            {
                "email": account.email,
                "abilities": abilities,
                "groups": [
                    g.slug for g in groups if user.has_perm("workshops.contribute_in_group", g)
                ],
                "registrable": registrable,
            }
        )
    return {
        "tag": tag,
        "password": PASSWORD,
        "accounts": accounts,
        "registrable": {a["email"]: a.pop("registrable") for a in accounts},
        "groups": [g.slug for g in groups],
        "contributions": [c.pk for c in published],
        "meetings": [m.pk for m in Meeting.objects.order_by("pk")],
        "levers": [spec.slug for spec in specs],
        "editable_levers": [spec.slug for spec in specs if spec.editable],
        "kinds": list(ContributionKind.values),
    }


def check_writes(writes: dict, tag: str) -> list[tuple[str, int, int, int]]:
    """(kind, confirmed, found in the database, tagged rows in the database) per kind."""
    from cop.models import User
    from panorama.models import Scenario
    from workshops.models import Comment, Contribution, Registration, Support

    emails = dict(User.objects.values_list("email", "pk"))
    rows = []
    contributions = set(writes["contributions"])
    found = Contribution.objects.filter(pk__in=contributions, title__startswith=tag).count()
    tagged = Contribution.objects.filter(title__startswith=tag).count()
    rows.append(("contributions", len(contributions), found, tagged))
    comments = set(writes["comments"])
    found = Comment.objects.filter(pk__in=comments, body__startswith=tag).count()
    rows.append(
        (
            "commentaires",
            len(comments),
            found,
            Comment.objects.filter(body__startswith=tag).count(),
        )
    )
    supports = {(emails[email], pk) for email, pk in writes["supports"]}
    found = sum(
        Support.objects.filter(user_id=user, contribution_id=pk).exists() for user, pk in supports
    )
    run_supports = Support.objects.filter(contribution__title__startswith=tag).count()
    rows.append(("soutiens", len(supports), found, run_supports))
    registrations = {(emails[email], pk) for email, pk in writes["registrations"]}
    found = sum(
        Registration.objects.filter(user_id=user, meeting_id=pk).exists()
        for user, pk in registrations
    )
    rows.append(("inscriptions", len(registrations), found, found))
    scenarios = set(writes["scenarios"])
    found = Scenario.objects.filter(name__in=scenarios).count()
    tagged = Scenario.objects.filter(name__startswith=tag).count()
    rows.append(("scénarios", len(scenarios), found, tagged))
    return rows


def report(results: dict, args, rows, load_before, load_after) -> bool:
    total = results["total"]
    seconds = total["seconds"] or args.minutes * 60
    fives = sum(v for k, v in results["statuses"].items() if int(k) >= 500)
    unanswered = results["statuses"].get("0", 0)
    print(
        f"\n{args.users} personnes simulées pendant {args.minutes} min (montée "
        f"{args.spawn_rate}/s), gunicorn {args.workers} workers, 1 worker Celery, Redis et "
        f"PostgreSQL privés ; charge de la machine (1, 5, 15 min) avant "
        f"{' '.join(f'{x:.1f}' for x in load_before)}, après "
        f"{' '.join(f'{x:.1f}' for x in load_after)} sur {os.cpu_count()} cœurs."
    )
    print(f"Limites de débit par personne levées pour l’essai : DJANGO_RATE_LIMITS={RATE_LIMITS}")
    print(
        f"Débit : {total['requests'] / seconds:.1f} requêtes/s ({total['requests']} en "
        f"{seconds:.0f} s) ; médiane {total['median_ms']:.0f} ms, 95e centile "
        f"{total['p95_ms']:.0f} ms.\n"
    )
    print(f"{'requête':<44}{'nombre':>8}{'échecs':>8}{'médiane':>11}{'95e centile':>14}")
    for name, entry in sorted(results["stats"].items(), key=lambda item: -item[1]["requests"]):
        print(
            f"{name:<44}{entry['requests']:>8}{entry['failures']:>8}"
            f"{entry['median_ms']:>8.0f} ms{entry['p95_ms']:>11.0f} ms"
        )
    statuses = ", ".join(f"{k}: {v}" for k, v in sorted(results["statuses"].items()))
    print(f"\nCodes HTTP : {statuses}")
    print(
        f"Réponses 5xx : {fives}" + (f" ({', '.join(results['server_errors'])})" if fives else "")
    )
    if unanswered:
        print(f"Requêtes sans réponse (connexion) : {unanswered}")
    print(f"\n{'écriture':<16}{'confirmées':>12}{'en base':>10}{'marquées en base':>18}")
    lost = 0
    for kind, confirmed, found, tagged in rows:
        lost += confirmed - found
        print(f"{kind:<16}{confirmed:>12}{found:>10}{tagged:>18}")
    print(
        "Aucune écriture confirmée perdue."
        if not lost
        else f"ATTENTION : {lost} écriture(s) confirmée(s) absente(s) de la base."
    )
    return fives == 0 and lost == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=2)
    parser.add_argument("--spawn-rate", type=float, default=10, help="personnes par seconde")
    parser.add_argument("--workers", type=int, default=4, help="workers gunicorn")
    args = parser.parse_args()
    tag = f"[charge {uuid.uuid4().hex[:8]}]"
    with throwaway_database("bench-load-") as (database_url, folder):
        redis_port = free_port(17950, 17999)
        with redis_server(port=redis_port, tmp=folder):
            env = environment(database_url, redis_port, folder)
            started = time.monotonic()
            seed(env)
            os.environ.update(env)
            import django

            django.setup()
            target_file = folder / "targets.json"
            target_file.write_text(json.dumps(targets(tag)), encoding="utf-8")
            from django.db import connections

            connections.close_all()
            print(f"Base de démonstration prête en {time.monotonic() - started:.0f} s.")
            return serve_and_load(args, env, folder, target_file, tag)


def serve_and_load(args, env: dict[str, str], folder: Path, target_file: Path, tag: str) -> int:
    port = free_port(17900, 17949)
    base = f"http://127.0.0.1:{port}"
    bin_dir = ROOT / ".venv" / "bin"
    gunicorn = worker = None
    with (
        (folder / "gunicorn.log").open("wb") as web_log,
        (folder / "worker.log").open("wb") as worker_log,
        (folder / "locust.log").open("wb") as locust_log,
    ):
        try:
            gunicorn = subprocess.Popen(
                [
                    str(bin_dir / "gunicorn"),
                    "config.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(args.workers),
                    "--timeout",
                    "60",
                ],
                cwd=ROOT,
                env=env,
                stdout=web_log,
                stderr=subprocess.STDOUT,
            )
            worker = subprocess.Popen(
                [
                    str(bin_dir / "celery"),
                    "-A",
                    "config",
                    "worker",
                    "-Q",
                    "celery,pdf",
                    "--concurrency",
                    "1",
                    "-l",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
                stdout=worker_log,
                stderr=subprocess.STDOUT,
            )
            wait_until_up(base, gunicorn, time.monotonic() + 90, path="/")
            results_file = folder / "results.json"
            load_before = os.getloadavg()
            seconds = round(args.minutes * 60)
            subprocess.run(
                [
                    str(bin_dir / "locust"),
                    "-f",
                    str(BENCH_DIR / "load_locustfile.py"),
                    "--headless",
                    "--host",
                    base,
                    "--users",
                    str(args.users),
                    "--spawn-rate",
                    str(args.spawn_rate),
                    "--run-time",
                    f"{seconds}s",
                    "--stop-timeout",
                    "20",
                    "--only-summary",
                    "--loglevel",
                    "ERROR",
                ],
                cwd=ROOT,
                env={
                    **os.environ,
                    "LOAD_TARGETS": str(target_file),
                    "LOAD_RESULTS": str(results_file),
                },
                stdout=subprocess.DEVNULL,
                stderr=locust_log,
                timeout=seconds + 120,
                check=False,
            )
            load_after = os.getloadavg()
            results = json.loads(results_file.read_text(encoding="utf-8"))
            rows = check_writes(results["writes"], tag)
            ok = report(results, args, rows, load_before, load_after)
        finally:
            stop(worker)
            stop(gunicorn)
            from django.db import connections

            connections.close_all()
    errors = [
        line
        for line in (folder / "gunicorn.log").read_text(errors="replace").splitlines()
        if "Traceback" in line or "ERROR" in line
    ]
    if errors:
        print(f"Journal de gunicorn : {len(errors)} ligne(s) d’erreur, dont : {errors[:3]}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
