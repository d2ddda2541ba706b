from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "selfdirect.delivery"
    label = "delivery"
    verbose_name = "Option delivery and finance"
