"""Admin of the geography: read-only (``import_territories`` is the source of
truth), except the ties of local authorities to their territory."""

from django.contrib import admin
from django.http import HttpRequest

from .models import (
    Commune,
    Departement,
    DistributionKey,
    Epci,
    OrganisationTerritory,
    Region,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "chef_lieu"]
    list_select_related = ["chef_lieu"]
    search_fields = ["code", "name"]


@admin.register(Departement)
class DepartementAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "region", "chef_lieu"]
    list_select_related = ["region", "chef_lieu"]
    list_filter = ["region"]
    search_fields = ["code", "name", "search_name"]


@admin.register(Epci)
class EpciAdmin(ReadOnlyAdmin):
    list_display = ["siren", "name", "kind", "financing", "population"]
    list_filter = ["kind", "financing"]
    search_fields = ["siren", "name", "search_name"]


@admin.register(Commune)
class CommuneAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "departement", "postcodes", "population", "epci"]
    list_select_related = ["departement", "epci"]
    list_filter = ["region", "departement"]
    search_fields = ["code", "name", "search_name", "postcodes"]
    show_full_result_count = False


@admin.register(OrganisationTerritory)
class OrganisationTerritoryAdmin(admin.ModelAdmin):
    list_display = ["organisation", "region", "departement", "epci", "commune"]
    list_select_related = ["organisation", "region", "departement", "epci", "commune"]
    search_fields = ["organisation__name"]
    raw_id_fields = ["organisation"]
    autocomplete_fields = ["region", "departement", "epci", "commune"]


# --- Indicative split of the levers among the départements (territories/split/) -----------


@admin.register(DistributionKey)
class DistributionKeyAdmin(ReadOnlyAdmin):
    """Read-only: keys change through the audited upload page (/panorama/departements/cles/)."""

    list_display = ["lever", "departement", "value", "uploaded_by", "uploaded_at"]
    list_select_related = ["lever", "departement", "uploaded_by"]
    list_filter = ["departement"]
    search_fields = ["lever__slug", "lever__name"]
