from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = "Groupes de travail"

    def ready(self) -> None:
        # Registers the rules (predicates and permissions) at start-up.
        # A notification about a contribution or a comment hidden since it was
        # recorded is not sent (the digest and the immediate sender ask).
        from cop.roles import register_role_scope
        from cop.visibility import register_visibility_check

        from . import (
            context_processors,  # noqa: F401  (its sign-in receiver)
            notification_kinds,
            permissions,  # noqa: F401
            spaces,
        )
        from .models import Comment, Contribution
        from .selectors.contributions import visible_comment_ids, visible_contribution_ids
        from .services.facilitators import FACILITATOR_SCOPE

        register_visibility_check(Contribution, visible_contribution_ids)
        register_visibility_check(Comment, visible_comment_ids)

        # Their sections of "Mon espace" and the next step of the home page.
        spaces.register()
        # A facilitator is granted for a group through cop's role service, which
        # keeps GroupFacilitator in step.
        register_role_scope(FACILITATOR_SCOPE)

        # Its kinds of notification (cop knows only its own).
        notification_kinds.register()
