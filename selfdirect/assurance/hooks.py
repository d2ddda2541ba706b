"""What assurance adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hook_points import KEPT_ANSWERS
from selfdirect.core.hooks import (
    AuditAction,
    Contribution,
    NavItem,
    SubjectAccessSection,
)

from .selectors import KEPT

AUDIT_ACTIONS = (
    AuditAction("casefile.exported", _("Exported a person's case file")),
    AuditAction("casefile.imported", _("Imported a person's case file")),
)

SUBJECT_ACCESS = (
    SubjectAccessSection(
        "assurance.ExternalReference", ("person",), "References in other systems"
    ),
    SubjectAccessSection(
        "assurance.PersonReading", ("person",), "Automatic reading of the case file"
    ),
)

NAV_ITEMS = (
    NavItem(
        36,
        _("Case file reading"),
        "assurance:population_reading",
        (Capability.SEE_FILE_READING,),
    ),
)

# The reader's answers kept for everyone, counted by the practice_quality
# indicator (insights) without either reader importing the other.
CONTRIBUTIONS = (Contribution(KEPT_ANSWERS, KEPT),)
