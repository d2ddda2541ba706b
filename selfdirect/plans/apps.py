from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "selfdirect.plans"
    label = "plans"
    verbose_name = "Support plans"
