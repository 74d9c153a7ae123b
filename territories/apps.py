from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "territories"
    verbose_name = "Territoires"

    def ready(self) -> None:
        # cop is a lower floor: it exposes a registry and territories plugs the
        # local authority role into it, so that cop never imports upwards.
        from cop.roles import register_role_provider

        from .permissions import local_authority_roles

        register_role_provider(local_authority_roles)
