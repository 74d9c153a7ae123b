"""Group sessions and departmental meetings of the demo, with their minutes.

Days are counted from today (negative in the past); venues are real public
buildings of the region; what was said is illustrative.
"""

from dataclasses import dataclass

from ..models import MeetingKind

# --- Meetings -------------------------------------------------------------------------------

PREFECTURES = {
    "18": "Préfecture du Cher, place Marcel-Plaisant, Bourges",
    "28": "Préfecture d’Eure-et-Loir, 15 place de la République, Chartres",
    "36": "Préfecture de l’Indre, place de la Victoire-et-des-Alliés, Châteauroux",
    "37": "Préfecture d’Indre-et-Loire, 15 rue Bernard-Palissy, Tours",
    "41": "Préfecture de Loir-et-Cher, place de la République, Blois",
    "45": "Préfecture du Loiret, 181 rue de Bourgogne, Orléans",
}
REGION_HALL = "Hôtel de Région, 9 rue Saint-Pierre-Lentin, Orléans"
VISIO = "https://webconf.numerique.gouv.fr"


@dataclass(frozen=True)
class Outputs:
    minutes: str
    initiatives: tuple[str, ...] = ()
    obstacles: tuple[str, ...] = ()
    proposals: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingData:
    title: str
    kind: str
    group: str  # slug, "" for a departmental meeting
    departement: str  # code, "" for none
    days: int  # from today; negative in the past
    hour: int
    duration: int  # hours
    place: str
    agenda: str
    capacity: int | None = 40
    online: bool = False
    outputs: Outputs | None = None  # minutes published (past meetings only)
    nearly_full: bool = False  # every seat taken but one


GROUP_AGENDA = """\
1. Accueil et tour de table
2. Rappel du panorama : les leviers du groupe et leur effort d’ici 2030
3. Ateliers en sous-groupes : {topic}
4. Restitution et suites à donner
"""

DEPARTMENTAL_AGENDA = """\
1. Ouverture par le préfet du département et un élu régional
2. La COP régionale et sa déclinaison dans le département
3. Tables rondes : mobilité, logement, agriculture, eau et biodiversité
4. Les initiatives du territoire à faire connaître
5. Prochaines étapes : feuille de route et engagements des territoires
"""

MEETINGS = [
    # Working-group sessions
    MeetingData(
        "Mobilité — atelier n° 1 : covoiturage et transports du quotidien",
        MeetingKind.GROUP_SESSION,
        "mobilite",
        "45",
        -40,
        14,
        3,
        REGION_HALL,
        GROUP_AGENDA.format(topic="covoiturage, lignes de car express, pôles d’échanges"),
        outputs=Outputs(
            """\
## Participants
Vingt-trois participants, des six collèges, dont huit représentants d’intercommunalités.

## Ce qui a été dit
Le covoiturage domicile-travail progresse là où une collectivité l’anime (lignes
de covoiturage, incitation financière), mais reste marginal ailleurs. Les
intercommunalités rurales manquent d’ingénierie pour monter des projets de mobilité.

Les participants ont insisté sur l’articulation avec le réseau régional Rémi :
horaires, correspondances, stationnement vélo sécurisé dans les gares.

## Suites
Le groupe approfondira la logistique urbaine et le fret lors de l’atelier n° 2.
""",
            initiatives=(
                "Lignes de covoiturage de l’agglomération de Chartres : trois lignes "
                "balisées avec départ garanti, à étendre aux bassins d’emploi voisins",
            ),
            obstacles=(
                "Manque d’ingénierie des petites intercommunalités : pas de chargé de "
                "mission mobilité pour monter un plan de mobilité simplifié",
                "Stationnement vélo insuffisant dans les gares TER",
            ),
            proposals=(
                "Créer un fonds régional d’amorçage des lignes de covoiturage : "
                "financer les deux premières années d’animation",
            ),
        ),
    ),
    MeetingData(
        "Mobilité — atelier n° 2 : logistique urbaine et fret ferroviaire",
        MeetingKind.GROUP_SESSION,
        "mobilite",
        "37",
        10,
        9,
        3,
        "Préfecture d’Indre-et-Loire, 15 rue Bernard-Palissy, Tours",
        GROUP_AGENDA.format(topic="livraisons du dernier kilomètre, embranchements ferroviaires"),
        capacity=6,
        nearly_full=True,
    ),
    MeetingData(
        "Mobilité — webinaire : électrification des flottes de bus et de cars",
        MeetingKind.GROUP_SESSION,
        "mobilite",
        "",
        24,
        10,
        2,
        "",
        GROUP_AGENDA.format(topic="retours d’expérience des réseaux urbains et interurbains"),
        capacity=None,
        online=True,
    ),
    MeetingData(
        "Bâtiment — atelier n° 1 : rénovation des maisons individuelles",
        MeetingKind.GROUP_SESSION,
        "batiment",
        "37",
        -33,
        14,
        3,
        "Préfecture d’Indre-et-Loire, 15 rue Bernard-Palissy, Tours",
        GROUP_AGENDA.format(topic="parcours de rénovation, financement, artisans"),
        outputs=Outputs(
            """\
## Ce qui a été dit
Les ménages modestes du parc rural renoncent souvent à la rénovation faute de
reste à charge finançable. Les artisans qualifiés RGE manquent dans plusieurs
bassins, en particulier dans l’Indre et le Cher.

## Suites
Un second atelier traitera du tertiaire public et des chaudières au fioul.
""",
            initiatives=(
                "Guichet unique de la rénovation d’une métropole : accompagnement de "
                "bout en bout, du diagnostic à la réception des travaux",
            ),
            obstacles=("Reste à charge trop élevé pour les ménages modestes malgré les aides",),
            proposals=(
                "Former 300 artisans par an à la rénovation performante : "
                "avec les chambres de métiers et les organismes de formation",
                "Prêt à taux zéro régional couplé à MaPrimeRénov’",
            ),
        ),
    ),
    MeetingData(
        "Bâtiment — atelier n° 2 : tertiaire public et sortie du fioul",
        MeetingKind.GROUP_SESSION,
        "batiment",
        "45",
        17,
        14,
        3,
        REGION_HALL,
        GROUP_AGENDA.format(topic="décret tertiaire, écoles et lycées, chaufferies"),
    ),
    MeetingData(
        "Agriculture et alimentation — atelier n° 1 : fertilisation et sols",
        MeetingKind.GROUP_SESSION,
        "agriculture-alimentation",
        "28",
        -26,
        9,
        4,
        "Préfecture d’Eure-et-Loir, 15 place de la République, Chartres",
        GROUP_AGENDA.format(topic="pilotage de l’azote, légumineuses, couverts végétaux"),
        outputs=Outputs(
            """\
## Ce qui a été dit
Les outils de pilotage de la fertilisation sont connus mais peu utilisés hors des
exploitations accompagnées. Les débouchés des légumineuses restent le verrou principal.
""",
            initiatives=(
                "Groupes d’agriculteurs en transition accompagnés par la chambre "
                "d’agriculture : échanges de pratiques sur les couverts",
            ),
            obstacles=(
                "Débouchés insuffisants pour les légumineuses : pas de filière de "
                "collecte et de transformation locale",
            ),
            proposals=("Structurer une filière régionale des légumineuses avec les coopératives",),
        ),
    ),
    MeetingData(
        "Agriculture et alimentation — atelier n° 2 : élevage et prairies",
        MeetingKind.GROUP_SESSION,
        "agriculture-alimentation",
        "18",
        12,
        9,
        4,
        "Préfecture du Cher, place Marcel-Plaisant, Bourges",
        GROUP_AGENDA.format(topic="maintien de l’élevage, prairies permanentes, haies"),
    ),
    MeetingData(
        "Économie et industrie — atelier n° 1 : chaleur renouvelable dans l’industrie",
        MeetingKind.GROUP_SESSION,
        "economie-industrie",
        "41",
        -19,
        14,
        3,
        "Préfecture de Loir-et-Cher, place de la République, Blois",
        GROUP_AGENDA.format(topic="biomasse, géothermie, récupération de chaleur fatale"),
    ),
    MeetingData(
        "Économie et industrie — atelier n° 2 : biogaz et économie circulaire",
        MeetingKind.GROUP_SESSION,
        "economie-industrie",
        "45",
        20,
        14,
        3,
        REGION_HALL,
        GROUP_AGENDA.format(topic="méthanisation, tri à la source des biodéchets"),
        online=True,
    ),
    MeetingData(
        "Biodiversité — atelier n° 1 : sobriété foncière",
        MeetingKind.GROUP_SESSION,
        "biodiversite",
        "36",
        -12,
        14,
        3,
        "Préfecture de l’Indre, place de la Victoire-et-des-Alliés, Châteauroux",
        GROUP_AGENDA.format(topic="trajectoire ZAN, friches, densification"),
        outputs=Outputs(
            """\
## Ce qui a été dit
Les collectivités demandent un appui pour recenser leurs friches et leurs gisements
fonciers. La renaturation reste coûteuse et peu financée.
""",
            initiatives=(
                "Inventaire des friches d’un département : base partagée avec les "
                "intercommunalités et l’établissement public foncier",
            ),
            obstacles=("Coût élevé de la dépollution et de la renaturation des friches",),
            proposals=(
                "Créer un observatoire régional du foncier : consommation d’espaces, "
                "friches, densité des opérations",
            ),
        ),
    ),
    MeetingData(
        "Biodiversité — atelier n° 2 : haies et zones humides",
        MeetingKind.GROUP_SESSION,
        "biodiversite",
        "41",
        26,
        9,
        3,
        "Préfecture de Loir-et-Cher, place de la République, Blois",
        GROUP_AGENDA.format(topic="plantation et gestion des haies, zones humides"),
    ),
    MeetingData(
        "Forêt et bois — atelier n° 1 : adapter la forêt au climat",
        MeetingKind.GROUP_SESSION,
        "foret-bois",
        "18",
        -45,
        9,
        4,
        "Préfecture du Cher, place Marcel-Plaisant, Bourges",
        GROUP_AGENDA.format(topic="renouvellement, diversification des essences, incendies"),
        outputs=Outputs(
            """\
## Ce qui a été dit
Les dépérissements (chênes, châtaigniers, résineux) s’accélèrent. Les propriétaires
privés, très nombreux et souvent petits, sont difficiles à mobiliser.
""",
            initiatives=(
                "Îlots d’avenir : plantations expérimentales d’essences adaptées "
                "suivies par les forestiers publics",
            ),
            obstacles=("Morcellement de la forêt privée : peu de plans de gestion",),
            proposals=(
                "Regrouper la gestion des petites forêts privées : animation par les "
                "coopératives forestières, aides au regroupement",
            ),
        ),
    ),
    MeetingData(
        "Forêt et bois — webinaire : le bois dans la construction",
        MeetingKind.GROUP_SESSION,
        "foret-bois",
        "",
        31,
        14,
        2,
        "",
        GROUP_AGENDA.format(topic="commande publique, filière locale, bois d’œuvre"),
        capacity=None,
        online=True,
    ),
    # Departmental meetings, one per département, in the prefecture towns
    MeetingData(
        "Rencontre départementale du Cher",
        MeetingKind.DEPARTMENTAL,
        "",
        "18",
        -50,
        14,
        3,
        PREFECTURES["18"],
        DEPARTMENTAL_AGENDA,
        capacity=80,
        outputs=Outputs(
            """\
## Participants
Soixante participants : élus, entreprises, associations, services de l’État.

## Ce qui a été dit
Le département attend de la COP un appui à l’ingénierie des petites communes et
une attention particulière à la mobilité rurale.
""",
            initiatives=(
                "Transport à la demande d’une communauté de communes rurale, ouvert à "
                "tous les habitants",
            ),
            obstacles=("Peu d’ingénierie dans les petites communes pour monter les projets",),
            proposals=("Mutualiser un chargé de mission transition par bassin de vie",),
        ),
    ),
    MeetingData(
        "Rencontre départementale d’Eure-et-Loir",
        MeetingKind.DEPARTMENTAL,
        "",
        "28",
        -36,
        14,
        3,
        PREFECTURES["28"],
        DEPARTMENTAL_AGENDA,
        capacity=80,
        outputs=Outputs(
            """\
## Ce qui a été dit
Forte attente sur la méthanisation agricole et sur le partage de la ressource en eau
dans la Beauce.
""",
            initiatives=("Unités de méthanisation collectives portées par des agriculteurs",),
            obstacles=("Délais de raccordement au réseau de gaz pour les méthaniseurs",),
            proposals=("Planifier les raccordements de biométhane à l’échelle du département",),
        ),
    ),
    MeetingData(
        "Rencontre départementale de l’Indre",
        MeetingKind.DEPARTMENTAL,
        "",
        "36",
        8,
        14,
        3,
        PREFECTURES["36"],
        DEPARTMENTAL_AGENDA,
        capacity=80,
    ),
    MeetingData(
        "Rencontre départementale d’Indre-et-Loire",
        MeetingKind.DEPARTMENTAL,
        "",
        "37",
        -22,
        14,
        3,
        PREFECTURES["37"],
        DEPARTMENTAL_AGENDA,
        capacity=100,
        outputs=Outputs(
            """\
## Ce qui a été dit
La métropole et les intercommunalités voisines souhaitent coordonner leurs plans de
mobilité et leurs projets de réseaux de chaleur.
""",
            initiatives=("Extension du réseau de chaleur urbain alimenté au bois",),
            obstacles=("Coût des extensions de réseaux de chaleur vers les quartiers peu denses",),
            proposals=("Schéma directeur des réseaux de chaleur à l’échelle de l’aire urbaine",),
        ),
    ),
    MeetingData(
        "Rencontre départementale de Loir-et-Cher",
        MeetingKind.DEPARTMENTAL,
        "",
        "41",
        15,
        14,
        3,
        PREFECTURES["41"],
        DEPARTMENTAL_AGENDA,
        capacity=80,
    ),
    MeetingData(
        "Rencontre départementale du Loiret",
        MeetingKind.DEPARTMENTAL,
        "",
        "45",
        27,
        14,
        3,
        PREFECTURES["45"],
        DEPARTMENTAL_AGENDA,
        capacity=120,
    ),
]
