"""A small COG dataset written to a temporary folder, to break one line at a time."""

from pathlib import Path

FILES = {
    "regions.csv": """code,nom,chef_lieu,zone
24,Centre-Val de Loire,45234,metro
11,Île-de-France,75056,metro
""",
    "departements.csv": """code,nom,region,chef_lieu,zone
45,Loiret,24,45234,metro
37,Indre-et-Loire,24,37261,metro
75,Paris,11,75056,metro
""",
    # Line 2 Orléans, 3 Saint-Jean-de-la-Ruelle, 4 Tours, 5 Paris.
    "communes.csv": """code,nom,departement,region,siren,codes_postaux,population
45234,Orléans,45,24,214502346,45000 45100,116357
45285,Saint-Jean-de-la-Ruelle,45,24,214502858,45140,16768
37261,Tours,37,24,213702611,37000 37100 37200,135463
75056,Paris,75,11,217500016,75001 75002,2113705
""",
    "epci.csv": """siren,nom,type,mode_financement,population_totale,population_municipale
244500468,Orléans Métropole,METRO,FPU,300512,293673
243700754,Tours Métropole Val de Loire,METRO,FPU,302400,297310
200054781,Métropole du Grand Paris,METRO,FPU,7200000,7075028
""",
    "epci-membres.csv": """epci_siren,commune_code
244500468,45234
244500468,45285
243700754,37261
200054781,75056
""",
}


def write_dataset(folder: Path, **replacements: tuple[str, str]) -> Path:
    """Write the dataset; ``communes=("116357", "beaucoup")`` replaces text in communes.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    for filename, text in FILES.items():
        key = filename.removesuffix(".csv").replace("-", "_")
        if key in replacements:
            old, new = replacements[key]
            assert old in text, f"{old!r} not in {filename}"
            text = text.replace(old, new, 1)
        (folder / filename).write_text(text, encoding="utf-8")
    return folder
