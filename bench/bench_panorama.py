"""Benchmark of the panorama: the simulator's server-side recompute and the SGPE import.

    .venv/bin/python bench/bench_panorama.py [--repeat N]

Runs against a throw-away PostgreSQL (``common.throwaway_database``: an embedded
server in a temporary folder, or with ``DATABASE_URL`` set a database of its own
on that server, dropped at the end), imports the shipped SGPE file, then times:

- the full import of the SGPE file (474 rows read with pandas, validated, 444 written);
- a re-import of the same file (every row compared, nothing written);
- the simulator's recompute for the region's 30 levers, from a query string,
  alone and with the one query that loads the levers.
"""

import argparse
import os
import statistics
import sys
import time

from common import ROOT, throwaway_database

sys.path.insert(0, str(ROOT))


def timed(function, repeat: int) -> list[float]:
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
    return durations


def line(label: str, durations: list[float], unit: str = "ms") -> str:
    factor = 1000 if unit == "ms" else 1_000_000
    median = statistics.median(durations) * factor
    best = min(durations) * factor
    return (
        f"{label:<58} médiane {median:9.2f} {unit}   meilleur {best:9.2f} {unit}"
        f"   ({len(durations)} essais)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="essais par mesure de l’import")
    args = parser.parse_args()

    with throwaway_database("bench-panorama-") as (url, _folder):
        measure(url, args.repeat)


def measure(database_url: str, repeat: int) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)

    from panorama import selectors
    from panorama.importers import DEFAULT_LEVERS_FILE, read_levers
    from panorama.models import Lever, Sector, Workstream
    from panorama.services import levers_import
    from panorama.simulator import parse_query, simulate

    def first_import():
        Lever.objects.all().delete()  # and, by cascade, the regional efforts
        Sector.objects.all().delete()
        Workstream.objects.all().delete()
        levers_import(rows=read_levers(DEFAULT_LEVERS_FILE))

    def reimport():
        levers_import(rows=read_levers(DEFAULT_LEVERS_FILE))

    query = "t-augm_voitelec=600&c-reduc_rfioul=100&t-reduc_azote=700&c-augm_v%C3%A9lotc=35"
    region_code = selectors.cop_region_code()

    print(
        f"Base : PostgreSQL {connection.pg_version // 10000} "
        f"({connection.settings_dict['NAME']}), "
        f"Python {sys.version.split()[0]}"
    )
    print(
        line(
            "Import complet du fichier SGPE (lecture pandas + écriture)",
            timed(first_import, repeat),
        )
    )
    print(line("Réimport du même fichier (aucun changement)", timed(reimport, repeat)))

    efforts = list(selectors.regional_efforts(region_code=region_code))
    specs = [selectors.lever_spec(effort) for effort in efforts]
    simulation = simulate(specs, parse_query(query, specs))
    assert len(specs) == 30, f"{len(specs)} leviers pour la région {region_code}"
    print(
        f"Scénario mesuré : {query} → {simulation.totals.total_kt:,.0f} ktCO₂e".replace(",", " ")
    )
    print(
        line(
            "Recalcul du simulateur, 30 leviers (calcul seul)",
            timed(lambda: simulate(specs, parse_query(query, specs)), 2000),
            "µs",
        )
    )

    def with_query():
        loaded = [
            selectors.lever_spec(effort)
            for effort in selectors.regional_efforts(region_code=region_code)
        ]
        simulate(loaded, parse_query(query, loaded))

    print(
        line(
            "Recalcul du simulateur, 30 leviers (avec lecture en base)",
            timed(with_query, 500),
            "µs",
        )
    )
    connection.close()


if __name__ == "__main__":
    main()
