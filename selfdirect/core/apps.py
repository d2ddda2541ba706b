from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "selfdirect.core"
    label = "core"
