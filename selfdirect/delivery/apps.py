from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "selfdirect.delivery"
    label = "delivery"
    verbose_name = "Option delivery and finance"

    def ready(self) -> None:
        from selfdirect.core.extensions import DemoStep, add_demo_step

        from . import demo

        add_demo_step(
            DemoStep(40, "delivery", demo.seed_delivery, demo.delete_delivery)
        )
