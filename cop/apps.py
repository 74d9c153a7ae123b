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
