from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.template import loader
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import requires_csrf_token

from core.media import serve_file
from territories.context_processors import region_context
from territories.region import region_name, regional_identity

# Staff log into the admin through the platform's own login (allauth: email
# verification, rate limits): /admin/login/ redirects to /comptes/login/.
admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
# The region's name is read when a page is rendered (territories.region).
_region_name = lazy(region_name, str)
admin.site.site_header = format_lazy(
    _("Administration de la COP Planification Action {region}"), region=_region_name()
)
admin.site.site_title = format_lazy(
    _("COP Planification Action {region} — administration"), region=_region_name()
)
admin.site.index_title = _("Gestion de la plateforme")
admin.site.site_url = "/"

# The 400 page shows why a parameter was refused (core.params.BadParameter).
handler400 = "core.params.bad_request"
handler500 = "config.urls.server_error"


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, named for the region from settings and the shipped geography (no query)."""
    context = region_context(regional_identity())
    return HttpResponseServerError(loader.render_to_string("500.html", context))


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers ask for /favicon.ico on pages that do not name an icon (the admin)."""
    return HttpResponseRedirect(static_url("dsfr/dist/favicon/favicon.ico"))


urlpatterns = [
    path("", include("cop.urls")),
    path("comptes/", include("allauth.urls")),
    path("territoires/", include("territories.urls")),
    path("panorama/departements/", include("territories.urls_split")),
    path("panorama/", include("panorama.urls")),
    path("", include("workshops.urls")),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
]

# Uploaded files: one view that checks who may see each one, in DEBUG too
# (core/media.py), never a static route.
urlpatterns.append(path(settings.MEDIA_URL.lstrip("/") + "<path:name>", serve_file, name="media"))
