from django.apps import AppConfig


class IndependentConfig(AppConfig):
    name = "selfdirect.independent"
    label = "independent"
    verbose_name = "Independent support organisations"
