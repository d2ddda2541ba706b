from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "selfdirect.insights"
    label = "insights"
    verbose_name = "Insights: reports across the journey"
