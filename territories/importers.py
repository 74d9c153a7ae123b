"""Import of the geography from the COG files (``territories/data/``).

The files are the CSV flattening of ``@etalab/decoupage-administratif`` (see
``territories/data/README.md``); a newer release with the same columns loads
with the same command. Every file is validated whole before anything is
written, and the writes happen in one transaction: a malformed file changes
nothing and the error names the file, the line and the column.

Re-running is idempotent: rows are compared with what the database holds and
only new or changed rows are written (in bulk, never one query per row).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from django.db import models, transaction

from core.uploads import ImportRejected, Limits, read_upload

from .models import Commune, Departement, Epci, Region
from .reference import sync_reference
from .text import search_key

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"

BATCH_SIZE = 1000

REGION_CODE = r"\d{2,3}"
DEPARTEMENT_CODE = r"\d{2,3}|2[AB]"
COMMUNE_CODE = r"[0-9][0-9AB]\d{3}"
SIREN = r"\d{9}"
POSTCODES = r"\d{5}( \d{5})*"
INTEGER = r"\d+"
# The COG files of the whole of France: about 35,000 communes, a few MB.
COG_LIMITS = Limits(
    max_bytes=50 * 1024 * 1024, max_rows=100_000, max_columns=50, max_cells=2_000_000
)


class ImportFileError(Exception):
    """A source file is missing or malformed; the message is for the user, in French."""


@dataclass
class ImportResult:
    region_names: list[str]
    loaded: dict[str, int] = field(default_factory=dict)
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class _Source:
    filename: str
    columns: tuple[str, ...]


REGIONS = _Source("regions.csv", ("code", "nom", "chef_lieu"))
DEPARTEMENTS = _Source("departements.csv", ("code", "nom", "region", "chef_lieu"))
COMMUNES = _Source(
    "communes.csv",
    ("code", "nom", "departement", "region", "siren", "codes_postaux", "population"),
)
EPCIS = _Source(
    "epci.csv",
    ("siren", "nom", "type", "mode_financement", "population_totale", "population_municipale"),
)
MEMBERS = _Source("epci-membres.csv", ("epci_siren", "commune_code"))


# --- Reading and validating ---------------------------------------------------


def _read(data_dir: Path, source: _Source) -> pd.DataFrame:
    """The file as strings, indexed by its line number in the file (the header is line 1)."""
    path = data_dir / source.filename
    if not path.is_file():
        raise ImportFileError(f"{source.filename} : fichier introuvable dans {data_dir}.")

    def check_header(header: list[str]) -> None:
        for column in source.columns:
            if column not in header:
                raise ImportFileError(
                    f"{source.filename}, ligne 1, colonne « {column} » : colonne manquante "
                    f"(colonnes attendues : {', '.join(source.columns)})."
                )

    try:
        sheet = read_upload(path, "csv", limits=COG_LIMITS, check_header=check_header)
    except ImportRejected as rejected:
        reasons = " ; ".join(message[:1].lower() + message[1:] for message in rejected.messages)
        raise ImportFileError(f"{source.filename}, {reasons}") from None
    frame = pd.DataFrame(sheet.rows, columns=sheet.header, index=sheet.lines, dtype=str)
    return frame[list(source.columns)].fillna("").apply(lambda column: column.str.strip())


def _reject(source: _Source, frame: pd.DataFrame, bad: pd.Series, column: str, problem: str):
    """Stop at the first line where ``bad`` holds; ``problem`` may use ``{value}``."""
    if bad.any():
        line = bad.idxmax()
        value = frame.at[line, column]
        raise ImportFileError(
            f"{source.filename}, ligne {line}, colonne « {column} » : "
            + problem.format(value=value)
            + "."
        )


def _require(source: _Source, frame: pd.DataFrame, *columns: str) -> None:
    for column in columns:
        _reject(source, frame, frame[column] == "", column, "valeur manquante")


def _match(
    source: _Source,
    frame: pd.DataFrame,
    column: str,
    pattern: str,
    expected: str,
    *,
    optional: bool = False,
) -> None:
    bad = ~frame[column].str.fullmatch(pattern)
    if optional:
        bad &= frame[column] != ""
    _reject(source, frame, bad, column, "« {value} » n’est pas " + expected)


def _unique(source: _Source, frame: pd.DataFrame, column: str) -> None:
    duplicated = frame[column].duplicated()
    if duplicated.any():
        line = duplicated.idxmax()
        value = frame.at[line, column]
        first = frame.index[frame[column] == value][0]
        raise ImportFileError(
            f"{source.filename}, ligne {line}, colonne « {column} » : "
            f"« {value} » figure déjà ligne {first}."
        )


def _known(
    source: _Source, frame: pd.DataFrame, column: str, known: Iterable[str], where: str
) -> None:
    bad = ~frame[column].isin(set(known))
    _reject(source, frame, bad, column, "« {value} » est inconnu de " + where)


def _validate(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Read the five files and check every row; raise ImportFileError at the first bad one."""
    regions = _read(data_dir, REGIONS)
    departements = _read(data_dir, DEPARTEMENTS)
    communes = _read(data_dir, COMMUNES)
    epcis = _read(data_dir, EPCIS)
    members = _read(data_dir, MEMBERS)

    # Each file on its own first, so that a line is blamed for its own fault...
    _require(REGIONS, regions, "code", "nom", "chef_lieu")
    _match(REGIONS, regions, "code", REGION_CODE, "un code de région")
    _unique(REGIONS, regions, "code")

    _require(DEPARTEMENTS, departements, "code", "nom", "region", "chef_lieu")
    _match(DEPARTEMENTS, departements, "code", DEPARTEMENT_CODE, "un code de département")
    _unique(DEPARTEMENTS, departements, "code")

    _require(COMMUNES, communes, "code", "nom", "departement", "region")
    _match(COMMUNES, communes, "code", COMMUNE_CODE, "un code INSEE de commune")
    _unique(COMMUNES, communes, "code")
    _match(COMMUNES, communes, "siren", SIREN, "un SIREN (9 chiffres)", optional=True)
    _match(
        COMMUNES,
        communes,
        "codes_postaux",
        POSTCODES,
        "une liste de codes postaux (5 chiffres, séparés par des espaces)",
        optional=True,
    )
    _match(
        COMMUNES,
        communes,
        "population",
        INTEGER,
        "une population (nombre entier positif)",
        optional=True,
    )

    _require(EPCIS, epcis, *EPCIS.columns)
    _match(EPCIS, epcis, "siren", SIREN, "un SIREN (9 chiffres)")
    _unique(EPCIS, epcis, "siren")
    _known(
        EPCIS,
        epcis,
        "type",
        Epci.Kind.values,
        "la liste des types (" + ", ".join(Epci.Kind.values) + ")",
    )
    _known(
        EPCIS,
        epcis,
        "mode_financement",
        Epci.Financing.values,
        "la liste des modes de financement (" + ", ".join(Epci.Financing.values) + ")",
    )
    for column in ("population_totale", "population_municipale"):
        _match(EPCIS, epcis, column, INTEGER, "une population (nombre entier positif)")

    _require(MEMBERS, members, *MEMBERS.columns)
    # The DGCL list puts a commune in at most one EPCI: Commune.epci relies on it.
    _unique(MEMBERS, members, "commune_code")

    # ...then the references between files.
    _known(REGIONS, regions, "chef_lieu", communes["code"], COMMUNES.filename)
    _known(DEPARTEMENTS, departements, "region", regions["code"], REGIONS.filename)
    _known(DEPARTEMENTS, departements, "chef_lieu", communes["code"], COMMUNES.filename)
    _known(COMMUNES, communes, "departement", departements["code"], DEPARTEMENTS.filename)
    _known(COMMUNES, communes, "region", regions["code"], REGIONS.filename)
    region_of = dict(zip(departements["code"], departements["region"], strict=True))
    _reject(
        COMMUNES,
        communes,
        communes["departement"].map(region_of) != communes["region"],
        "region",
        "la région « {value} » n’est pas celle du département de la commune",
    )
    _known(MEMBERS, members, "epci_siren", epcis["siren"], EPCIS.filename)
    _known(MEMBERS, members, "commune_code", communes["code"], COMMUNES.filename)

    return {
        "regions": regions,
        "departements": departements,
        "communes": communes,
        "epcis": epcis,
        "members": members,
    }


# --- Writing ------------------------------------------------------------------


@dataclass
class _Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _upsert(model: type[models.Model], fields: list[str], rows: dict[str, tuple]) -> _Counts:
    """Create missing rows and update changed ones, in bulk; ``rows`` maps pk → values."""
    pk_name = model._meta.pk.attname
    existing = {
        row[0]: row[1:]
        for row in model._default_manager.values_list(pk_name, *fields)
        .order_by()
        .iterator(chunk_size=5000)
    }
    to_create = []
    to_update = []
    for pk, values in rows.items():
        if pk not in existing:
            to_create.append(model(**{pk_name: pk}, **dict(zip(fields, values, strict=True))))
        elif existing[pk] != values:
            to_update.append(model(**{pk_name: pk}, **dict(zip(fields, values, strict=True))))
    model._default_manager.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        model._default_manager.bulk_update(to_update, fields, batch_size=BATCH_SIZE // 2)
    return _Counts(
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(rows) - len(to_create) - len(to_update),
    )


def _population(value: str) -> int | None:
    return int(value) if value else None


def import_territories(
    *, region_code: str | None, data_dir: Path = DEFAULT_DATA_DIR
) -> ImportResult:
    """Load one region (``region_code``) or all of France (None) from the COG files."""
    frames = _validate(Path(data_dir))
    regions = frames["regions"]
    if region_code is not None:
        regions = regions[regions["code"] == region_code]
        if regions.empty:
            raise ImportFileError(
                f"{REGIONS.filename} : la région « {region_code} » n’existe pas."
            )
    departements = frames["departements"]
    departements = departements[departements["region"].isin(regions["code"])]
    communes = frames["communes"]
    communes = communes[communes["region"].isin(regions["code"])]
    members = frames["members"]
    members = members[members["commune_code"].isin(communes["code"])]
    epcis = frames["epcis"]
    # An EPCI straddling two regions is kept whole, with its full population.
    epcis = epcis[epcis["siren"].isin(members["epci_siren"])]

    loaded_communes = set(communes["code"])
    epci_of = dict(zip(members["commune_code"], members["epci_siren"], strict=True))

    def chef_lieu(code: str) -> str | None:
        # The chef-lieu of a region loaded alone may lie in another region (TAAF).
        return code if code in loaded_communes else None

    region_rows = {
        row.code: (row.nom, chef_lieu(row.chef_lieu)) for row in regions.itertuples(index=False)
    }
    departement_rows = {
        row.code: (row.nom, row.region, chef_lieu(row.chef_lieu), search_key(row.nom))
        for row in departements.itertuples(index=False)
    }
    epci_rows = {
        row.siren: (
            row.nom,
            row.type,
            row.mode_financement,
            int(row.population_municipale),
            int(row.population_totale),
            search_key(row.nom),
        )
        for row in epcis.itertuples(index=False)
    }
    commune_rows = {
        row.code: (
            row.nom,
            row.departement,
            row.region,
            row.siren,
            row.codes_postaux,
            _population(row.population),
            epci_of.get(row.code),
            search_key(row.nom),
        )
        for row in communes.itertuples(index=False)
    }

    # One transaction: the foreign keys are checked at commit (Django creates
    # them deferred), so chef-lieux may point at communes written just after.
    with transaction.atomic():
        counts = [
            _upsert(Region, ["name", "chef_lieu_id"], region_rows),
            _upsert(
                Departement, ["name", "region_id", "chef_lieu_id", "search_name"], departement_rows
            ),
            _upsert(
                Epci,
                ["name", "kind", "financing", "population", "total_population", "search_name"],
                epci_rows,
            ),
            _upsert(
                Commune,
                [
                    "name",
                    "departement_id",
                    "region_id",
                    "siren",
                    "postcodes",
                    "population",
                    "epci_id",
                    "search_name",
                ],
                commune_rows,
            ),
        ]
        # The one territory reference follows the COG tables (territories/reference.py);
        # the data migration derived it for what was there before.
        if any(c.created or c.updated for c in counts):
            sync_reference()

    return ImportResult(
        region_names=list(regions["nom"]),
        loaded={
            "regions": len(region_rows),
            "departements": len(departement_rows),
            "communes": len(commune_rows),
            "epcis": len(epci_rows),
        },
        created=sum(c.created for c in counts),
        updated=sum(c.updated for c in counts),
        unchanged=sum(c.unchanged for c in counts),
    )
