"""Named rules about support plans: when a plan can be agreed, its option, its
first review and its stage.

The SMART check (`plans/smart.py`) is a visible prompt for the practitioner and
the person; it never stops a plan being saved or agreed. What stops agreement is
a missing contingency section, an empty plan, and anything a later stage (the
resource panel) registers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils.translation import gettext as _

from selfdirect.choices.rules import derived_option
from selfdirect.core.dates import add_months

FIRST_REVIEW_MONTHS = 3


def has_contingency(answers: Iterable[str]) -> bool:
    """A plan has a contingency section when at least one of its contingency
    questions (carer cannot come, becoming unwell, out of hours, anything else)
    is answered."""
    return any(answer.strip() for answer in answers)


def agreement_problems(
    *, outcome_count: int, contingency: bool, state: str
) -> list[str]:
    """A plan can be agreed only while it is a draft, with at least one outcome and
    a contingency section. (Being SMART is shown, not required: the person may
    agree a plan that still needs work.)"""
    problems = []
    if state != "draft":
        problems.append(_("Only a draft plan can be agreed."))
    if outcome_count == 0:
        problems.append(_("Add at least one outcome before the plan is agreed."))
    if not contingency:
        problems.append(
            _(
                "Add the contingency arrangements (what happens if a carer cannot come, "
                "if the person becomes unwell, or out of hours) before the plan is agreed."
            )
        )
    return problems


def plan_option(options: Iterable[int | None]) -> int | None:
    """The plan's option: the one option its funded supports use, Option 4 when
    they use more than one of options 1-3, None when no support has an option.
    (The same rule as a choice of option: choices.rules.derived_option.)"""
    return derived_option(o for o in options if o is not None)


def needs_option(*, yearly_cost: object, provided_by: str) -> bool:
    """A support that costs money from the budget needs an SDS option; unpaid help
    from the person, family and friends or a free community resource does not."""
    paid = yearly_cost is not None and yearly_cost != 0
    return paid or provided_by in {"personal_assistant", "provider", "council"}


def first_review_date(agreed_on: datetime.date, months: int) -> datetime.date:
    """The first review of a new plan is due this many months after it is agreed
    (the same day of the month, or the month's last day when it is shorter)."""
    return add_months(agreed_on, months)


def plan_stage(*, agreed: bool, draft: bool) -> tuple[str, str]:
    """The support plan stage is done when a plan is agreed (a new version being
    drafted puts it back in progress), in progress while a draft exists."""
    from selfdirect.people.hook_points import StageStatus

    if draft:
        return StageStatus.IN_PROGRESS, (
            _("A new version of the agreed plan is being drafted.")
            if agreed
            else _("A plan is being drafted. It is not agreed yet.")
        )
    if agreed:
        return StageStatus.DONE, _("The plan is agreed with the person.")
    return StageStatus.NOT_STARTED, _("No support plan yet.")


def review_stage(
    *, review_on: datetime.date | None, today: datetime.date
) -> tuple[str, str]:
    """An agreed plan is reviewed by its review date: past that date it needs
    review; before it, or with no agreed plan, the review has not started."""
    from selfdirect.people.hook_points import StageStatus

    if review_on is None:
        return StageStatus.NOT_STARTED, _("Set when the plan is agreed.")
    from django.utils.formats import date_format

    shown = date_format(review_on, "j F Y")
    if review_on < today:
        return StageStatus.NEEDS_REVIEW, _("The review was due by %(day)s.") % {
            "day": shown
        }
    return StageStatus.NOT_STARTED, _("Due by %(day)s.") % {"day": shown}


def options_differing_from_choice(
    supports: Iterable[tuple[str, int | None]], chosen: dict[str, int]
) -> list[str]:
    """A funded support should use an option the person chose for an element of
    their support: name each support whose option they chose for none (the choice
    maps each element's name to its option; no recorded choice, no warning)."""
    if not chosen:
        return []
    by_option: dict[int, list[str]] = {}
    for element, option in chosen.items():
        by_option.setdefault(option, []).append(element)
    chose = "; ".join(
        _("Option %(option)s for %(elements)s")
        % {"option": option, "elements": ", ".join(elements).lower()}
        for option, elements in sorted(by_option.items())
    )
    return [
        _(
            "“%(what)s” is under Option %(option)s, but the person chose %(chose)s. "
            "Check the support, or record the change of choice."
        )
        % {"what": what, "option": option, "chose": chose}
        for what, option in supports
        if option is not None and option not in by_option
    ]
