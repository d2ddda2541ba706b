"""What assurance adds elsewhere (collected by selfdirect.core.hooks)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hook_points import KEPT_ANSWERS, KeptAnswers
from selfdirect.core.hooks import (
    AuditAction,
    Contribution,
    NavItem,
    SubjectAccessSection,
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
        "assurance.PersonReading", ("person",), "Automatic reading of the case file"
    ),
    SubjectAccessSection(
        "assurance.SampledFile", ("person",), "Case files sampled for reading"
    ),
    SubjectAccessSection(
        "assurance.FileReading",
        ("sampled_file__person",),
        "Readings of a sampled case file",
    ),
)

NAV_ITEMS = (
    NavItem(
        37,
        _("Case file reading"),
        "assurance:exercises",
        (Capability.READ_CASE_FILES,),
    ),
    NavItem(
        38,
        _("Every case file read"),
        "assurance:population_reading",
        (Capability.SEE_FILE_READING,),
    ),
)

# The reader's answers kept for everyone, counted by the practice_quality
# indicator (insights) without either reader importing the other.
# (Each reaches assurance.selectors when called: hooks import no selectors.)


def _answered(criterion: str, answer: str) -> Any:
    from .selectors import answered

    return answered(criterion, answer)


def _read() -> Any:
    from .selectors import read

    return read()


def _freshness() -> Any:
    from .selectors import freshness

    return freshness()


def _explain(person: Any, as_at: Any = None) -> Any:
    from .selectors import explain

    return explain(person, as_at)


def _answered_at(criterion: str, answer: str, as_at: Any) -> Any:
    from .selectors import answered_at

    return answered_at(criterion, answer, as_at)


CONTRIBUTIONS = (
    Contribution(
        KEPT_ANSWERS,
        KeptAnswers(
            answered=_answered,
            read=_read,
            freshness=_freshness,
            explain=_explain,
            answered_at=_answered_at,
        ),
    ),
)
