from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "selfdirect.budgets"
    label = "budgets"
    verbose_name = "Indicative budgets"

    def ready(self) -> None:
        from selfdirect.core.extensions import DemoStep, add_demo_step

        from . import demo

        add_demo_step(DemoStep(30, "budgets", demo.seed_budgets, demo.delete_budgets))
