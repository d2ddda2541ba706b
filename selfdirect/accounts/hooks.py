"""What the accounts app adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import AuditAction, NavItem

AUDIT_ACTIONS = (
    AuditAction("two_factor.device_added", _("Set up two-factor sign-in")),
    AuditAction("two_factor.device_removed", _("Removed two-factor sign-in")),
    AuditAction(
        "two_factor.set_up_refused",
        _("Gave a wrong code setting up two-factor sign-in"),
    ),
    AuditAction("two_factor.recovery_codes_generated", _("Made new recovery codes")),
    AuditAction("two_factor.recovery_code_used", _("Signed in with a recovery code")),
    AuditAction("two_factor.code_refused", _("Gave a wrong two-factor sign-in code")),
    AuditAction("account.password_changed", _("Changed their password")),
    AuditAction("account.password_reset_sent", _("Sent a password reset link")),
    AuditAction("account.password_reset", _("Chose a new password from a reset link")),
    AuditAction(
        "account.temporary_password_set", _("Gave a colleague a temporary password")
    ),
)

NAV_ITEMS = (
    NavItem(90, _("Staff sign-in"), "staff_accounts", (Capability.RESET_SIGN_IN,)),
)
