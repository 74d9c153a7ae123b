"""Demo data of the geography (run by ``manage.py seed_demo``, see ``cop/demo.py``).

The geography itself comes from ``import_territories``; the demo only ties the
demo local authority to its territory and names its representative.
"""

from collections.abc import Callable

from cop.models import Organisation, Role, User
from cop.services import grant_role

from .models import Epci
from .reference import reference_of
from .services import tie_organisation_to_territory

ORDER = 20

DEMO_TIES = [
    # (organisation created by cop's seeder, SIREN of its EPCI, its representative)
    ("Orléans Métropole", "244500468", "collectivite@demo.test"),
]


def seed(log: Callable[[str], None]) -> None:
    for organisation_name, siren, representative in DEMO_TIES:
        organisation = Organisation.objects.filter(name=organisation_name).first()
        if organisation is None:
            log(f"Territoires : organisation « {organisation_name} » absente, lien ignoré.")
            continue
        epci = Epci.objects.filter(siren=siren).first()
        if epci is None:
            log(
                f"Territoires : EPCI {siren} absent (lancez import_territories), "
                f"lien de « {organisation_name} » ignoré."
            )
            continue
        _, created = tie_organisation_to_territory(organisation=organisation, territory=epci)
        verb = "relié" if created else "déjà relié"
        log(f"Territoires : « {organisation_name} » {verb} à l’EPCI {epci.name}.")
        user = User.objects.filter(email=representative).first()
        if user is not None:
            grant_role(user=user, role=Role.LOCAL_AUTHORITY, scope=reference_of(epci), by=None)
            log(f"Territoires : {representative} représente l’EPCI {epci.name}.")
