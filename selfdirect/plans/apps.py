from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "selfdirect.plans"
    label = "plans"
    verbose_name = "Support plans"

    def ready(self) -> None:
        from selfdirect.audit import subject_access

        from . import models

        subject_access.register(models.SupportPlan, "person", title="Support plans")
