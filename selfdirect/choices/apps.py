from django.apps import AppConfig


class ChoicesConfig(AppConfig):
    name = "selfdirect.choices"
    label = "choices"
    verbose_name = "Informed choice of the four options"
