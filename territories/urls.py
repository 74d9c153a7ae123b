from django.urls import path, register_converter

from . import views


class _CodeConverter:
    regex = ""

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class DepartementCode(_CodeConverter):
    regex = r"[0-9]{2,3}|2[AB]"


class CommuneCode(_CodeConverter):
    regex = r"[0-9][0-9AB][0-9]{3}"


class Siren(_CodeConverter):
    regex = r"[0-9]{9}"


# Codes are checked in the URL: anything else is a 404 before any query.
register_converter(DepartementCode, "territories_departement")
register_converter(CommuneCode, "territories_commune")
register_converter(Siren, "territories_siren")

app_name = "territories"

urlpatterns = [
    path("", views.index, name="index"),
    path("departements/<territories_departement:code>/", views.departement, name="departement"),
    path("epci/<territories_siren:siren>/", views.epci, name="epci"),
    path("communes/<territories_commune:code>/", views.commune, name="commune"),
    path("regroupements/<int:pk>/", views.grouping, name="grouping"),
]
