"""Content of the process core's demo (``manage.py seed_demo``).

Organisations are real bodies of Centre-Val de Loire, listed to make the demo
readable; the memberships, accounts and every date of the calendar after the
launch plenary of 4 December 2023 are illustrative.
"""

from dataclasses import dataclass

from .models import College, Phase, Role, Side

ORGANISATIONS: list[tuple[str, str, str]] = [
    # (name, college, website)
    ("Axéréal", College.SOCIO_ECONOMIC, "https://www.axereal.com"),
    (
        "Fédération régionale des travaux publics Centre-Val de Loire",
        College.SOCIO_ECONOMIC,
        "",
    ),
    (
        "Dev’Up Centre-Val de Loire",
        College.SOCIO_ECONOMIC,
        "",
    ),
    (
        "Chambre régionale d’agriculture Centre-Val de Loire",
        College.SOCIAL_PARTNERS,
        "https://centre-valdeloire.chambres-agriculture.fr",
    ),
    ("CCI Centre-Val de Loire", College.SOCIAL_PARTNERS, "https://www.centre.cci.fr"),
    (
        "Chambre de métiers et de l’artisanat Centre-Val de Loire",
        College.SOCIAL_PARTNERS,
        "",
    ),
    (
        "France Nature Environnement Centre-Val de Loire",
        College.ASSOCIATIONS,
        "",
    ),
    ("Graine Centre-Val de Loire", College.ASSOCIATIONS, ""),
    # This exact name: the territories seeder ties it to its EPCI.
    ("Orléans Métropole", College.LOCAL_AUTHORITIES, "https://www.orleans-metropole.fr"),
    ("Tours Métropole Val de Loire", College.LOCAL_AUTHORITIES, "https://www.tours-metropole.fr"),
    ("Département du Loiret", College.LOCAL_AUTHORITIES, "https://www.loiret.fr"),
    (
        "ADEME Direction régionale Centre-Val de Loire",
        College.STATE,
        "",
    ),
    ("DREAL Centre-Val de Loire", College.STATE, ""),
    ("Agence de l’eau Loire-Bretagne", College.STATE, "https://agence.eau-loire-bretagne.fr"),
    ("Université d’Orléans", College.EDUCATION_RESEARCH, "https://www.univ-orleans.fr"),
    ("Université de Tours", College.EDUCATION_RESEARCH, "https://www.univ-tours.fr"),
    ("INRAE Centre-Val de Loire", College.EDUCATION_RESEARCH, ""),
]


@dataclass(frozen=True)
class Account:
    email: str
    first_name: str
    last_name: str
    label: str
    organisation: str = ""  # approved member of
    roles: tuple[tuple[str, str], ...] = ()
    pending: str = ""  # pending request to


ACCOUNTS = [
    Account("citoyen@demo.test", "Claire", "Dumas", "citoyenne"),
    Account(
        "acteur@demo.test",
        "Bruno",
        "Lefèvre",
        "acteur (France Nature Environnement Centre-Val de Loire)",
        organisation="France Nature Environnement Centre-Val de Loire",
    ),
    Account(
        "collectivite@demo.test",
        "Sophie",
        "Marchand",
        "représentante de collectivité (Orléans Métropole)",
        organisation="Orléans Métropole",
    ),
    Account(
        "animateur@demo.test",
        "Inès",
        "Moreau",
        "animatrice, côté État (ADEME)",
        organisation="ADEME Direction régionale Centre-Val de Loire",
        # Facilitator of a working group: granted with the group by workshops/demo_groups.py.
    ),
    Account(
        "etat@demo.test",
        "Hélène",
        "Garnier",
        "agente et signataire, côté État (préfecture de région)",
        roles=((Role.STAFF, Side.STATE), (Role.PUBLISHER, Side.STATE)),
    ),
    Account(
        "region@demo.test",
        "Thomas",
        "Girard",
        "agent et signataire, côté Région",
        roles=((Role.STAFF, Side.REGION), (Role.PUBLISHER, Side.REGION)),
    ),
    # Not a role: someone whose request waits on the staff follow-up page.
    Account(
        "demande@demo.test",
        "Lucas",
        "Bernard",
        "citoyen dont la demande de rattachement attend une décision",
        pending="Graine Centre-Val de Loire",
    ),
]

# (kind, title, description, (start month, day), (end month, day)); months of
# the edition's year, December of the year before written as month 0.
PHASES = [
    (
        Phase.Kind.DIAGNOSTIC,
        "Diagnostic partagé",
        "État des lieux de la région, levier par levier, à partir du panorama de la SGPE : "
        "où en est le Centre-Val de Loire et quel effort reste à faire d’ici 2030.",
        (0, 4),
        (2, 15),
    ),
    (
        Phase.Kind.WORKING_GROUPS,
        "Groupes de travail thématiques",
        "Six groupes de travail, animés chacun par un binôme État-Région, réunissent les acteurs "
        "des six collèges ; des rencontres départementales complètent les échanges.",
        (2, 16),
        (6, 30),
    ),
    (
        Phase.Kind.ROADMAP_PROPOSAL,
        "Proposition de feuille de route",
        "Les animateurs et les services de l’État et de la Région consolident les propositions "
        "en un projet de feuille de route régionale.",
        (7, 1),
        (8, 31),
    ),
    (
        Phase.Kind.PLENARY_ADOPTION,
        "Adoption en plénière",
        "La feuille de route est présentée puis adoptée en séance plénière.",
        (9, 1),
        (9, 20),
    ),
    (
        Phase.Kind.CONSULTATION,
        "Concertation citoyenne et déclinaison territoriale",
        "Les habitants donnent leur avis sur la feuille de route ; les territoires la déclinent "
        "dans leurs engagements et leurs contrats (CRTE, CRST).",
        (9, 21),
        (11, 30),
    ),
    (
        Phase.Kind.CONSOLIDATION,
        "Consolidation",
        "Prise en compte des avis et des engagements, bilan de l’année et préparation "
        "de l’édition suivante.",
        (12, 1),
        (12, 31),
    ),
]

LAUNCH_AGENDA = """\
1. Accueil par la Préfète de la région Centre-Val de Loire et le Président de la Région
2. La planification écologique : les objectifs nationaux à l’horizon 2030 et leur \
déclinaison régionale par la SGPE
3. La démarche de la COP Centre-Val de Loire et son calendrier
4. Lancement des six groupes de travail thématiques
5. Échanges avec la salle
"""

ADOPTION_AGENDA = """\
1. Synthèse des travaux des groupes de travail et des rencontres départementales
2. Présentation de la feuille de route régionale
3. Adoption de la feuille de route
4. Suite de la démarche : concertation citoyenne et déclinaison territoriale
"""

# Links of the launch plenary: the co-pilots' home pages, standing in for the
# slides and the recording (illustrative).
LAUNCH_SLIDES_URL = "https://www.prefectures-regions.gouv.fr/centre-val-de-loire"
LAUNCH_VIDEO_URL = "https://www.centre-valdeloire.fr"
