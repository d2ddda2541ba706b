"""Reads of information, independent support and choices."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from selfdirect.budgets import rules as budget_rules
from selfdirect.budgets.models import IndicativeBudget
from selfdirect.people.models import Person

from . import rules
from .models import (
    AmountStated,
    IndependentSupport,
    InformationGiven,
    SdsOption,
    SupportChoice,
)


@dataclass(frozen=True)
class ChoiceSummary:
    choice: SupportChoice | None
    option: int | None
    informed: rules.InformedChoice | None
    changed_from: int | None


def option_of(choice: SupportChoice) -> int | None:
    """The option a choice comes to: 1, 2 or 3, or 4 for a mix."""
    return rules.derived_option(e.option for e in choice.elements.all())


def informed(
    choice: SupportChoice,
    information: Sequence[InformationGiven] | None = None,
    independent_support: Sequence[IndependentSupport] | None = None,
) -> rules.InformedChoice:
    """Whether a choice was informed, and what the record is missing if not.

    Given the person's information and independent support records already read
    (as the person page has), it asks the database nothing more."""
    person = choice.person_id
    if information is None:
        information_before = InformationGiven.objects.filter(
            person_id=person, given_on__lte=choice.made_on
        ).exists()
    else:
        information_before = any(i.given_on <= choice.made_on for i in information)
    if independent_support is None:
        offered = IndependentSupport.objects.filter(
            person_id=person, offered_on__lte=choice.made_on
        ).exists()
    else:
        offered = any(r.offered_on <= choice.made_on for r in independent_support)
    return rules.informed_choice(
        information_before=information_before,
        independent_support_offered=offered,
        decided_by=choice.decided_by,
        authority_recorded=bool(choice.representative_authority),
    )


def choice_summary(
    person: Person,
    information: Sequence[InformationGiven] | None = None,
    independent_support: Sequence[IndependentSupport] | None = None,
    choices: Sequence[SupportChoice] | None = None,
) -> ChoiceSummary:
    """The person's current choice, its option, whether it was informed, and the
    option it replaced (the person page passes the records it has already read:
    the two latest choices with their elements)."""
    if choices is None:
        choices = list(person.support_choices.prefetch_related("elements")[:2])
    if not choices:
        return ChoiceSummary(None, None, None, None)
    current = choices[0]
    earlier = option_of(choices[1]) if len(choices) > 1 else None
    option = option_of(current)
    return ChoiceSummary(
        current,
        option,
        informed(current, information, independent_support),
        earlier if earlier != option else None,
    )


def _latest_choice(person: OuterRef, up_to: datetime.date | None) -> Any:
    choices = SupportChoice.objects.filter(person=person)
    if up_to is not None:
        choices = choices.filter(made_on__lte=up_to)
    return choices.order_by("-made_on", "-id")


def with_informed_choice(
    people: QuerySet[Person], up_to: datetime.date | None = None
) -> QuerySet[Person]:
    """Annotate people with whether their latest choice (made on or before `up_to`,
    when given) had information given and independent support offered before it,
    who made it and whether a representative's authority is recorded (for
    indicators), in the database. `INFORMED` is `rules.informed_choice` over these."""
    # Inside the Exists below, the person is two levels out.
    made_on = Subquery(
        _latest_choice(OuterRef(OuterRef("pk")), up_to).values("made_on")[:1]
    )
    latest = _latest_choice(OuterRef("pk"), up_to)
    return people.annotate(
        has_choice=Exists(latest),
        choice_made_on=Subquery(latest.values("made_on")[:1]),
        choice_decided_by=Subquery(latest.values("decided_by")[:1]),
        choice_authority=Subquery(latest.values("representative_authority")[:1]),
        information_before_choice=Exists(
            InformationGiven.objects.filter(
                person=OuterRef("pk"), given_on__lte=made_on
            )
        ),
        support_offered_before_choice=Exists(
            IndependentSupport.objects.filter(
                person=OuterRef("pk"), offered_on__lte=made_on
            )
        ),
    )


# `rules.informed_choice` as a filter over `with_informed_choice`'s annotations:
# information before the choice, independent support offered, and the person or a
# representative whose legal authority is recorded chose (not a carer).
INFORMED = (
    Q(information_before_choice=True, support_offered_before_choice=True)
    & ~Q(choice_decided_by=SupportChoice.DecidedBy.CARER)
    & ~Q(
        choice_decided_by=SupportChoice.DecidedBy.LEGAL_REPRESENTATIVE,
        choice_authority="",
    )
)


def current_budget(person: Person) -> IndicativeBudget | None:
    """The person's latest indicative budget, whose amounts the person is told."""
    return (
        person.indicative_budgets.own_support()
        .order_by("-worked_out_on", "-id")
        .first()
    )


def amounts_from_budget(budget: IndicativeBudget | None) -> dict[str, object]:
    """The information form's amounts filled in from a budget (a yearly amount,
    the same for each option until the worker changes one); none without one."""
    if budget is None:
        return {}
    amounts: dict[str, object] = {
        f"amount_{option}": budget.amount for option in (1, 2, 3, 4)
    }
    return {**amounts, "period": AmountStated.Period.YEAR}


@dataclass(frozen=True)
class OptionAmount:
    """One row of the amounts table in a person's Easy Read information."""

    option: int
    amount: Decimal | None
    period: str


def easy_read_amounts(person: Person) -> list[OptionAmount]:
    """The amount for each option, for a person's Easy Read table: those stated
    when the options were last explained to them; otherwise their latest
    indicative budget for every option, if its method is confirmed (an
    unconfirmed method does not reach the person); otherwise left blank."""
    information = (
        person.information_given.filter(amounts__isnull=False)
        .order_by("-given_on", "-id")
        .first()
    )
    stated = (
        {
            a.option: (a.amount, a.get_period_display())
            for a in information.amounts.all()
        }
        if information
        else {}
    )
    if not stated:
        budget = (
            person.indicative_budgets.own_support().select_related("method").first()
        )
        method = budget.method if budget else None
        confirmed = method is not None and not method.illustrative
        if budget and not budget_rules.letter_blocker(method_confirmed=confirmed):
            stated = dict.fromkeys(
                SdsOption.values, (budget.amount, str(AmountStated.Period.YEAR.label))
            )
    return [
        OptionAmount(option, *stated.get(option, (None, "")))
        for option in SdsOption.values
    ]
