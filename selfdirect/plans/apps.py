from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "selfdirect.plans"
    label = "plans"
    verbose_name = "Support plans"

    def ready(self) -> None:
        from selfdirect.core.extensions import DemoStep, add_demo_step

        from . import demo

        add_demo_step(DemoStep(35, "plans", demo.seed_plans, demo.delete_plans))
