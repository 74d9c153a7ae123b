from django.urls import path
from django.views.generic import TemplateView

from . import health, views

app_name = "cop"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    # Pages required of a French public-sector site (footer links).
    path(
        "accessibilite/",
        TemplateView.as_view(template_name="pages/accessibilite.html"),
        name="accessibility",
    ),
    path(
        "mentions-legales/",
        TemplateView.as_view(template_name="pages/mentions_legales.html"),
        name="legal_notice",
    ),
    path(
        "donnees-personnelles/",
        TemplateView.as_view(template_name="pages/donnees_personnelles.html"),
        name="personal_data",
    ),
]
