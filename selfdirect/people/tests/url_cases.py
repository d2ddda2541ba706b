"""Requests for access and emergency openings, for the URL permission walker."""

import uuid
from typing import Any

from selfdirect.testing.url_cases import UrlCase

MISSING = uuid.UUID("00000000-0000-4000-8000-000000000002")
ONLY_THE_DPO_REVIEWS = (
    "data protection officers review every emergency opening; other roles get 403"
)


def _asked(p: Any) -> dict[str, Any]:
    return {"request_id": p.person.access_requests.get(kind="asked").public_id}


def _opened(p: Any) -> dict[str, Any]:
    return {"request_id": p.person.access_requests.get(kind="break_glass").public_id}


def _missing(p: Any) -> dict[str, Any]:
    return {"request_id": MISSING}


PERSONAL: dict[str, UrlCase] = {
    "people:decide_access_request": UrlCase(
        _asked, "manager_a", outsider_role="team_manager", missing=_missing
    ),
    "people:review_break_glass": UrlCase(
        _opened, "dpo", outsider=None, why_no_outsider=ONLY_THE_DPO_REVIEWS
    ),
}

NOT_PERSONAL = {
    "people:access_requests": "a list, scoped by visible_to: see test_access_requests",
    "people:my_access_requests": "the user's own requests: see test_access_requests",
    "people:break_glass_openings": "a list, scoped by visible_to: see test_access_requests",
    "people:ask_for_access": (
        "a form showing nothing of the person, reached by a reference signed for "
        "the user the duplicate check told: see test_access_requests"
    ),
    "people:break_glass": (
        "a form showing nothing of the person, reached by a reference signed for "
        "the user the duplicate check told: see test_access_requests"
    ),
}
