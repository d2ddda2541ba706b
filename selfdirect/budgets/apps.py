from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "selfdirect.budgets"
    label = "budgets"
    verbose_name = "Indicative budgets"
