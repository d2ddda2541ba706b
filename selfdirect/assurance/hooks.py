"""What assurance adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.core.hooks import AuditAction

AUDIT_ACTIONS = (AuditAction("casefile.exported", _("Exported a person's case file")),)
