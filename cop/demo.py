"""The demo data registry.

``manage.py seed_demo`` lives in ``cop`` (floor 1) but every app has demo data
of its own. Rather than importing upwards, each app registers a seeder in its
``AppConfig.ready()``::

    from cop import demo
    demo.register("territories", seed_territories_demo, order=20)

The command runs the seeders by ascending ``order`` (cop itself uses 10, then
20 territories, 30 panorama, 40 workshops, 50 consultation, 60 roadmap). A
seeder must be idempotent (``update_or_create`` on natural keys) and may read
what lower seeders created. It receives a ``log`` callable to print a line.
"""

from collections.abc import Callable
from dataclasses import dataclass

# Demo accounts only: seed_demo refuses to run when DEBUG is off.
DEMO_PASSWORD = "demo-cop-cvl"


@dataclass(frozen=True)
class Seeder:
    name: str
    func: Callable[[Callable[[str], None]], None]
    order: int


_seeders: dict[str, Seeder] = {}


def register(name: str, func: Callable[[Callable[[str], None]], None], *, order: int) -> None:
    """Register (or replace, so reloading is harmless) the demo seeder of an app."""
    _seeders[name] = Seeder(name=name, func=func, order=order)


def seeders() -> list[Seeder]:
    return sorted(_seeders.values(), key=lambda s: (s.order, s.name))
