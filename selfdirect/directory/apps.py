from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "selfdirect.directory"
    label = "directory"
    verbose_name = "Community directory"

    def ready(self) -> None:
        from selfdirect.accounts.roles import Capability
        from selfdirect.audit.services import ACTIONS
        from selfdirect.core.extensions import (
            NavItem,
            add_nav_item,
        )

        from . import services

        ACTIONS.update(services.ACTIONS)
        add_nav_item(
            NavItem(
                30,
                _("Community directory"),
                "directory:search",
                (Capability.SEARCH_DIRECTORY,),
            )
        )
        add_nav_item(
            NavItem(
                31,
                _("Directory entries to check"),
                "directory:stale",
                (Capability.CURATE_DIRECTORY,),
            )
        )
        add_nav_item(
            NavItem(
                32,
                _("Signposting report"),
                "directory:report",
                (Capability.SEE_SIGNPOSTING_REPORT,),
            )
        )
