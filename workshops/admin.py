"""The admin of the workshops app.

Agents (staff) set up the groups, their facilitators and documents, and the
meetings. What is decided or moderated on the platform's own pages (requests to
join, registrations, contributions and their moderation) is audited there, so
agents only read it here. Superusers keep every right through ModelBackend.
"""

import rules
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from cop.permissions import is_staff_member

from .models import (
    Comment,
    Contribution,
    GroupDocument,
    GroupFacilitator,
    GroupFollow,
    GroupMembership,
    Meeting,
    MeetingAttachment,
    Registration,
    Report,
    Support,
    WorkingGroup,
)
from .services.meetings import CALENDAR_FIELDS

EDITABLE = ("workinggroup", "groupdocument", "meeting", "meetingattachment")
READ_ONLY = (
    # Facilitators are named on /suivi/roles/ (cop's audited role service keeps
    # the facilitator role and these rows together): the admin only shows them.
    "groupfacilitator",
    "groupmembership",
    "groupfollow",
    "registration",
    "contribution",
    "comment",
    "support",
    "report",
)


def _add_perm(name: str) -> None:
    # Another module of the app may have declared the same permission already.
    if not rules.perm_exists(name):
        rules.add_perm(name, is_staff_member)


_add_perm("workshops")
for _model in EDITABLE:
    for _action in ("view", "add", "change", "delete"):
        _add_perm(f"workshops.{_action}_{_model}")
for _model in READ_ONLY:
    _add_perm(f"workshops.view_{_model}")


class FacilitatorInline(admin.TabularInline):
    """Shown, not edited: facilitators are named on /suivi/roles/."""

    model = GroupFacilitator
    extra = 0
    fields = ["user", "side"]
    readonly_fields = ["user", "side"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DocumentInline(admin.TabularInline):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    model = GroupDocument
    extra = 0
    fields = ["title", "file", "url"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "slug", "position", "proposed_scenario"]
    list_select_related = ["proposed_scenario"]
    ordering = ["position", "name"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "summary"]
    filter_horizontal = ["levers", "sectors"]
    raw_id_fields = ["proposed_scenario"]
    inlines = [FacilitatorInline, DocumentInline]


@admin.register(GroupFacilitator)
class GroupFacilitatorAdmin(admin.ModelAdmin):
    """Read-only: facilitators are named on /suivi/roles/ (see ``FacilitatorInline``)."""

    list_display = ["user", "group", "side"]
    list_filter = ["group", "side"]
    list_select_related = ["user", "group"]
    search_fields = ["user__email", "user__last_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(GroupDocument)
class GroupDocumentAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "group", "published_at"]
    list_filter = ["group"]
    list_select_related = ["group"]
    search_fields = ["title"]


@admin.register(GroupMembership)
class GroupMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "group", "organisation", "status", "requested_at", "decided_at"]
    list_filter = ["group", "status"]
    list_select_related = ["user", "group", "organisation"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    raw_id_fields = ["user", "organisation", "decided_by"]


@admin.register(GroupFollow)
class GroupFollowAdmin(admin.ModelAdmin):
    list_display = ["user", "group", "created_at"]
    list_filter = ["group"]
    list_select_related = ["user", "group"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


class AttachmentInline(admin.TabularInline):
    model = MeetingAttachment
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "kind", "group", "departement", "starts_at", "capacity", "status"]
    list_filter = ["kind", "status", "group", "departement"]
    list_select_related = ["group", "departement"]
    date_hierarchy = "starts_at"
    search_fields = ["title", "place"]
    # Cancelling goes through the meeting's page (registrants are told).
    readonly_fields = [
        "reminder_sent_at",
        "created_by",
        "created_at",
        "status",
        "cancelled_at",
        "cancellation_reason",
        "sequence",
    ]
    raw_id_fields = ["created_by"]
    inlines = [AttachmentInline]
    fieldsets = (
        (None, {"fields": ("kind", "title", "group", "departement")}),
        (_("Date et lieu"), {"fields": ("starts_at", "ends_at", "place", "online_url")}),
        (_("Contenu"), {"fields": ("agenda", "capacity")}),
        (_("Compte rendu"), {"fields": ("minutes", "minutes_published_at")}),
        (_("Suivi"), {"fields": ("reminder_sent_at", "created_by", "created_at")}),
        (
            _("Annulation et agendas"),
            {"fields": ("status", "cancelled_at", "cancellation_reason", "sequence")},
        ),
    )

    def save_model(self, request, obj, form, change):
        # A new time or place reaches the calendars that imported the meeting.
        if change and set(form.changed_data) & set(CALENDAR_FIELDS):
            obj.sequence += 1
        super().save_model(request, obj, form, change)


@admin.register(MeetingAttachment)
class MeetingAttachmentAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "uploaded_at"]
    list_select_related = ["meeting"]
    search_fields = ["title", "meeting__title"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "meeting", "status", "registered_at", "attended"]
    list_filter = ["status", "attended", "meeting__group"]
    list_select_related = ["user", "meeting"]
    search_fields = ["user__email", "user__last_name", "meeting__title"]
    raw_id_fields = ["user", "meeting"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "group", "author", "status", "created_at"]
    list_filter = ["kind", "status", "group"]
    list_select_related = ["group", "author"]
    search_fields = ["title", "author__email"]
    raw_id_fields = [
        "author",
        "organisation",
        "meeting",
        "moderated_by",
        "merged_into",
        "retained_by",
    ]
    filter_horizontal = ["levers"]
    autocomplete_fields = ["territory"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["author", "contribution"]
    raw_id_fields = ["contribution", "parent", "author", "moderated_by"]


@admin.register(Support)
class SupportAdmin(admin.ModelAdmin):
    list_display = ["user", "contribution", "created_at"]
    list_select_related = ["user", "contribution"]
    raw_id_fields = ["user", "contribution"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["reporter", "contribution", "comment", "resolution", "created_at"]
    list_filter = ["resolution"]
    list_select_related = ["reporter", "contribution", "comment"]
    raw_id_fields = ["reporter", "contribution", "comment", "resolved_by"]
