from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CopConfig(AppConfig):
    name = "cop"
    verbose_name = "Processus de la COP"

    def ready(self) -> None:
        # Registers the rules (predicates and permissions) at start-up.
        from . import permissions  # noqa: F401
        from .exports import AUDIT_EXPORT, audit_log_csv
        from .jobs import register_job_kind
        from .models import Frequency
        from .notification_kinds import MEMBERSHIP, MODERATION, register_notification_kind
        from .sections import my_jobs_section
        from .spaces import register_section

        register_job_kind(AUDIT_EXPORT, audit_log_csv, title=_("Export du journal des actions"))
        register_section(
            "cop.jobs",
            title=_("Mes exports et fichiers"),
            template="cop/space/_jobs.html",
            context=my_jobs_section,
            order=90,
        )
        register_notification_kind(
            MODERATION,
            label=_("Modération de mes contenus"),
            help_text=_(
                "Quand une animatrice, un animateur ou un agent masque ou rétablit une de vos "
                "contributions ou un de vos commentaires, avec le motif."
            ),
            default_frequency=Frequency.IMMEDIATELY,
            order=10,
        )
        register_notification_kind(
            MEMBERSHIP,
            label=_("Décisions sur mes demandes de rattachement"),
            help_text=_(
                "Quand un agent de l’État ou de la Région accepte ou refuse votre demande de "
                "rattachement à une organisation."
            ),
            default_frequency=Frequency.IMMEDIATELY,
            order=90,
        )
