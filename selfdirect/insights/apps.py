from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "selfdirect.insights"
    label = "insights"
    verbose_name = "Insights: reports across the journey"

    def ready(self) -> None:
        from selfdirect.accounts.roles import Capability
        from selfdirect.core.extensions import NavItem, add_nav_item

        add_nav_item(
            NavItem(
                32,
                _("Signposting report"),
                "insights:signposting_report",
                (Capability.SEE_SIGNPOSTING_REPORT,),
            )
        )
