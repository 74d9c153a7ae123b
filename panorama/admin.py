from django.contrib import admin

from .models import BiodiversityLever, Lever, RegionalEffort, Scenario, Sector, Workstream


@admin.register(Sector, Workstream)
class NamedAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    ordering = ["position"]


@admin.register(Lever)
class LeverAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "sector", "workstream"]
    list_filter = ["sector", "workstream"]
    list_select_related = ["sector", "workstream"]
    search_fields = ["slug", "name"]


@admin.register(RegionalEffort)
class RegionalEffortAdmin(admin.ModelAdmin):
    list_display = ["lever", "region_name", "effort_kt", "start_2019", "ratio", "edition_disabled"]
    list_filter = ["region_name", "lever__sector"]
    list_select_related = ["lever"]
    search_fields = ["lever__slug", "name", "region_name"]


@admin.register(BiodiversityLever)
class BiodiversityLeverAdmin(admin.ModelAdmin):
    list_display = ["name", "theme", "workstream", "territorial"]
    list_filter = ["theme", "territorial", "biodiversity", "water"]
    search_fields = ["name", "workstream", "objective"]


@admin.register(Scenario)
class ScenarioAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "region_code", "is_reference", "updated_at"]
    list_filter = ["region_code", "is_reference"]
    list_select_related = ["owner"]
    search_fields = ["name", "owner__email"]
