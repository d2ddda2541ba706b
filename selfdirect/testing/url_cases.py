"""How each app tells the URL permission walker (people/tests/test_url_permissions.py)
about its pages: each app may have `tests/url_cases.py` with `PERSONAL` (URL name →
UrlCase) and `NOT_PERSONAL` (URL name → why it shows nobody's data)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class UrlCase:
    """How to build a personal-data URL from the test personas, and who may open it."""

    build: Callable[[Any], dict[str, Any]]
    # The persona (attribute of `personas`) allowed to GET it.
    allowed: str
    # A persona whose role has no business with it: answered 403.
    refused: str = "finance_officer"
    # A persona who must get a 404 identical to a missing person's, given
    # `outsider_role` first if set; None skips that test (say why in `why_no_outsider`).
    outsider: str | None = "practitioner_b"
    outsider_role: str | None = None
    why_no_outsider: str = ""
    # The kwargs of a record that does not exist, to compare the outsider's 404
    # with; None means "the same URL for an unknown person_id".
    missing: Callable[[Any], dict[str, Any]] | None = None
    # Which access log the allowed read is written to: the person's ("person") or,
    # for an independent organisation's own records, the organisation's.
    logged: str = "person"
