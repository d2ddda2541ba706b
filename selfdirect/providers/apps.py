from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    name = "selfdirect.providers"
    label = "providers"
    verbose_name = "Providers register"
