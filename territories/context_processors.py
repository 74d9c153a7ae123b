from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.utils.text import slugify

from .region import RegionalIdentity, logo_lines, regional_identity


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def region(request: HttpRequest) -> dict:
    """The region and its co-pilots, for the layout (one query per process at most)."""
    return region_context(regional_identity())


def region_context(identity: RegionalIdentity) -> dict:
    state_site = settings.COP_STATE_WEBSITE or (
        f"https://www.prefectures-regions.gouv.fr/{slugify(identity.name)}"
    )
    region_site = settings.COP_REGION_WEBSITE
    return {
        "cop_region": identity,
        "state_logo_lines": logo_lines(identity.state_authority),
        "region_logo_lines": logo_lines(identity.region_authority),
        "COP_STATE_WEBSITE": state_site,
        "COP_STATE_WEBSITE_HOST": _host(state_site),
        "COP_REGION_WEBSITE": region_site,
        "COP_REGION_WEBSITE_HOST": _host(region_site) if region_site else "",
    }
