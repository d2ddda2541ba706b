from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "selfdirect.providers"
    label = "providers"
    verbose_name = "Providers register"

    def ready(self) -> None:
        from selfdirect.accounts.roles import Capability
        from selfdirect.audit.services import ACTIONS
        from selfdirect.core.extensions import (
            DemoStep,
            NavItem,
            add_demo_step,
            add_nav_item,
        )

        from . import demo, services

        ACTIONS.update(services.ACTIONS)
        add_nav_item(
            NavItem(
                61,
                _("Providers"),
                "providers:list",
                (Capability.MANAGE_PROVIDERS, Capability.PLAN_SUPPORT),
            )
        )
        # The register comes before support plans, so plans can name providers.
        add_demo_step(
            DemoStep(33, "providers", demo.seed_providers, demo.keep_providers)
        )
