"""Demo data of the working groups (see cop/demo.py for the discovery)."""

from .demo_contributions import seed_contributions
from .demo_groups import seed_groups_and_meetings

ORDER = 40


def seed(log) -> None:
    seed_groups_and_meetings(log)
    seed_contributions(log)
