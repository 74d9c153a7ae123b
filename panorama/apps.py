from django.apps import AppConfig


class PanoramaConfig(AppConfig):
    name = "panorama"
    verbose_name = "Panorama des leviers"
