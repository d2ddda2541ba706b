"""What the people app adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.core.hooks import AuditAction, SubjectAccessSection

from .hook_points import JOURNEY_STAGES, LATER_ASSESSMENT

AUDIT_ACTIONS = (
    AuditAction("person.added", _("Added the person's record")),
    AuditAction("person.merged", _("Merged a duplicate record into this one")),
    AuditAction("person.merged_away", _("Record merged into another")),
)

SUBJECT_ACCESS = (
    SubjectAccessSection("people.Person", ("",), "Personal details"),
    SubjectAccessSection("people.Allocation", ("person",), "Allocations"),
    SubjectAccessSection(
        "people.Relationship", ("person", "related_person"), "Relationships"
    ),
    SubjectAccessSection("people.FirstContact", ("person",), "First contacts"),
    SubjectAccessSection(
        "people.Signposting", ("first_contact__person",), "Signposting"
    ),
)

HOOK_POINTS = (LATER_ASSESSMENT, JOURNEY_STAGES)
