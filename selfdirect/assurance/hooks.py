"""What assurance adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import AuditAction, NavItem, SubjectAccessSection

NAV_ITEMS = (
    NavItem(
        37,
        _("Case file reading"),
        "assurance:exercises",
        (Capability.READ_CASE_FILES,),
    ),
)

AUDIT_ACTIONS = (
    AuditAction("casefile.exported", _("Exported a person's case file")),
    AuditAction("casefile.imported", _("Imported a person's case file")),
    AuditAction("reading_exercise.started", _("Started a case file reading exercise")),
    AuditAction(
        "reading_exercise.second_readings",
        _("Chose case files for a second reader"),
    ),
    AuditAction(
        "reading_exercise.completed", _("Completed a case file reading exercise")
    ),
    AuditAction("file_reading.given", _("Gave a case file to a reader")),
    AuditAction("file_reading.saved", _("Saved a reading of a case file")),
)

SUBJECT_ACCESS = (
    SubjectAccessSection(
        "assurance.ExternalReference", ("person",), "References in other systems"
    ),
    SubjectAccessSection(
        "assurance.SampledFile", ("person",), "Case files sampled for reading"
    ),
    SubjectAccessSection(
        "assurance.FileReading",
        ("sampled_file__person",),
        "Readings of the case file",
    ),
    SubjectAccessSection(
        "assurance.CriterionAnswer",
        ("reading__sampled_file__person",),
        "Answers given when the case file was read",
    ),
)
