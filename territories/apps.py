from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "territories"
    verbose_name = "Territoires"

    def ready(self) -> None:
        # cop is a lower floor: it exposes a registry and territories plugs the
        # scope of the local authority role into it (which territories, which
        # rule), so that cop never imports upwards.
        from cop.roles import register_role_scope

        from .roles import REPRESENTATIVE_SCOPE

        register_role_scope(REPRESENTATIVE_SCOPE)
