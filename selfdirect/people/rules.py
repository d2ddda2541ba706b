"""Named rules about people's identifiers and details."""

import datetime
import re

from django.conf import settings
from django.utils.translation import gettext as _

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")
_CHI_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def chi_check_digit(first_nine: str) -> int | None:
    """The CHI mod-11 check digit for nine digits; None when no valid digit exists.

    Weights 10..2 over the first nine digits; 11 minus the remainder mod 11,
    where 11 becomes 0 and 10 means the number cannot be valid.
    """
    total = sum(int(d) * w for d, w in zip(first_nine, _CHI_WEIGHTS, strict=True))
    digit = 11 - (total % 11)
    if digit == 11:
        return 0
    if digit == 10:
        return None
    return digit


def normalise_chi(raw: str) -> str:
    """Digits only: staff often type CHI numbers with spaces."""
    return re.sub(r"[\s-]", "", raw or "")


def chi_problem(chi: str) -> str | None:
    """Why a CHI number is not valid, in plain words; None when it is valid."""
    if not chi.isdigit() or len(chi) != 10:
        return _("A CHI number is 10 digits, like 0101501234")
    day, month = int(chi[0:2]), int(chi[2:4])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return _("A CHI number starts with the date of birth as DDMMYY")
    if chi_check_digit(chi[:9]) != int(chi[9]):
        return _("This CHI number is not valid: check each digit and try again")
    return None


def normalise_postcode(raw: str) -> str:
    """A UK postcode in capitals with one space before the inward code."""
    compact = re.sub(r"\s+", "", (raw or "").upper())
    match = _POSTCODE.match(compact)
    if not match:
        return compact
    return f"{match.group(1)} {match.group(2)}"


def is_postcode(raw: str) -> bool:
    """Whether the text is a full UK postcode."""
    return bool(_POSTCODE.match(re.sub(r"\s+", "", (raw or "").upper())))


def looks_like_postcode_start(raw: str) -> bool:
    """Whether the text could be the start of a postcode (e.g. 'G81')."""
    return bool(
        re.fullmatch(
            r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]?(\s*[0-9][A-Za-z]{0,2})?", raw.strip()
        )
    )


def name_key(name: str) -> str:
    """A name folded for searching: lower case, letters only, and a leading "Mc"
    read as "Mac", so McLeod and MacLeod find each other whichever is typed."""
    key = re.sub(r"[^a-z]", "", (name or "").lower())
    return "mac" + key[2:] if key.startswith("mc") else key


def date_of_birth_problem(born: datetime.date, today: datetime.date) -> str | None:
    """Why a date of birth cannot be right; None when it can."""
    if born > today:
        return _("Date of birth must be today or in the past")
    if born.year < today.year - 125:
        return _("Date of birth must be within the last 125 years")
    return None


def access_lasts(*, break_glass: bool) -> datetime.timedelta:
    """A granted request for access to another team's record lasts
    ACCESS_GRANT_DAYS days; an emergency (break-glass) opening lasts only
    BREAK_GLASS_HOURS hours."""
    if break_glass:
        return datetime.timedelta(hours=settings.BREAK_GLASS_HOURS)
    return datetime.timedelta(days=settings.ACCESS_GRANT_DAYS)


def decision_problem(
    *, status: str, requested_by_id: int, deciding_id: int
) -> str | None:
    """A request for access is decided once, while it waits, and never by the
    person who asked."""
    if status != "pending":
        return _("This request has already been decided.")
    if requested_by_id == deciding_id:
        return _("Someone else must decide your own request for access.")
    return None
