from django.apps import AppConfig


class PanoramaConfig(AppConfig):
    name = "panorama"
    verbose_name = "Panorama des leviers"

    def ready(self) -> None:
        # Registers the app's rules (rules only autodiscovers modules named rules.py).
        from . import permissions  # noqa: F401
