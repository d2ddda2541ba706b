"""What the audit app adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.core.hooks import AuditAction, SubjectAccessSection

AUDIT_ACTIONS = (
    AuditAction("person.exported", _("Exported everything held (subject access)")),
)

SUBJECT_ACCESS = (
    SubjectAccessSection("audit.AccessLog", ("person",), "Who opened the record"),
    SubjectAccessSection("audit.AuditEvent", ("person",), "Actions on the record"),
)
