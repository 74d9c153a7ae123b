from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = "Groupes de travail"

    def ready(self) -> None:
        # Registers the rules (predicates and permissions) at start-up.
        from . import permissions  # noqa: F401
