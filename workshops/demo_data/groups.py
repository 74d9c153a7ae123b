"""The six working groups, their facilitators and members (see ``demo_groups.py``).

Groups and their levers follow the SGPE panorama; people are illustrative.
"""

from dataclasses import dataclass

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
