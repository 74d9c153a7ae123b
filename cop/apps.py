from django.apps import AppConfig


class CopConfig(AppConfig):
    name = "cop"
    verbose_name = "Processus de la COP"

    def ready(self) -> None:
        # Registers the rules (predicates and permissions) at start-up.
        from . import permissions  # noqa: F401
