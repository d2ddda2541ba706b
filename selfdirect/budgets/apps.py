from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "selfdirect.budgets"
    label = "budgets"
    verbose_name = "Indicative budgets"

    def ready(self) -> None:
        from selfdirect.audit import subject_access

        from . import models

        subject_access.register(
            models.IndicativeBudget, "person", title="Indicative budgets"
        )
