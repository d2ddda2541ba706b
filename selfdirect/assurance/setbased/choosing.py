"""Set-based forms of the rules in reader/choosing.py (see setbased/__init__.py)."""

import datetime

from django.db.models import (
    Case,
    Exists,
    Expression,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.choices.models import (
    AmountStated,
    ElementChoice,
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from selfdirect.plans.models import Support

from ..reader.choosing import ALL_OPTIONS, OPTIONS_WITH_AMOUNTS
from ..reader.file import NO, NOT_APPLICABLE, PARTLY, YES
from . import SetRule
from .records import (
    OUTER,
    PERSON,
    PLAN_STATES,
    JsonListHas,
    assessed,
    choices_at,
    current_plan,
    filled,
    latest_choice,
    plans_at,
)


def options_explained(as_of: datetime.date) -> Expression:
    given = InformationGiven.objects.filter(person=PERSON)
    amounts = AmountStated.objects.filter(information__person=PERSON)
    complete = Q()
    for option in sorted(ALL_OPTIONS):
        complete &= Q(Exists(given.filter(JsonListHas("options_explained", option))))
    for option in sorted(OPTIONS_WITH_AMOUNTS):
        complete &= Q(Exists(amounts.filter(option=option)))
    return Case(
        When(~assessed(as_at=as_of), then=Value(NOT_APPLICABLE)),
        When(~Exists(given), then=Value(NO)),
        When(complete, then=Value(YES)),
        default=Value(PARTLY),
    )


def independent_support_offered(as_of: datetime.date) -> Expression:
    return Case(
        When(~assessed(as_at=as_of), then=Value(NOT_APPLICABLE)),
        When(
            Exists(
                IndependentSupport.objects.filter(person=PERSON, offered_on__lte=as_of)
            ),
            then=Value(YES),
        ),
        default=Value(NO),
    )


# Who chose (reader: `who`): a deemed choice, a carer, or anyone named who makes
# an informed choice (choices.rules.informed_choice with the information and the
# offer taken as given): a representative needs their name and legal authority.
WHO = Q(deemed=True) | (
    filled("decided_by")
    & ~(
        Q(decided_by="legal_representative")
        & ~(filled("representative_authority") & filled("representative_name"))
    )
)


def choice_recorded(as_of: datetime.date) -> Expression:
    # The latest choice scores a point for options recorded and one for who chose.
    choice = (
        SupportChoice.objects.filter(pk=latest_choice(OUTER, as_at=as_of))
        .annotate(
            points=Case(
                When(
                    Q(deemed=True)
                    | Q(Exists(ElementChoice.objects.filter(choice=OuterRef("pk")))),
                    then=Value(1),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
            + Case(
                When(WHO, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .values("points")
    )
    # A paid support in the current plan (plans.rules.needs_option) with no option.
    unset = Support.objects.filter(
        plan=current_plan(OUTER, as_at=as_of), option__isnull=True
    ).filter(
        (Q(yearly_cost__isnull=False) & ~Q(yearly_cost=0))
        | Q(provided_by__in=("personal_assistant", "provider", "council"))
    )
    has_choice = Exists(choices_at(as_at=as_of))
    has_plan = Exists(plans_at(as_at=as_of).filter(state_at__in=PLAN_STATES))
    return Case(
        When(~has_choice & ~has_plan, then=Value(NOT_APPLICABLE)),
        When(~has_choice, then=Value(NO)),
        When(Q(Exists(choice.filter(points=2))) & ~Exists(unset), then=Value(YES)),
        When(Q(Exists(choice.filter(points=0))) & Exists(unset), then=Value(NO)),
        default=Value(PARTLY),
    )


def budget_before_choice(as_of: datetime.date) -> Expression:
    made = choices_at(as_at=as_of).filter(deemed=False)
    # A budget on or before the latest choice made is one on or before any
    # choice made.
    before = (
        IndicativeBudget.objects.own_support()
        .filter(person=PERSON)
        .filter(
            Exists(
                choices_at(OuterRef("person"), as_at=as_of).filter(
                    deemed=False,
                    made_on__gte=OuterRef("worked_out_on"),
                )
            )
        )
    )
    return Case(
        When(~Exists(made), then=Value(NOT_APPLICABLE)),
        When(Exists(before), then=Value(YES)),
        default=Value(NO),
    )


RULES: dict[str, SetRule] = {
    rule.__name__: rule
    for rule in (
        options_explained,
        independent_support_offered,
        choice_recorded,
        budget_before_choice,
    )
}
