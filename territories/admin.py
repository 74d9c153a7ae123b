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
    Territory,
)
from .reference import refresh_grouping


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
    list_display = ["organisation", "territory"]
    list_select_related = ["organisation", "territory"]
    search_fields = ["organisation__name", "territory__name"]
    raw_id_fields = ["organisation"]
    autocomplete_fields = ["territory"]


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    """The territory reference: the COG levels come from ``import_territories`` and are read
    only; staff create and edit the groupings (PETR, pays, parks, syndicats mixtes)."""

    list_display = ["name", "kind", "code"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "search_name"]
    fields = ["kind", "code", "name", "members"]
    autocomplete_fields = ["members"]

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and not obj.is_grouping:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and not obj.is_grouping:
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            kwargs["choices"] = [
                (value, label)
                for value, label in Territory.Kind.choices
                if value in Territory.GROUPING_KINDS
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "members":
            kwargs["queryset"] = Territory.objects.filter(
                kind__in=[Territory.Kind.EPCI, Territory.Kind.COMMUNE]
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # The grouping's communes follow its members ("within X" is computed on communes).
        refresh_grouping(form.instance)


# --- Indicative split of the levers among the départements (territories/split/) -----------


@admin.register(DistributionKey)
class DistributionKeyAdmin(ReadOnlyAdmin):
    """Read-only: keys change through the audited upload page (/panorama/departements/cles/)."""

    list_display = ["lever", "departement", "value", "uploaded_by", "uploaded_at"]
    list_select_related = ["lever", "departement", "uploaded_by"]
    list_filter = ["departement"]
    search_fields = ["lever__slug", "lever__name"]
