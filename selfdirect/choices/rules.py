"""Named SDS rules about choosing an option."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

OPTION_THREE = 3
OPTION_FOUR = 4


def derived_option(options: Iterable[int]) -> int | None:
    """Option 4 is a choice whose elements use more than one of options 1-3;
    otherwise the one option used; None when nothing is chosen."""
    used = set(options)
    if len(used) > 1:
        return OPTION_FOUR
    return next(iter(used), None)


def deemed_option(*, choice_made: bool) -> int | None:
    """A person who makes no choice is deemed to have chosen Option 3 (Act s5/s6)."""
    return None if choice_made else OPTION_THREE


@dataclass(frozen=True)
class InformedChoice:
    informed: bool
    missing: list[str]


def informed_choice(
    *,
    information_before: bool,
    independent_support_offered: bool,
    decided_by: str,
    authority_recorded: bool,
) -> InformedChoice:
    """A choice counts as informed when information was given before it, independent
    support was offered, and the person (or a recorded legal representative) chose."""
    missing = []
    if not information_before:
        missing.append(
            _("No record of information about the options given before the choice")
        )
    if not independent_support_offered:
        missing.append(_("No record that independent support or advocacy was offered"))
    if decided_by == "carer":
        missing.append(
            _(
                "The choice was made by a carer, not the person or a legal representative"
            )
        )
    if decided_by == "legal_representative" and not authority_recorded:
        missing.append(_("The representative's legal authority is not recorded"))
    return InformedChoice(informed=not missing, missing=missing)


MEANS_TEST_WINDOW_DAYS = 365


def direct_payment_problems(
    *,
    payment_starts_on: date | None,
    means_test_on: date | None,
    third_party_payee: str,
    payee_at_persons_request: bool,
    family_member_employed: bool,
    undue_pressure: bool,
    family_member_has_powers: bool,
    decision: str,
    refusal_reasons: str,
    review_on: date | None,
) -> dict[str, str]:
    """Problems with an Option 1 record, by field, under the Direct Payments
    Regulations 2014 and the Act (only the parts the references verify):
    reg 3 means test no later than a year after payment starts; reg 5 a third-party
    payee only at the person's request; reg 9 no family member where there is undue
    pressure or who is a guardian or attorney with relevant powers; s5 a refusal
    needs reasons in writing and when it will be reviewed."""
    problems: dict[str, str] = {}
    if (
        means_test_on
        and payment_starts_on
        and (means_test_on - payment_starts_on).days > MEANS_TEST_WINDOW_DAYS
    ):
        problems["means_test_on"] = _(
            "A means test must be done no later than a year after payments start"
        )
    agreed = decision == "agreed"
    if agreed and third_party_payee and not payee_at_persons_request:
        problems["payee_at_persons_request"] = _(
            "A third-party payee can only be used if the person asks for one"
        )
    if agreed and family_member_employed and undue_pressure:
        problems["undue_pressure"] = _(
            "A family member cannot be employed where there is undue pressure"
        )
    if agreed and family_member_employed and family_member_has_powers:
        problems["family_member_has_powers"] = _(
            "A family member who is a guardian or attorney with relevant powers cannot be employed"
        )
    if decision == "refused" and not refusal_reasons.strip():
        problems["refusal_reasons"] = _(
            "Give the reasons for refusing a direct payment"
        )
    if decision == "refused" and review_on is None:
        problems["review_on"] = _("Say when the refusal will be reviewed")
    return problems


def choice_stage(
    *, information_given: bool, support_offered: bool, informed: InformedChoice | None
) -> tuple[str, str]:
    """The informed choice stage: done when a choice is recorded and was informed;
    needs review when a recorded choice was not (saying what is missing); in
    progress once information is given or independent support offered; otherwise
    not started. ``informed`` is None when no choice is recorded."""
    from selfdirect.people.hook_points import StageStatus

    if informed is not None and informed.informed:
        return StageStatus.DONE, _("The person's choice is recorded, and was informed.")
    if informed is not None:
        return StageStatus.NEEDS_REVIEW, " ".join(f"{m}." for m in informed.missing)
    if information_given or support_offered:
        return StageStatus.IN_PROGRESS, _(
            "Information about the options given. No choice recorded yet."
        )
    return StageStatus.NOT_STARTED, _(
        "No information about the four options given yet."
    )
