"""What the people app adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.core.hooks import AuditAction, NavItem, SubjectAccessSection

from .hook_points import LATER_ASSESSMENT

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

HOOK_POINTS = (LATER_ASSESSMENT,)

NAV_ITEMS = (
    NavItem(10, _("People"), "people:caseload", (Capability.VIEW_PEOPLE,)),
    # A list of follow-ups to record: for those who may change people's records.
    NavItem(
        20,
        _("Follow-ups due"),
        "people:follow_ups",
        needs=(Purpose.PRACTICE, Action.CHANGE),
    ),
)
