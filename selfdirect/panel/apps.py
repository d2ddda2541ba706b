from django.apps import AppConfig


class PanelConfig(AppConfig):
    name = "selfdirect.panel"
    label = "panel"
    verbose_name = "Resource panel"

    def ready(self) -> None:
        from selfdirect.core.extensions import DemoStep, add_demo_step

        from . import demo

        add_demo_step(DemoStep(45, "panel", demo.seed_panel, demo.delete_panel))
