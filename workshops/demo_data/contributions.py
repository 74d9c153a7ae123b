"""Contributions of the six working groups, with their comments, supporters and moderation.

The subjects are real questions of Centre-Val de Loire; the people, their words
and the figures quoted are illustrative.
"""

from dataclasses import dataclass, field

from ..models import ContributionKind

INITIATIVE, OBSTACLE, PROPOSAL = (
    ContributionKind.INITIATIVE,
    ContributionKind.OBSTACLE,
    ContributionKind.PROPOSAL,
)

# Stakeholders who write in the demo, besides the accounts of the process core.
CRA = "Chambre régionale d’agriculture Centre-Val de Loire"
CMA_ORG = "Chambre de métiers et de l’artisanat Centre-Val de Loire"
AUTHORS = [
    ("m.rousseau@demo.test", "Marc", "Rousseau", CRA),
    ("n.benali@demo.test", "Nadia", "Benali", "CCI Centre-Val de Loire"),
    ("j.perrin@demo.test", "Julien", "Perrin", "Tours Métropole Val de Loire"),
    ("e.fournier@demo.test", "Élise", "Fournier", "INRAE Centre-Val de Loire"),
    ("p.mercier@demo.test", "Paul", "Mercier", CMA_ORG),
    ("a.lambert@demo.test", "Anne", "Lambert", "Département du Loiret"),
]  # fmt: skip

FNE, ORLEANS, ADEME = "acteur@demo.test", "collectivite@demo.test", "animateur@demo.test"
AGRI, CCI, TOURS, INRAE, CMA, LOIRET = (a[0] for a in AUTHORS)


@dataclass(frozen=True)
class Item:
    group: str
    kind: str
    title: str
    body: str
    author: str
    levers: tuple[str, ...] = ()
    territory: str = ""  # "c:45234" commune, "e:244500468" EPCI, "d:45" département
    retained: bool = False
    supporters: tuple[str, ...] = ()
    comments: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = field(default=())


CONTRIBUTIONS: list[Item] = [
    # --- Bâtiment --------------------------------------------------------------------------
    Item(
        "batiment",
        INITIATIVE,
        "Guichet unique de la rénovation énergétique à Orléans Métropole",
        "Depuis 2022, la maison de l’habitat d’Orléans Métropole accompagne les propriétaires "
        "de l’audit aux travaux : **un seul interlocuteur**, des permanences dans les communes "
        "et un suivi des dossiers MaPrimeRénov’.\n\nPlus de 1 200 ménages accompagnés en deux "
        "ans. L’amplifier suppose de financer des conseillers dans les intercommunalités rurales.",
        ORLEANS,
        ("reduc_rconso",),
        "e:244500468",
        True,
        (FNE, TOURS, LOIRET, ADEME),
        (
            (
                FNE,
                "Très bon exemple : les permanences dans les mairies changent tout pour les "
                "personnes âgées.",
                (
                    (
                        ORLEANS,
                        "Merci ! Nous tenons une permanence par mois dans "
                        "chacune des 22 communes.",
                    ),
                ),
            ),
        ),
    ),
    Item(
        "batiment",
        OBSTACLE,
        "Pénurie d’artisans qualifiés RGE en zone rurale",
        "Dans le Cher et l’Indre, les délais pour un chantier d’isolation dépassent souvent "
        "**huit mois** faute d’entreprises labellisées RGE. Les ménages renoncent ou se "
        "tournent vers des offres frauduleuses.",
        CMA,
        ("reduc_rconso", "reduc_rfioul"),
        "d:36",
        False,
        (AGRI, FNE, LOIRET),
        (
            (
                ADEME,
                "Le dispositif de formation FEEBat pourrait être relayé par les chambres "
                "de métiers dans chaque département.",
                (),
            ),
        ),
    ),
    Item(
        "batiment",
        PROPOSAL,
        "Accélérer la rénovation des logements communaux",
        "Proposer aux communes de moins de 2 000 habitants un programme groupé d’audits et de "
        "travaux sur leurs logements locatifs, porté par le département, avec un tiers "
        "financement régional.",
        LOIRET,
        ("reduc_rconso",),
        "d:45",
        False,
        (ORLEANS, CMA),
    ),
    Item(
        "batiment",
        PROPOSAL,
        "Remplacer les chaudières fioul des écoles par des pompes à chaleur",
        "Beaucoup d’écoles rurales chauffent encore au fioul. Un plan régional de remplacement "
        "(pompes à chaleur, bois granulé) avec une ingénierie mutualisée réduirait les coûts "
        "pour les petites communes.",
        FNE,
        ("reduc_tfioul", "reduc_tconso"),
        "",
        True,
        (ORLEANS, LOIRET, TOURS, CMA, ADEME),
    ),
    Item(
        "batiment",
        OBSTACLE,
        "Copropriétés des années 1970 : décisions bloquées en assemblée",
        "À Tours, les copropriétés de grande taille peinent à voter des travaux de rénovation "
        "globale : reste à charge élevé pour les propriétaires modestes, syndics peu formés.",
        TOURS,
        ("reduc_rconso", "reduc_rgaz"),
        "c:37261",
        False,
        (FNE,),
    ),
    Item(
        "batiment",
        INITIATIVE,
        "Matériaux biosourcés : la filière chanvre du Berry",
        "Une coopérative du Cher produit des isolants en chanvre utilisés dans la rénovation "
        "de bâtiments publics. Elle pourrait fournir davantage de chantiers si la commande "
        "publique intégrait des critères biosourcés.",
        AGRI,
        ("reduc_tconso",),
        "c:18033",
        False,
        (INRAE, CMA),
    ),
    Item(
        "batiment",
        PROPOSAL,
        "Rénovations groupées par quartier pavillonnaire",
        "Organiser des opérations de rénovations groupées par quartier : un même artisan pour "
        "plusieurs maisons similaires, des prix négociés et un chantier plus court.",
        TOURS,
        ("reduc_rconso",),
        "e:243700754",
        False,
        (ORLEANS,),
    ),
    # --- Agriculture et alimentation ------------------------------------------------------
    Item(
        "agriculture-alimentation",
        INITIATIVE,
        "Restauration collective locale dans les lycées",
        "Plusieurs lycées de la région servent déjà **plus de 40 % de produits locaux** grâce à "
        "une plateforme d’approvisionnement régionale. À étendre aux collèges et aux EHPAD.",
        AGRI,
        ("co2_elevage",),
        "",
        True,
        (FNE, LOIRET, INRAE, ORLEANS),
        (
            (
                LOIRET,
                "Le Département est prêt à mutualiser la plateforme pour ses collèges.",
                ((AGRI, "Les producteurs demandent surtout de la visibilité sur les volumes."),),
            ),
            (INRAE, "Une évaluation des émissions évitées serait utile pour convaincre.", ()),
        ),
    ),
    Item(
        "agriculture-alimentation",
        OBSTACLE,
        "Coût des diagnostics carbone pour les exploitations",
        "Le diagnostic carbone reste coûteux pour une petite exploitation céréalière, et ses "
        "recommandations sont rarement suivies faute d’accompagnement dans la durée.",
        AGRI,
        ("reduc_azote", "reduc_eneragri"),
        "d:28",
        False,
        (CCI,),
    ),
    Item(
        "agriculture-alimentation",
        PROPOSAL,
        "Réduire l’azote minéral par les légumineuses en Beauce",
        "Soutenir l’introduction de légumineuses (pois, féverole, luzerne) dans les rotations "
        "beauceronnes, avec des débouchés garantis par les coopératives.",
        INRAE,
        ("reduc_azote", "augm_couverts"),
        "d:28",
        True,
        (AGRI, FNE),
    ),
    Item(
        "agriculture-alimentation",
        INITIATIVE,
        "Méthanisation agricole collective en Eure-et-Loir",
        "Une unité de méthanisation portée par douze exploitations valorise effluents et "
        "cultures intermédiaires. Le digestat remplace une partie des engrais minéraux.",
        AGRI,
        ("co2_biogaz", "reduc_azote"),
        "c:28088",
        False,
        (CCI, INRAE),
    ),
    Item(
        "agriculture-alimentation",
        OBSTACLE,
        "Méthanisation : acceptabilité locale des projets",
        "Les projets de méthaniseurs suscitent des oppositions (odeurs, trafic de camions, "
        "cultures dédiées). Sans concertation en amont, ils sont retardés de plusieurs années.",
        FNE,
        ("co2_biogaz",),
        "d:41",
        False,
        (LOIRET,),
        ((AGRI, "Une charte régionale de concertation aiderait les porteurs de projet.", ()),),
    ),
    Item(
        "agriculture-alimentation",
        PROPOSAL,
        "Légumeries départementales pour les cantines",
        "Créer dans chaque département une légumerie qui prépare les légumes locaux pour la "
        "restauration collective : c’est le maillon manquant entre maraîchers et cantines.",
        LOIRET,
        ("co2_elevage",),
        "d:45",
        False,
        (AGRI, ORLEANS, TOURS),
    ),
    # --- Mobilité -------------------------------------------------------------------------
    Item(
        "mobilite",
        INITIATIVE,
        "Covoiturage rural : les lignes de covoiturage du Perche",
        "Des arrêts de covoiturage balisés relient les bourgs du Perche à Nogent-le-Rotrou "
        "aux heures de pointe, avec une garantie de retour. Environ 300 trajets par mois.",
        ADEME,
        ("augm_covoit",),
        "e:200006971",
        True,
        (FNE, CCI, LOIRET, ORLEANS),
        (
            (
                CCI,
                "Les entreprises de la zone d’activités seraient prêtes à relayer l’offre "
                "auprès de leurs salariés.",
                ((ADEME, "Excellent, je vous mets en contact avec la communauté de communes."),),
            ),
        ),
    ),
    Item(
        "mobilite",
        OBSTACLE,
        "Absence d’alternative à la voiture pour les trajets domicile-travail",
        "En zone rurale, plus de 80 % des actifs vont travailler en voiture. Les horaires des "
        "cars régionaux ne correspondent pas aux postes en 3×8 de l’industrie.",
        CCI,
        ("augm_covoit", "augm_buselec"),
        "d:18",
        False,
        (FNE, CMA),
    ),
    Item(
        "mobilite",
        PROPOSAL,
        "Développer le covoiturage domicile-travail dans les zones rurales",
        "Financer une prime au covoiturage pour les trajets domicile-travail et des aires de "
        "covoiturage aux entrées des bourgs, en lien avec les plans de mobilité employeurs.",
        FNE,
        ("augm_covoit",),
        "",
        False,
        (ADEME, ORLEANS),
    ),
    Item(
        "mobilite",
        PROPOSAL,
        "Pistes cyclables entre les communes de la métropole tourangelle",
        "Compléter le réseau cyclable entre les communes de la première couronne de Tours, "
        "avec des stationnements sécurisés dans les gares.",
        TOURS,
        ("augm_vélotc",),
        "e:243700754",
        False,
        (FNE,),
    ),
    Item(
        "mobilite",
        INITIATIVE,
        "Bus à hydrogène et électriques à Orléans",
        "Le réseau de transport d’Orléans Métropole a engagé la conversion de sa flotte : la "
        "moitié des bus seront électriques ou au bioGNV d’ici 2027.",
        ORLEANS,
        ("augm_buselec",),
        "c:45234",
        False,
        (ADEME,),
    ),
    Item(
        "mobilite",
        PROPOSAL,
        "Fret ferroviaire pour les céréales de Beauce",
        "Rouvrir des capillaires fret pour acheminer les céréales vers les ports, en "
        "s’appuyant sur les silos des coopératives.",
        CCI,
        ("augm_fret",),
        "d:28",
        False,
        (AGRI,),
    ),
    # --- Économie et industrie ------------------------------------------------------------
    Item(
        "economie-industrie",
        INITIATIVE,
        "Écologie industrielle sur la zone d’activités de Vierzon",
        "Les entreprises de la zone échangent chaleur fatale et déchets valorisables. Un "
        "animateur mutualisé recense les flux et trouve des débouchés.",
        CCI,
        ("co2_indus", "augm_valodma"),
        "c:18279",
        True,
        (CMA, ADEME),
    ),
    Item(
        "economie-industrie",
        OBSTACLE,
        "Raccordement électrique trop long pour décarboner les procédés",
        "Des industriels qui veulent électrifier leurs fours attendent plusieurs années leur "
        "raccordement haute tension. C’est le premier frein cité par les entreprises.",
        CCI,
        ("co2_indus",),
        "d:45",
        False,
        (CMA, LOIRET),
    ),
    Item(
        "economie-industrie",
        PROPOSAL,
        "Diagnostics énergie gratuits pour les TPE artisanales",
        "Offrir aux boulangeries, pressings et garages un diagnostic énergie et un "
        "accompagnement au financement des équipements économes.",
        CMA,
        ("co2_indus",),
        "",
        False,
        (CCI,),
    ),
    Item(
        "economie-industrie",
        INITIATIVE,
        "Réemploi des matériaux du BTP à Chartres",
        "Une plateforme de réemploi collecte portes, fenêtres et sanitaires des chantiers de "
        "déconstruction et les revend aux particuliers et artisans.",
        CMA,
        ("augm_valodma", "reduc_proddma"),
        "c:28085",
        False,
        (FNE,),
    ),
    Item(
        "economie-industrie",
        PROPOSAL,
        "Chaleur renouvelable pour les industries agroalimentaires",
        "Accompagner les sucreries et malteries vers la biomasse et la géothermie, avec un "
        "fonds chaleur renforcé pour les projets de plus de 10 GWh.",
        ADEME,
        ("reduc_chal", "co2_indus"),
        "",
        False,
        (CCI, AGRI),
    ),
    Item(
        "economie-industrie",
        OBSTACLE,
        "Manque de compétences pour piloter la transition",
        "Les PME n’ont pas de responsable énergie-climat ; les formations existantes sont "
        "mal connues.",
        CCI,
        (),
        "",
        False,
        (),
    ),
    # --- Biodiversité ---------------------------------------------------------------------
    Item(
        "biodiversite",
        INITIATIVE,
        "Replantation de haies bocagères dans le Boischaut",
        "Depuis 2020, plus de **60 km de haies** ont été replantés avec les agriculteurs du sud "
        "de l’Indre, avec un plan de gestion durable du bois.",
        FNE,
        ("augm_haies",),
        "d:36",
        True,
        (AGRI, INRAE, ADEME),
        (
            (
                AGRI,
                "Les agriculteurs demandent un appui pour l’entretien les premières années.",
                (
                    (
                        FNE,
                        "Un contrat d’entretien sur cinq ans est prévu dans la nouvelle tranche.",
                    ),
                ),
            ),
        ),
    ),
    Item(
        "biodiversite",
        OBSTACLE,
        "Arrachage de haies plus rapide que la replantation",
        "Malgré les programmes de plantation, le linéaire de haies continue de baisser : "
        "l’arrachage lors des agrandissements d’exploitations n’est pas compensé.",
        INRAE,
        ("augm_haies",),
        "",
        False,
        (FNE,),
    ),
    Item(
        "biodiversite",
        PROPOSAL,
        "Trame noire : éteindre l’éclairage public la nuit",
        "Accompagner les communes qui éteignent l’éclairage entre 23 h et 5 h : économies "
        "d’énergie et continuités écologiques pour la faune nocturne.",
        FNE,
        (),
        "d:41",
        False,
        (LOIRET, ORLEANS),
    ),
    Item(
        "biodiversite",
        PROPOSAL,
        "Zéro artificialisation : recycler les friches commerciales",
        "Recenser les friches commerciales en entrée de ville et financer leur renaturation "
        "ou leur reconversion avant toute nouvelle zone.",
        LOIRET,
        ("reduc_artif", "co2_artif"),
        "d:45",
        False,
        (FNE, INRAE),
    ),
    Item(
        "biodiversite",
        INITIATIVE,
        "Restauration des zones humides de la Brenne",
        "Le parc naturel régional restaure des étangs et prairies humides avec les "
        "pisciculteurs, au bénéfice des oiseaux migrateurs et du stockage de carbone.",
        INRAE,
        ("augm_prairies",),
        "e:243600319",
        False,
        (FNE,),
    ),
    Item(
        "biodiversite",
        OBSTACLE,
        "Offre à un prix cassé — cliquez vite !",
        "Promotion exceptionnelle sur des panneaux solaires, contactez-nous par téléphone.",
        CMA,
        (),
        "",
        False,
        (),
    ),
    Item(
        "mobilite",
        PROPOSAL,
        "Transport à la demande pour les personnes âgées du Boischaut",
        "Un service de transport à la demande, réservable la veille par téléphone, vers les "
        "marchés, les cabinets médicaux et la gare de La Châtre.",
        FNE,
        ("augm_depla", "augm_buselec"),
        "c:36046",
        False,
        (LOIRET, ADEME),
    ),
    Item(
        "agriculture-alimentation",
        INITIATIVE,
        "Circuits courts : les drives fermiers du Loiret",
        "Une trentaine de producteurs vendent en ligne et livrent des points de retrait "
        "chaque semaine ; les ventes ont doublé depuis 2021.",
        AGRI,
        ("co2_elevage",),
        "d:45",
        False,
        (LOIRET, ORLEANS),
    ),
    Item(
        "economie-industrie",
        PROPOSAL,
        "Mutualiser les achats d’électricité renouvelable des PME",
        "Un groupement d’achat régional permettrait aux PME de signer des contrats "
        "d’électricité renouvelable de long terme avec des producteurs locaux.",
        CCI,
        ("co2_enr",),
        "",
        False,
        (CMA,),
    ),
    # --- Forêt et bois --------------------------------------------------------------------
    Item(
        "foret-bois",
        INITIATIVE,
        "Chaufferies bois-énergie des communes de Sologne",
        "Une dizaine de communes solognotes se chauffent avec des plaquettes issues de forêts "
        "locales gérées durablement, via une société d’économie mixte.",
        ADEME,
        ("reduc_chal", "co2_foret"),
        "d:41",
        True,
        (LOIRET, AGRI),
    ),
    Item(
        "foret-bois",
        OBSTACLE,
        "Forêts privées morcelées et peu gérées",
        "En région, la forêt est à 90 % privée et très morcelée : beaucoup de petites "
        "parcelles ne sont ni gérées ni exploitées.",
        INRAE,
        ("co2_foret",),
        "",
        False,
        (AGRI,),
    ),
    Item(
        "foret-bois",
        PROPOSAL,
        "Bois local dans la construction publique",
        "Fixer un objectif de bois d’œuvre régional dans les bâtiments publics neufs, en "
        "lien avec les scieries du Cher et de l’Indre.",
        AGRI,
        ("co2_prodbois",),
        "",
        False,
        (CMA, INRAE),
    ),
    Item(
        "foret-bois",
        PROPOSAL,
        "Adapter les forêts au changement climatique",
        "Financer des îlots d’avenir pour tester des essences adaptées à la sécheresse dans "
        "la forêt d’Orléans.",
        INRAE,
        ("co2_foret",),
        "c:45234",
        False,
        (FNE,),
    ),
    Item(
        "foret-bois",
        INITIATIVE,
        "Bois-énergie : approvisionnement de proximité en Touraine",
        "Un collectif d’agriculteurs valorise le bois de haies en plaquettes pour les "
        "chaufferies collectives du Lochois.",
        AGRI,
        ("augm_haies", "reduc_chal"),
        "c:37132",
        False,
        (TOURS,),
    ),
    Item(
        "foret-bois",
        OBSTACLE,
        "Manque de main-d’œuvre dans les travaux forestiers",
        "Les entreprises de travaux forestiers peinent à recruter : métiers pénibles, "
        "formations peu nombreuses.",
        CMA,
        ("co2_foret",),
        "",
        False,
        (),
    ),
]

# A contribution hidden by the moderation, and one waiting in the queue.
HIDDEN = ("biodiversite", "Offre à un prix cassé — cliquez vite !")
HIDDEN_REASON = (
    "Message publicitaire sans rapport avec la planification écologique : les offres "
    "commerciales ne sont pas admises sur la plateforme."
)
REPORTED = ("mobilite", "Développer le covoiturage domicile-travail dans les zones rurales")
REPORT_REASON = (
    "Doublon probable de « Covoiturage rural : les lignes de covoiturage du Perche » : "
    "à fusionner ?"
)
