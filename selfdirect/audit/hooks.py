"""What the audit app adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import AuditAction, NavItem, SubjectAccessSection

AUDIT_ACTIONS = (
    AuditAction("person.exported", _("Exported everything held (subject access)")),
)

SUBJECT_ACCESS = (
    SubjectAccessSection("audit.AccessLog", ("person",), "Who opened the record"),
    SubjectAccessSection("audit.AuditEvent", ("person",), "Actions on the record"),
)

NAV_ITEMS = (
    NavItem(
        80,
        _("Unusual reads and refusals"),
        "audit:access_review",
        (Capability.REVIEW_ACCESS,),
    ),
)
