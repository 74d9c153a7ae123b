"""Demo of the working groups: the six groups, their facilitators and members,
documents, group sessions and departmental meetings with registrations and minutes.

Idempotent: everything is looked up by a natural key (slug, email, title). Dates
are relative to today, so that the demo always has past meetings (with their
minutes) and upcoming ones. Venues are real public buildings of the region;
people, dates and what was said are illustrative.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.utils import timezone

from cop.demo import DEMO_PASSWORD
from cop.models import Membership, Organisation, Role, Side, User
from cop.services import grant_role
from panorama.models import Lever, Scenario, Sector
from territories.models import Departement

from .models import (
    GroupDocument,
    GroupFacilitator,
    GroupFollow,
    GroupMembership,
    Meeting,
    MeetingKind,
    Registration,
    WorkingGroup,
)
from .services.meetings import minutes_publish

PARIS = ZoneInfo("Europe/Paris")


# --- The groups -------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupData:
    slug: str
    name: str
    summary: str
    description: str
    sectors: tuple[str, ...]
    levers: tuple[str, ...]
    documents: tuple[tuple[str, str], ...] = ()


GROUPS = [
    GroupData(
        "batiment",
        "Bâtiment",
        "Rénover les logements et les bâtiments tertiaires, sortir du fioul et du gaz.",
        """\
Le bâtiment est le deuxième poste d’émissions de la région. Le groupe partage
le diagnostic de la **rénovation énergétique** des logements (maisons individuelles
du parc rural, copropriétés, logement social) et des bâtiments tertiaires publics et
privés, et cherche comment accélérer :

- la rénovation performante, par étapes ou d’un seul tenant, avec les
  accompagnateurs Rénov’ et les espaces conseil France Rénov’ ;
- le remplacement des chaudières au **fioul** puis au **gaz** par des pompes à chaleur,
  des chaudières biomasse ou le raccordement à un réseau de chaleur ;
- la sobriété d’usage dans les bureaux, les écoles et les équipements publics ;
- la formation des artisans et la structuration de la filière des matériaux biosourcés.
""",
        ("Résidentiel", "Tertiaire"),
        (
            "reduc_rconso",
            "reduc_rfioul",
            "reduc_rgaz",
            "reduc_tconso",
            "reduc_tfioul",
            "reduc_tgaz",
        ),
        (("Note de cadrage du groupe Bâtiment", "https://www.centre-valdeloire.fr"),),
    ),
    GroupData(
        "agriculture-alimentation",
        "Agriculture et alimentation",
        "Fertilisation, élevage, machinisme, sols vivants et alimentation de proximité.",
        """\
Première région céréalière d’Europe, le Centre-Val de Loire doit réduire les émissions
de son agriculture tout en gardant sa capacité de production. Le groupe travaille sur :

- la **fertilisation azotée** (outils de pilotage, légumineuses, couverts) ;
- l’**élevage** durable et le maintien des prairies ;
- l’énergie des bâtiments et des machines agricoles ;
- les pratiques qui stockent du carbone dans les sols ;
- l’alimentation : projets alimentaires territoriaux, restauration collective,
  circuits de proximité.
""",
        ("Agriculture, Forêts et Sols",),
        ("reduc_azote", "co2_elevage", "reduc_eneragri", "augm_couverts", "augm_prairies"),
        (
            (
                "Note de cadrage du groupe Agriculture et alimentation",
                "https://www.centre-valdeloire.fr",
            ),
        ),
    ),
    GroupData(
        "mobilite",
        "Mobilité",
        "Se déplacer autrement au quotidien et transporter les marchandises sans carbone.",
        """\
Les transports sont le premier poste d’émissions de la région. Dans un territoire
où beaucoup de trajets se font en voiture faute d’alternative, le groupe cherche les
leviers concrets pour :

- **réduire les déplacements** contraints (télétravail, services de proximité) ;
- développer le **covoiturage**, le **vélo** et les **transports en commun**
  (TER Rémi, cars, lignes urbaines) ;
- électrifier le parc de voitures, de bus et de cars ;
- décarboner le **fret** : report vers le rail et le fluvial, logistique urbaine,
  carburants alternatifs pour les poids lourds.
""",
        ("Transport de voyageurs", "Transport de marchandises"),
        (
            "augm_voitelec",
            "reduc_consovp",
            "augm_buselec",
            "augm_depla",
            "augm_covoit",
            "augm_vélotc",
            "augm_fret",
            "augm_logi",
        ),
        (
            (
                "Note de cadrage du groupe Mobilité",
                "https://www.centre-valdeloire.fr",
            ),
            (
                "Présentation de la DREAL : les mobilités en Centre-Val de Loire",
                "https://www.centre-val-de-loire.developpement-durable.gouv.fr",
            ),
        ),
    ),
    GroupData(
        "economie-industrie",
        "Économie et industrie",
        "Décarboner l’industrie, produire une énergie renouvelable, valoriser les déchets.",
        """\
Le groupe réunit industriels, énergéticiens, chambres consulaires et collectivités
autour de trois chantiers :

- la décarbonation des **sites industriels** (efficacité, électrification, chaleur
  renouvelable, captage) ;
- la production d’**électricité renouvelable** et de **biogaz**, et les réseaux de
  chaleur ;
- l’**économie circulaire** : prévention et valorisation des déchets, captage du
  méthane des installations de stockage.
""",
        ("Industrie", "Énergie", "Déchet"),
        (
            "co2_indus",
            "co2_enr",
            "co2_biogaz",
            "reduc_chal",
            "augm_valodma",
            "reduc_proddma",
            "co2_isdnd",
        ),
        (("Note de cadrage du groupe Économie et industrie", "https://www.centre-valdeloire.fr"),),
    ),
    GroupData(
        "biodiversite",
        "Biodiversité",
        "Sobriété foncière, haies, zones humides et ressource en eau.",
        """\
La planification écologique ne se limite pas au climat : le groupe porte la
préservation de la **biodiversité** et des **ressources**, en lien avec la stratégie
régionale pour la biodiversité. Ses sujets :

- la **sobriété foncière** et la trajectoire zéro artificialisation nette ;
- la plantation et la gestion durable des **haies** ;
- les zones humides, les continuités écologiques et la ressource en **eau** ;
- les leviers « biodiversité et ressources » du baromètre de la planification.
""",
        (),
        ("reduc_artif", "augm_haies"),
        (
            (
                "Stratégie régionale pour la biodiversité",
                "https://www.centre-valdeloire.fr",
            ),
        ),
    ),
    GroupData(
        "foret-bois",
        "Forêt et bois",
        "Adapter les forêts au climat et développer les usages du bois.",
        """\
La forêt couvre près d’un quart de la région (Sologne, Orléans, Perche, Brenne).
Le groupe travaille sur :

- la **gestion durable** et l’adaptation des forêts au changement climatique
  (renouvellement, diversification des essences, risque incendie) ;
- le stockage de carbone dans les **produits bois** : construction, ameublement ;
- la structuration de la filière, de l’exploitation à la seconde transformation.
""",
        (),
        ("co2_foret", "co2_prodbois"),
        (("Note de cadrage du groupe Forêt et bois", "https://www.centre-valdeloire.fr"),),
    ),
]


# --- People -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    email: str
    first_name: str
    last_name: str
    organisation: str = ""


# (group slug, State facilitator, Region facilitator); animateur@demo.test
# comes from the process core's demo.
FACILITATORS = [
    (
        "mobilite",
        Person("animateur@demo.test", "Inès", "Moreau"),
        Person("animatrice-region@demo.test", "Élodie", "Lemaire"),
    ),
    (
        "batiment",
        Person("batiment.etat@demo.test", "Olivier", "Dumont"),
        Person("batiment.region@demo.test", "Nathalie", "Brun"),
    ),
    (
        "agriculture-alimentation",
        Person("agriculture.etat@demo.test", "Gilles", "Martinez"),
        Person("agriculture.region@demo.test", "Aurélie", "Colin"),
    ),
    (
        "economie-industrie",
        Person("economie.etat@demo.test", "Karim", "Haddad"),
        Person("economie.region@demo.test", "Sandrine", "Vidal"),
    ),
    (
        "biodiversite",
        Person("biodiversite.etat@demo.test", "Mathieu", "Renard"),
        Person("biodiversite.region@demo.test", "Claire", "Fontaine"),
    ),
    (
        "foret-bois",
        Person("foret.etat@demo.test", "Jérôme", "Chauvin"),
        Person("foret.region@demo.test", "Laure", "Besson"),
    ),
]

MEMBERS = [
    Person("marc.petit@demo.test", "Marc", "Petit", "Axéréal"),
    Person(
        "julie.roux@demo.test",
        "Julie",
        "Roux",
        "Fédération régionale des travaux publics Centre-Val de Loire",
    ),
    Person("nadia.benali@demo.test", "Nadia", "Benali", "Dev’Up Centre-Val de Loire"),
    Person(
        "pierre.lambert@demo.test",
        "Pierre",
        "Lambert",
        "Chambre régionale d’agriculture Centre-Val de Loire",
    ),
    Person("sarah.chevalier@demo.test", "Sarah", "Chevalier", "CCI Centre-Val de Loire"),
    Person(
        "antoine.faure@demo.test",
        "Antoine",
        "Faure",
        "Chambre de métiers et de l’artisanat Centre-Val de Loire",
    ),
    Person("emma.gauthier@demo.test", "Emma", "Gauthier", "Graine Centre-Val de Loire"),
    Person("lucie.perrin@demo.test", "Lucie", "Perrin", "Tours Métropole Val de Loire"),
    Person("hugo.robin@demo.test", "Hugo", "Robin", "Département du Loiret"),
    Person("camille.blanc@demo.test", "Camille", "Blanc", "DREAL Centre-Val de Loire"),
    Person("yann.morel@demo.test", "Yann", "Morel", "Agence de l’eau Loire-Bretagne"),
    Person("chloe.fournier@demo.test", "Chloé", "Fournier", "Université d’Orléans"),
    Person("louis.mercier@demo.test", "Louis", "Mercier", "Université de Tours"),
    Person("manon.david@demo.test", "Manon", "David", "INRAE Centre-Val de Loire"),
]

# email → (accepted groups, pending groups). acteur@ and collectivite@ come from cop's demo.
MEMBERSHIPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "acteur@demo.test": (("biodiversite",), ("mobilite",)),
    "collectivite@demo.test": (("mobilite", "batiment"), ()),
    "marc.petit@demo.test": (("agriculture-alimentation", "economie-industrie"), ()),
    "julie.roux@demo.test": (("batiment", "mobilite"), ()),
    "nadia.benali@demo.test": (("economie-industrie",), ("batiment",)),
    "pierre.lambert@demo.test": (("agriculture-alimentation", "foret-bois", "biodiversite"), ()),
    "sarah.chevalier@demo.test": (("economie-industrie", "mobilite"), ()),
    "antoine.faure@demo.test": (("batiment",), ()),
    "emma.gauthier@demo.test": (("biodiversite",), ()),
    "lucie.perrin@demo.test": (("mobilite", "batiment"), ()),
    "hugo.robin@demo.test": (("mobilite", "biodiversite"), ()),
    "camille.blanc@demo.test": (("foret-bois", "biodiversite"), ()),
    "yann.morel@demo.test": (("biodiversite", "agriculture-alimentation"), ()),
    "chloe.fournier@demo.test": (("foret-bois", "economie-industrie"), ()),
    "louis.mercier@demo.test": (("mobilite",), ()),
    "manon.david@demo.test": (("agriculture-alimentation", "foret-bois"), ()),
}

JOIN_MESSAGES = {
    "acteur@demo.test": "Notre fédération suit les projets de voies vertes et de covoiturage "
    "rural : nous souhaitons apporter ce retour de terrain au groupe.",
    "nadia.benali@demo.test": "L’agence accompagne des entreprises de la filière des "
    "matériaux biosourcés ; je souhaite suivre les travaux sur la rénovation.",
}


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


# --- Seeding ----------------------------------------------------------------------------------


def seed_groups_and_meetings(log) -> None:
    """Groups, facilitators, members, documents, meetings, registrations and minutes."""
    groups = _seed_groups(log)
    _seed_facilitators(groups)
    _seed_members(groups)
    log(
        f"Groupes de travail : {len(groups)}, chacun avec son binôme d’animation État-Région "
        f"({len(FACILITATORS) * 2} comptes, mot de passe {DEMO_PASSWORD}) et ses membres."
    )
    meetings = _seed_meetings(groups, log)
    log(f"Réunions : {meetings} (séances de groupe et rencontres départementales).")


def _account(person: Person) -> User:
    user, created = User.objects.get_or_create(
        email=person.email,
        defaults={"first_name": person.first_name, "last_name": person.last_name},
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if person.organisation:
        organisation = Organisation.objects.get(name=person.organisation)
        # One approved organisation per person: keep theirs if they have one.
        if not Membership.objects.filter(user=user, status=Membership.Status.APPROVED).exists():
            Membership.objects.update_or_create(
                user=user,
                organisation=organisation,
                defaults={"status": Membership.Status.APPROVED, "decided_at": timezone.now()},
            )
    return user


def _seed_groups(log) -> dict[str, WorkingGroup]:
    groups = {}
    levers = {lever.slug: lever for lever in Lever.objects.all()}
    sectors = {sector.name: sector for sector in Sector.objects.all()}
    if not levers:
        log("Groupes de travail : panorama absent, les leviers des groupes ne sont pas reliés.")
    for position, data in enumerate(GROUPS, start=1):
        group, _created = WorkingGroup.objects.update_or_create(
            slug=data.slug,
            defaults={
                "name": data.name,
                "summary": data.summary,
                "description": data.description,
                "position": position,
            },
        )
        group.levers.set([levers[slug] for slug in data.levers if slug in levers])
        group.sectors.set([sectors[name] for name in data.sectors if name in sectors])
        for title, url in data.documents:
            GroupDocument.objects.update_or_create(group=group, title=title, defaults={"url": url})
        groups[data.slug] = group
    scenario = Scenario.objects.filter(
        owner__email="animateur@demo.test", name="Proposition du groupe « Mieux se déplacer »"
    ).first()
    if scenario is not None:
        groups["mobilite"].proposed_scenario = scenario
        groups["mobilite"].save(update_fields=["proposed_scenario"])
    return groups


def _seed_facilitators(groups: dict[str, WorkingGroup]) -> None:
    for slug, state, region in FACILITATORS:
        for person, side in ((state, Side.STATE), (region, Side.REGION)):
            user = _account(person)
            grant_role(user=user, role=Role.FACILITATOR, side=side, by=None)
            GroupFacilitator.objects.update_or_create(
                group=groups[slug], side=side, defaults={"user": user}
            )


def _facilitator(group: WorkingGroup) -> User | None:
    """The group's State facilitator (the Region's if the State named none)."""
    facilitator = group.facilitators.select_related("user").order_by("-side").first()
    return facilitator.user if facilitator else None


def _seed_members(groups: dict[str, WorkingGroup]) -> None:
    people = {person.email: _account(person) for person in MEMBERS}
    people |= {user.email: user for user in User.objects.filter(email__in=list(MEMBERSHIPS))}
    now = timezone.now()
    for email, (accepted, pending) in MEMBERSHIPS.items():
        user = people.get(email)
        if user is None:
            continue
        membership = user.memberships.filter(status=Membership.Status.APPROVED).first()
        if membership is None:
            continue
        for slug in accepted:
            group = groups[slug]
            GroupMembership.objects.update_or_create(
                group=group,
                user=user,
                defaults={
                    "organisation": membership.organisation,
                    "status": GroupMembership.Status.ACCEPTED,
                    "message": "",
                    "decided_by": _facilitator(group),
                    "decided_at": now - dt.timedelta(days=60),
                },
            )
            GroupFollow.objects.get_or_create(group=group, user=user)
        for slug in pending:
            GroupMembership.objects.get_or_create(
                group=groups[slug],
                user=user,
                defaults={
                    "organisation": membership.organisation,
                    "message": JOIN_MESSAGES.get(email, ""),
                },
            )
    citizen = User.objects.filter(email="citoyen@demo.test").first()
    if citizen is not None:
        for slug in ("mobilite", "biodiversite"):
            GroupFollow.objects.get_or_create(group=groups[slug], user=citizen)


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=PARIS)


def _seed_meetings(groups: dict[str, WorkingGroup], log) -> int:
    departements = {d.code: d for d in Departement.objects.filter(code__in=list(PREFECTURES))}
    staff = User.objects.filter(email="etat@demo.test").first()
    count = 0
    for data in MEETINGS:
        departement = departements.get(data.departement)
        if data.kind == MeetingKind.DEPARTMENTAL and departement is None:
            log(f"Réunions : géographie absente, « {data.title} » n’est pas créée.")
            continue
        group = groups.get(data.group)
        starts = _at(data.days, data.hour)
        meeting, _created = Meeting.objects.update_or_create(
            title=data.title,
            defaults={
                "kind": data.kind,
                "group": group,
                "departement": departement,
                "starts_at": starts,
                "ends_at": starts + dt.timedelta(hours=data.duration),
                "place": data.place,
                "online_url": VISIO if data.online else "",
                "agenda": data.agenda,
                "capacity": data.capacity,
                "created_by": _facilitator(group) if group else staff,
            },
        )
        count += 1
        _seed_registrations(meeting, group, nearly_full=data.nearly_full, past=data.days < 0)
        author = _facilitator(group) if group else staff
        if data.outputs and data.days < 0 and not meeting.minutes_published and author:
            minutes_publish(
                meeting=meeting,
                by=author,
                minutes=data.outputs.minutes,
                initiatives=data.outputs.initiatives,
                obstacles=data.outputs.obstacles,
                proposals=data.outputs.proposals,
            )
    return count


def _seed_registrations(
    meeting: Meeting, group: WorkingGroup | None, *, nearly_full: bool, past: bool
) -> None:
    if group is not None:
        memberships = group.memberships.filter(status=GroupMembership.Status.ACCEPTED)
        users = [m.user for m in memberships.select_related("user").order_by("user__email")]
    else:
        # Departmental meetings: the demo's stakeholders of the département and around.
        users = list(
            User.objects.filter(
                email__in=[person.email for person in MEMBERS[:8]] + ["collectivite@demo.test"]
            ).order_by("email")
        )
    if meeting.capacity is not None:
        # Seats left for the demo visitors; a nearly full meeting keeps one, so
        # that the next person after it goes on the waiting list.
        users = users[: max(meeting.capacity - (1 if nearly_full else 2), 0)]
    for index, user in enumerate(users):
        Registration.objects.get_or_create(
            meeting=meeting,
            user=user,
            defaults={
                "status": Registration.Status.CONFIRMED,
                "attended": (index % 5 != 0) if past else None,
            },
        )
