from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.media import serve_file

# Staff log into the admin through the platform's own login (allauth: email
# verification, rate limits): /admin/login/ redirects to /comptes/login/.
admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = _("Administration de la COP Planification Action")
admin.site.site_title = _("COP Planification Action — administration")
admin.site.index_title = _("Gestion de la plateforme")
admin.site.site_url = "/"

# The 400 page shows why a parameter was refused (core.params.BadParameter).
handler400 = "core.params.bad_request"


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
