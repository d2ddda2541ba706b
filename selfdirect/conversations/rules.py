"""Named rules about conversation records."""

from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _

PARTICIPANTS = [
    ("person", _("The person")),
    ("unpaid_carer", _("Unpaid carer")),
    ("family", _("Family member")),
    ("advocate", _("Advocate")),
    ("professionals", _("Other professionals")),
]
PARTICIPATION_SUPPORT = [
    ("communication_support", _("Communication support")),
    ("interpreter", _("Interpreter")),
    ("advocate", _("Advocate")),
    ("easy_read", _("Easy Read or pictures")),
    ("bsl", _("BSL interpreter")),
]


def labels(choices: Sequence[tuple[str, object]], codes: list[str]) -> list[str]:
    """The plain-English labels of stored choice codes."""
    names = dict(choices)
    return [str(names.get(code, code)) for code in codes]


# Allowed state changes: from state -> states it may move to.
TRANSITIONS = {
    "draft": {"shared"},
    "shared": {"agreed", "draft"},
    "agreed": set(),
}


def can_move(current: str, to: str) -> bool:
    """A conversation moves draft -> shared -> agreed; a shared one may go back to draft."""
    return to in TRANSITIONS.get(current, set())


def can_be_agreed(*, outcome_count: int) -> bool:
    """A conversation can be agreed only when it records at least one personal outcome."""
    return outcome_count > 0


def needs_carer_prompt(*, has_unpaid_carer: bool, carer_offered: bool | None) -> bool:
    """When the person has an unpaid carer, the carer must be offered their own adult
    carer support plan (Carers (Scotland) Act 2016): prompt until the offer is recorded."""
    return has_unpaid_carer and carer_offered is None


def conversation_stage(
    *, first_contact: bool, conversation: bool, agreed_with_outcomes: bool
) -> tuple[str, str]:
    """The first stage (first contact, then a good conversation) is done once a
    conversation with personal outcomes is agreed with the person; in progress
    from the first contact or conversation record; otherwise not started."""
    from selfdirect.people.hook_points import StageStatus

    if agreed_with_outcomes:
        return StageStatus.DONE, str(
            _("A conversation with personal outcomes is agreed with the person.")
        )
    if conversation:
        return StageStatus.IN_PROGRESS, str(
            _("A conversation is recorded, but none with outcomes is agreed yet.")
        )
    if first_contact:
        return StageStatus.IN_PROGRESS, str(
            _("First contact recorded. No conversation recorded yet.")
        )
    return StageStatus.NOT_STARTED, str(_("No first contact or conversation yet."))
