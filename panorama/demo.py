"""Demo data of the panorama: two saved scenarios (``manage.py seed_demo``, after cop)."""

from urllib.parse import parse_qsl, urlencode

from django.contrib.auth import get_user_model

from .models import Scenario
from .selectors import cop_region_code
from .services import scenario_mark_reference, scenario_save

ORDER = 30

# (owner email, name, query with the SGPE simulator's keys, reference scenario?)
SCENARIOS = [
    (
        "region@demo.test",
        "Mobilité électrique renforcée",
        "t-augm_voitelec=600&c-augm_voitelec=120&t-augm_buselec=40&c-reduc_rfioul=150"
        "&t-reduc_azote=520",
        True,
    ),
    (
        "animateur@demo.test",
        "Proposition du groupe « Mieux se déplacer »",
        "t-augm_depla=90&t-augm_covoit=160&t-augm_vélotc=260&c-augm_vélotc=35&t-augm_logi=700",
        False,
    ),
]


def seed(log) -> None:
    users = get_user_model().objects
    region_code = cop_region_code()
    for email, name, query, reference in SCENARIOS:
        owner = users.filter(email=email).first()
        if owner is None:
            log(f"panorama : compte {email} absent, scénario « {name} » ignoré.")
            continue
        # Stored as the simulator writes it (percent-encoded: "augm_vélotc" has an accent).
        canonical = urlencode(parse_qsl(query))
        scenario = scenario_save(owner=owner, name=name, region_code=region_code, query=canonical)
        if (
            reference
            and not Scenario.objects.filter(region_code=region_code, is_reference=True).exists()
        ):
            scenario_mark_reference(scenario=scenario)
        log(f"panorama : scénario « {name} » de {email}{' (référence)' if reference else ''}.")
