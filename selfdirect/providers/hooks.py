"""What the providers register adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import AuditAction, NavItem

AUDIT_ACTIONS = (
    AuditAction("provider.added", _("Added a provider to the register")),
    AuditAction("provider.changed", _("Changed a provider on the register")),
)

NAV_ITEMS = (
    NavItem(
        61,
        _("Providers"),
        "providers:list",
        (Capability.MANAGE_PROVIDERS, Capability.PLAN_SUPPORT),
    ),
)
