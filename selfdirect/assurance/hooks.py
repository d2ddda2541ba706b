"""What assurance adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.core.hooks import AuditAction, SubjectAccessSection

AUDIT_ACTIONS = (
    AuditAction("casefile.exported", _("Exported a person's case file")),
    AuditAction("casefile.imported", _("Imported a person's case file")),
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
