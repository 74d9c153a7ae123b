from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The rules of the process core must be registered before any permission check;
# admin modules are imported at start-up, so this import guarantees it.
from . import audit, permissions  # noqa: F401
from .models import (
    AuditEvent,
    Document,
    Edition,
    Membership,
    Notification,
    NotificationPreference,
    Organisation,
    Phase,
    PlenarySession,
    RoleAssignment,
    User,
)
from .services.roles import sync_is_staff


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written by an audited service only: the admin shows them, nothing more."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Accounts. ``is_staff`` follows from the roles (``cop.services.roles``): shown, not
    edited; roles are granted and revoked on the staff page /suivi/roles/."""

    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Identité"), {"fields": ("first_name", "last_name")}),
        (
            _("Droits"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),
    )
    readonly_fields = ["is_staff", "last_login", "date_joined"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A superuser keeps the admin; anyone else has it only through a staff role.
        sync_is_staff(obj)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["user", "status", "message", "decision_message", "decided_by", "decided_at"]
    readonly_fields = ["decided_by", "decided_at"]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "college", "status", "created_at"]
    list_filter = ["status", "college"]
    search_fields = ["name"]
    raw_id_fields = ["proposed_by"]
    # A proposed organisation is approved or declined on the follow-up page (audited);
    # one that an agent adds here is approved by that agent.
    readonly_fields = ["status", "decided_by", "decided_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.status = Organisation.Status.APPROVED
            obj.decided_by = request.user
            obj.decided_at = timezone.now()
        super().save_model(request, obj, form, change)
        if not change:
            audit.record(
                actor=request.user, action="organisation.create", target=obj, college=obj.college
            )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "status", "requested_at", "decided_at"]
    list_filter = ["status", "organisation__college"]
    search_fields = ["user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]
    raw_id_fields = ["user", "organisation", "decided_by"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ReadOnlyAdmin):
    """Read-only: roles are granted on /suivi/roles/ (audited, ``is_staff`` follows)."""

    list_display = ["user", "role", "side", "scope_type", "scope_id", "granted_by", "granted_at"]
    list_filter = ["role", "side"]
    search_fields = ["user__email"]
    list_select_related = ["user", "granted_by", "scope_type"]


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["order", "kind", "title", "starts_on", "ends_on", "description"]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["year", "title"]
    inlines = [PhaseInline]


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    fields = ["title", "kind", "file", "url", "edition", "published_at"]


@admin.register(PlenarySession)
class PlenarySessionAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_at", "place", "edition", "is_public"]
    list_filter = ["edition", "is_public"]
    list_select_related = ["edition"]
    inlines = [DocumentInline]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "edition", "plenary", "published_at"]
    list_filter = ["kind", "edition"]
    list_select_related = ["edition", "plenary"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: the log is written by ``cop.audit.record`` and never edited."""

    list_display = ["created_at", "actor", "action", "target_repr"]
    list_filter = ["action"]
    search_fields = ["action", "target_repr", "actor__email"]
    list_select_related = ["actor", "target_type"]
    date_hierarchy = "created_at"


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "frequency"]
    list_filter = ["kind", "frequency"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """The outbox, to follow what was sent: written by ``notify`` only, never edited."""

    list_display = ["created_at", "user", "kind", "subject", "frequency", "sent_at"]
    list_filter = ["kind", "frequency", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__email", "subject"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
