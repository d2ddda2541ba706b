import datetime
from decimal import Decimal

import factory

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.budgets import rules
from selfdirect.budgets.models import BudgetMethod, IndicativeBudget
from selfdirect.people.tests.factories import PersonFactory


def ras_method() -> BudgetMethod:
    """The illustrative RAS loaded by the data migration."""
    return BudgetMethod.objects.get(code="ras-adults", version=1)


def confirmed_ras_method() -> BudgetMethod:
    """The same RAS as the data migration's, with figures the partnership has
    confirmed: only such a method's budgets reach a letter to the person."""
    method, _created = BudgetMethod.objects.get_or_create(
        code="ras-adults-confirmed",
        version=1,
        defaults={
            **{
                f: getattr(ras_method(), f)
                for f in ("name", "kind", "valid_from", "note", "config")
            },
            "illustrative": False,
            "active": False,
        },
    )
    return method


class IndicativeBudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicativeBudget

    person = factory.SubFactory(PersonFactory)
    worked_out_on = datetime.date(2026, 10, 25)
    amount = factory.LazyAttribute(lambda o: o.workings_.amount)
    recorded_by = factory.SubFactory(UserFactory)
    method = factory.LazyFunction(ras_method)
    method_version = 1
    inputs = factory.LazyAttribute(lambda o: o.workings_.inputs)
    workings = factory.LazyAttribute(lambda o: o.workings_.steps)
    delegated_limit = factory.LazyFunction(lambda: Decimal("12000.00"))
    authority = factory.LazyAttribute(
        lambda o: rules.authority_for(o.amount, o.delegated_limit)
    )

    class Params:
        level = 2
        workings_ = factory.LazyAttribute(
            lambda o: rules.ras_budget(
                o.method.config,
                answers={
                    q["code"]: q["answers"][o.level]["code"]
                    for d in o.method.config["domains"]
                    for q in d["questions"]
                },
                service_group="",
            )
        )
