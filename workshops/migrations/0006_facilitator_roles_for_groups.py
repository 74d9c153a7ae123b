from django.db import migrations


def facilitator_roles_from_groups(apps, schema_editor):
    """Give each group facilitator the facilitator role for that group (rerunnable)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupFacilitator = apps.get_model("workshops", "GroupFacilitator")
    RoleAssignment = apps.get_model("cop", "RoleAssignment")
    group_type, _created = ContentType.objects.get_or_create(
        app_label="workshops", model="workinggroup"
    )
    for row in GroupFacilitator.objects.all():
        RoleAssignment.objects.update_or_create(
            user_id=row.user_id,
            role="facilitator",
            scope_type=group_type,
            scope_id=str(row.group_id),
            defaults={"side": row.side},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("cop", "0007_role_scopes_and_representatives"),
        ("workshops", "0005_merge_meeting_status"),
    ]

    operations = [
        migrations.RunPython(facilitator_roles_from_groups, migrations.RunPython.noop),
    ]
