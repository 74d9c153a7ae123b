from django.urls import path

from . import views

app_name = "panorama"

urlpatterns = [
    path("", views.index, name="index"),
    path("export.<str:file_format>", views.panorama_export, name="export"),
    path("leviers/<str:slug>/", views.lever_detail, name="lever_detail"),
    path("simulateur/", views.simulator, name="simulator"),
    path("simulateur/export.<str:file_format>", views.simulator_export, name="simulator_export"),
    path("scenarios/", views.scenario_list, name="scenario_list"),
    path("scenarios/enregistrer/", views.scenario_save, name="scenario_save"),
    path("scenarios/comparer/", views.scenario_compare, name="scenario_compare"),
    path("scenarios/<int:pk>/supprimer/", views.scenario_delete, name="scenario_delete"),
    path("scenarios/<int:pk>/reference/", views.scenario_reference, name="scenario_reference"),
    path("biodiversite-ressources/", views.biodiversity, name="biodiversity"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/apercu/", views.import_preview, name="import_preview"),
]
