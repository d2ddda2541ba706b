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
            DemoStep,
            NavItem,
            add_demo_step,
            add_nav_item,
        )

        from . import demo, services

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
        # Negative order: the directory is seeded before the people, whose first
        # contacts signpost to its services.
        add_demo_step(
            DemoStep(
                -10, "community directory", demo.seed_directory, demo.delete_directory
            )
        )
