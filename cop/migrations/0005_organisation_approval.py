import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STATUS_CHOICES = [
    ("pending", "proposée, en attente"),
    ("approved", "validée"),
    ("declined", "refusée"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("cop", "0004_notifications"),
    ]

    operations = [
        # Existing organisations were listed: they start approved (0006 reviews them).
        migrations.AddField(
            model_name="organisation",
            name="status",
            field=models.CharField(
                choices=STATUS_CHOICES, default="approved", max_length=16, verbose_name="statut"
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="folded_name",
            field=models.CharField(default="", editable=False, max_length=400),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="organisation",
            name="decided_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="validée ou refusée le"
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="validée ou refusée par",
            ),
        ),
    ]
