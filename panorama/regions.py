"""The regions of the SGPE file and their INSEE codes.

The SGPE file names regions but gives no code, and panorama (floor 1) may not
read the geography of ``territories``: the eighteen regions are few and stable,
so their codes are written here once.
"""

# SGPE label -> INSEE code. The SGPE writes "PACA"; both spellings are accepted.
REGION_CODES: dict[str, str] = {
    "Guadeloupe": "01",
    "Martinique": "02",
    "Guyane": "03",
    "La Réunion": "04",
    "Mayotte": "06",
    "Île-de-France": "11",
    "Centre-Val de Loire": "24",
    "Bourgogne-Franche-Comté": "27",
    "Normandie": "28",
    "Hauts-de-France": "32",
    "Grand Est": "44",
    "Pays de la Loire": "52",
    "Bretagne": "53",
    "Nouvelle-Aquitaine": "75",
    "Occitanie": "76",
    "Auvergne-Rhône-Alpes": "84",
    "PACA": "93",
    "Provence-Alpes-Côte d'Azur": "93",
    "Provence-Alpes-Côte d’Azur": "93",
    "Corse": "94",
}

# Rows of these "regions" are examples of the SGPE tool, not data: skipped on import.
IGNORED_REGIONS = frozenset({"Région exemple"})

# Overseas regions have two-digit codes below 10; the metropolitan ones start at 11.
OVERSEAS_CODES = frozenset({"01", "02", "03", "04", "06"})


def is_metropolitan(code: str) -> bool:
    """Whether the region of this INSEE code lies in metropolitan France."""
    return code not in OVERSEAS_CODES
