"""What the people app adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.core.hooks import AuditAction, NavItem, SubjectAccessSection

from .hook_points import JOURNEY_STAGES, LATER_ASSESSMENT

AUDIT_ACTIONS = (
    AuditAction("person.added", _("Added the person's record")),
    AuditAction("person.merged", _("Merged a duplicate record into this one")),
    AuditAction("person.merged_away", _("Record merged into another")),
    AuditAction(
        "person.duplicate_found",
        _("A duplicate check told someone outside the team that this record exists"),
    ),
    AuditAction("access.asked", _("Asked the holding team for access to the record")),
    AuditAction("access.granted", _("Granted a request for access to the record")),
    AuditAction("access.refused", _("Refused a request for access to the record")),
    AuditAction("access.break_glass", _("Opened the record in an emergency")),
    AuditAction(
        "access.break_glass_reviewed",
        _("Reviewed an emergency opening of the record"),
    ),
)

SUBJECT_ACCESS = (
    SubjectAccessSection("people.Person", ("",), "Personal details"),
    SubjectAccessSection("people.Allocation", ("person",), "Allocations"),
    SubjectAccessSection(
        "people.Relationship", ("person", "related_person"), "Relationships"
    ),
    SubjectAccessSection("people.FirstContact", ("person",), "First contacts"),
    SubjectAccessSection(
        "people.AccessRequest",
        ("person",),
        "Requests for access to the record, and emergency openings",
    ),
    SubjectAccessSection(
        "people.Signposting", ("first_contact__person",), "Signposting"
    ),
)

HOOK_POINTS = (LATER_ASSESSMENT, JOURNEY_STAGES)

NAV_ITEMS = (
    NavItem(10, _("People"), "people:caseload", (Capability.VIEW_PEOPLE,)),
    # A list of follow-ups to record: for those who may change people's records.
    NavItem(
        20,
        _("Follow-ups due"),
        "people:follow_ups",
        needs=(Purpose.PRACTICE, Action.CHANGE),
    ),
    NavItem(
        22,
        _("Requests for access"),
        "people:access_requests",
        (Capability.DECIDE_ACCESS,),
    ),
    NavItem(
        23,
        _("Your requests for access"),
        "people:my_access_requests",
        (Capability.ASK_ACCESS,),
    ),
    NavItem(
        81,
        _("Emergency access to review"),
        "people:break_glass_openings",
        (Capability.REVIEW_ACCESS,),
    ),
)
