from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

EXPORT_FORMATS = ("csv", "xlsx")


def breadcrumb(current: str, *links: tuple[str, str]) -> dict:
    """The DSFR breadcrumb of a panorama page: Accueil › Panorama › ... › current."""
    trail = [{"url": reverse("panorama:index"), "title": _("Panorama des leviers")}]
    trail += [{"url": url, "title": title} for url, title in links]
    if current == _("Panorama des leviers"):
        trail = []
    return {"links": trail, "current": current, "id": "panorama-breadcrumb"}


def check_format(file_format: str) -> str:
    if file_format not in EXPORT_FORMATS:
        raise Http404("Format inconnu.")
    return file_format
