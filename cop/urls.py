from django.urls import path
from django.views.generic import TemplateView

from . import health, views, views_roles, views_shared

app_name = "cop"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("calendrier/", views.calendar, name="calendar"),
    path("profil/", views.profile, name="profile"),
    path("profil/rattachement/", views.membership_request, name="membership_request"),
    path(
        "profil/notifications/",
        views.notification_preferences,
        name="notification_preferences",
    ),
    path("mon-espace/", views_shared.my_space, name="my_space"),
    path("mon-espace/travaux/<int:pk>/", views_shared.job_status, name="job_status"),
    path("suivi/journal/export/", views_shared.audit_export, name="audit_export"),
    path("textes/<str:key>/versions/", views_shared.text_versions, name="text_versions"),
    path("suivi/adhesions/", views.memberships, name="memberships"),
    path(
        "suivi/adhesions/<int:pk>/decision/",
        views.membership_decide,
        name="membership_decide",
    ),
    path(
        "suivi/adhesions/organisations/<int:pk>/decision/",
        views.organisation_decide,
        name="organisation_decide",
    ),
    path("suivi/journal/", views.audit_log, name="audit_log"),
    path("suivi/roles/", views_roles.roles, name="roles"),
    path("suivi/roles/<int:pk>/retirer/", views_roles.role_revoke, name="role_revoke"),
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
