from django.apps import AppConfig


class ChoicesConfig(AppConfig):
    name = "selfdirect.choices"
    label = "choices"
    verbose_name = "Informed choice of the four options"

    def ready(self) -> None:
        from selfdirect.core.extensions import DemoStep, add_demo_step

        from . import demo

        add_demo_step(DemoStep(20, "choices", demo.seed_choices, demo.delete_choices))
