"""Discovery of the apps' demo data.

``manage.py seed_demo`` lives in ``cop`` (floor 1) but every app has demo data
of its own. Rather than importing upwards (or sideways), the command discovers
a ``demo`` module in each installed app, as the admin discovers ``admin``
modules. An app's ``<app>/demo.py`` defines::

    ORDER = 20  # cop 10, territories 20, panorama 30, workshops 40, consultation 50, roadmap 60


    def seed(log):  # log(str) prints a line
        ...

The command runs the seeders by ascending ``ORDER``. A seeder must be
idempotent (``update_or_create`` on natural keys) and may read what lower
seeders created, looking it up by natural key (an email, a name, a code).
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

# Demo accounts only: seed_demo refuses to run when DEBUG is off.
DEMO_PASSWORD = "demo-cop-cvl"


@dataclass(frozen=True)
class Seeder:
    app_label: str
    order: int
    seed: Callable[[Callable[[str], None]], None]


def seeders() -> list[Seeder]:
    """The ``demo`` modules of the installed apps, in the order they must run."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if find_spec(name) is None:
            continue
        module = import_module(name)
        if hasattr(module, "seed"):
            found.append(Seeder(config.label, getattr(module, "ORDER", 100), module.seed))
    return sorted(found, key=lambda s: (s.order, s.app_label))
