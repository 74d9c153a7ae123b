"""Who may change the keys of the split: the State and Region agents."""

import rules

from cop.permissions import is_staff_member

rules.add_perm("territories.manage_distribution_keys", is_staff_member)


def can_manage_keys(user) -> bool:
    return rules.has_perm("territories.manage_distribution_keys", user)
