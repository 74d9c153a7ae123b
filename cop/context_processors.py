from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# The main navigation, in display order. A section appears only once its URL
# name resolves, so an app adds itself to the menu by shipping its urls.py and
# being included in cop/urls.py: no template to edit.
NAVIGATION = [
    ("cop:home", _("Accueil")),
    ("cop:calendar", _("Calendrier")),
    ("panorama:index", _("Panorama")),
    ("territories:index", _("Territoires")),
    ("workshops:groups", _("Groupes de travail")),
    ("workshops:meetings", _("Réunions")),
    ("workshops:contributions", _("Contributions")),
    ("consultation:index", _("Concertation")),
    ("roadmap:index", _("Feuille de route")),
]


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str
    current: bool


def navigation(path: str) -> list[NavItem]:
    """The sections of the main menu that exist, the one holding ``path`` marked current."""
    items = []
    for name, label in NAVIGATION:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        # The home page is current only on itself; a section on all its sub-pages.
        current = path == url if url == "/" else path.startswith(url)
        items.append(NavItem(url=url, label=str(label), current=current))
    return items


def platform(request: HttpRequest) -> dict:
    """Values every page of the layout needs (no database query)."""
    return {
        "COP_REGION_CODE": settings.COP_REGION_CODE,
        # Shown on the legal pages when the operator sets one.
        "COP_CONTACT_EMAIL": getattr(settings, "COP_CONTACT_EMAIL", ""),
        "nav_items": navigation(request.path),
    }
