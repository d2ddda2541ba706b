from django.apps import AppConfig


class PanelConfig(AppConfig):
    name = "selfdirect.panel"
    label = "panel"
    verbose_name = "Resource panel"
