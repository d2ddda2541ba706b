"""The delivery stage of the task list (rules, no database)."""

from selfdirect.delivery.rules import delivery_stage


def test_delivery_is_done_once_any_support_is_in_place() -> None:
    nothing = {"direct_payment": False, "service_fund": False, "arranged": False}
    assert delivery_stage(**nothing)[0] == "not_started"
    assert delivery_stage(**{**nothing, "direct_payment": True}) == (
        "done",
        "In place: a direct payment.",
    )
