"""Who may do what in the panorama (``rules`` predicates).

Panorama is floor 1 and does not read the roles of ``cop``: "staff" here is
Django's ``user.is_staff`` flag, which the State and Region staff accounts carry.
"""

import rules


@rules.predicate
def is_staff_user(user) -> bool:
    return bool(user and user.is_authenticated and user.is_staff)


@rules.predicate
def is_scenario_owner(user, scenario) -> bool:
    return scenario is not None and user.is_authenticated and scenario.owner_id == user.pk


@rules.predicate
def is_reference_scenario(user, scenario) -> bool:
    return scenario is not None and scenario.is_reference


# Any signed-in account (accounts are verified at sign-up) saves scenarios.
rules.add_perm("panorama.save_scenario", rules.is_authenticated)
rules.add_perm("panorama.view_scenario", is_scenario_owner | is_reference_scenario | is_staff_user)
rules.add_perm("panorama.delete_scenario", is_scenario_owner)
rules.add_perm("panorama.mark_reference_scenario", is_staff_user)
rules.add_perm("panorama.view_all_scenarios", is_staff_user)
rules.add_perm("panorama.import_levers", is_staff_user)
