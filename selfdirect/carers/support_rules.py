"""Named rules for (i) support for eligible needs through the SDS options and (j)
signposting for other needs, followed up as at first contact. The option rules
are the choices app's (`choices.rules`), not copies."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _

from selfdirect.choices.rules import derived_option

from .details import FollowUpDetails, SignpostingDetails, SupportDetails

OPTIONS = {1, 2, 3}


def plan_option(options: Iterable[int]) -> int | None:
    """The carer's option overall: Option 4 where the elements of support use
    more than one of options 1 to 3 (the same rule as a person's choice)."""
    return derived_option(options)


def support_problems(
    details: SupportDetails,
    *,
    eligible: bool,
    started_on: datetime.date,
    today: datetime.date,
) -> dict[str, str]:
    """Problems, by field, with an element of support for eligible needs: the
    plan must show an eligible need (s24: the duty is to support eligible needs);
    the support is named; an option from 1 to 3 per element (Option 4 is the
    mix); a choice made by someone else names them; the choice is dated between
    the plan's start and today; an amount is not negative."""
    problems: dict[str, str] = {}
    if not eligible:
        problems["what"] = _(
            "Record an impact at or above the threshold first: support through "
            "the options is for eligible needs. Signpost other needs instead."
        )
    if not details.what.strip():
        problems["what"] = problems.get("what") or _("Say what the support is")
    if details.option not in OPTIONS:
        problems["option"] = _("Choose option 1, 2 or 3 for this support")
    if details.chosen_by != "carer" and not details.chosen_by_name.strip():
        problems["chosen_by_name"] = _("Give the name of who chose for the carer")
    if details.chosen_on < started_on:
        problems["chosen_on"] = _("The choice cannot be before the plan started")
    elif details.chosen_on > today:
        problems["chosen_on"] = _("The choice cannot be in the future")
    if details.yearly_amount is not None and details.yearly_amount < Decimal(0):
        problems["yearly_amount"] = _("The amount cannot be less than £0")
    return problems


def over_budget(amounts: Iterable[Decimal | None], budget: Decimal | None) -> bool:
    """The elements of support cost more a year than the indicative budget (a
    warning, not a bar: the budget is indicative)."""
    total = sum((a for a in amounts if a is not None), Decimal(0))
    return budget is not None and total > budget


def signposting_problems(
    details: SignpostingDetails, *, started_on: datetime.date, today: datetime.date
) -> dict[str, str]:
    """Problems with signposting: a directory service or a support's name; dated
    from the plan's start to today; followed up on or after the day signposted."""
    problems: dict[str, str] = {}
    if details.service is None and not details.support_name.strip():
        problems["support_name"] = _(
            "Choose a service from the directory, or give the support's name"
        )
    if details.signposted_on < started_on:
        problems["signposted_on"] = _("This cannot be before the plan started")
    elif details.signposted_on > today:
        problems["signposted_on"] = _("This cannot be in the future")
    if details.follow_up_due < details.signposted_on:
        problems["follow_up_due"] = _(
            "The follow-up cannot be before the day the carer was signposted"
        )
    return problems


def follow_up_problems(
    details: FollowUpDetails, *, signposted_on: datetime.date, today: datetime.date
) -> dict[str, str]:
    """A follow-up records what came of it, on a day from the signposting to
    today."""
    problems: dict[str, str] = {}
    if not details.result:
        problems["result"] = _("Choose what came of the signposting")
    if details.followed_up_on < signposted_on:
        problems["followed_up_on"] = _(
            "The follow-up cannot be before the day the carer was signposted"
        )
    elif details.followed_up_on > today:
        problems["followed_up_on"] = _("The follow-up cannot be in the future")
    return problems
