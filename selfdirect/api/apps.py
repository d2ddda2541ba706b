from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "selfdirect.api"
    label = "api"
