"""The split of the levers among the départements, mounted at /panorama/departements/."""

from django.urls import path

from . import views_split

# Importing the geography's URLs registers the converter of département codes.
from .urls import DepartementCode  # noqa: F401

app_name = "split"

urlpatterns = [
    path("", views_split.index, name="index"),
    path("export.<str:file_format>", views_split.export, name="export"),
    path("cles/", views_split.keys, name="keys"),
    path("cles/apercu/", views_split.keys_preview, name="keys_preview"),
    path("cles/<str:slug>/population/", views_split.key_reset, name="key_reset"),
    path("<territories_departement:code>/", views_split.departement, name="departement"),
]
