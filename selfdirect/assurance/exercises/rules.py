"""The rules of a reading exercise, each a plain function returning a problem (a
sentence) or None."""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfdirect.accounts.roles import Role

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

# Who may be given a file to read: quality leads, inspectors, and practitioners
# reading another team's files for peer audit.
READER_ROLES = frozenset({Role.QUALITY_LEAD, Role.INSPECTOR, Role.PRACTITIONER})


def reader_problem(reader: User, person_team_ids: set[int]) -> str | None:
    """A file is read by a quality lead, an inspector, or a practitioner from
    another team: never by someone from a team that holds (or held, when the file
    was drawn) the person, so nobody audits their own team's work."""
    if reader.role not in READER_ROLES or not reader.access_is_current():
        return "Only quality leads, inspectors and practitioners can read case files."
    if reader.role == Role.PRACTITIONER and person_team_ids & set(reader.team_ids()):
        return (
            "A practitioner reads only other teams' files for peer audit: this "
            "person is with their own team."
        )
    return None


def override_problem(automatic: str, confirmed: str, note: str) -> str | None:
    """An answer different from the automatic reader's needs a note saying why."""
    if confirmed and confirmed != automatic and not note.strip():
        return "Say why you changed the automatic answer."
    return None


def second_reader_problem(first_reader_id: int | None, second: User) -> str | None:
    """The second reader of a file is not its first reader."""
    if first_reader_id is not None and first_reader_id == second.pk:
        return "The second reader must be someone other than the first reader."
    return None
