from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "selfdirect.assurance"
    label = "assurance"
    verbose_name = "Assurance: case file reading"
