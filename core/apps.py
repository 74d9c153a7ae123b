from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .ratelimit import parse_rate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Socle commun"

    def ready(self) -> None:
        checks.register(check_rate_limits)


def check_rate_limits(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A mistyped DJANGO_RATE_LIMITS fails at start-up, not on somebody's comment."""
    errors: list[checks.CheckMessage] = []
    for action, text in settings.COP_RATE_LIMITS.items():
        if not str(text).strip():
            continue
        try:
            parse_rate(str(text))
        except ImproperlyConfigured as error:
            errors.append(checks.Error(f"COP_RATE_LIMITS[{action!r}] : {error}", id="core.E001"))
    return errors
