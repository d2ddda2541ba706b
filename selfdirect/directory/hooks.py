"""What the community directory adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import AuditAction, NavItem

AUDIT_ACTIONS = (
    AuditAction("directory.imported", _("Imported Open Referral directory data")),
    AuditAction("directory.service_added", _("Added a directory service")),
    AuditAction("directory.service_changed", _("Changed a directory service")),
    AuditAction(
        "directory.service_checked", _("Checked a directory service is up to date")
    ),
    AuditAction(
        "directory.place_saved", _("Saved where a directory service is offered")
    ),
)

NAV_ITEMS = (
    NavItem(
        30,
        _("Community directory"),
        "directory:search",
        (Capability.SEARCH_DIRECTORY,),
    ),
    NavItem(
        31,
        _("Directory entries to check"),
        "directory:stale",
        (Capability.CURATE_DIRECTORY,),
    ),
)
