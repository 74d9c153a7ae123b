from django.apps import AppConfig


class CopConfig(AppConfig):
    name = "cop"
    verbose_name = "Processus de la COP"
