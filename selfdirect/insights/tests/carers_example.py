"""The worked example of docs/carers.md ("The carers report") and docs/indicators.md
(`carers`), built by hand for the financial year 2025-26.

Amy (adult, Clydebank) cares for Pat: identified, offered, accepted and her plan
agreed in the year, with an eligible need and a short break. Ben (adult,
Dumbarton) cares for Ray: identified and asked for a plan before the year, plan
agreed in it, no eligible need, two breaks. Cal (young, Dumbarton) cares for Ray:
identified and offered a statement in the year, declined. Dee (adult, Clydebank)
cares for both: identified twice, offered and accepted in the year (for Pat),
still waiting. Eli is identified after the year ends. Amy's plan is reviewed, the
review agreed in February 2026; Ben's review is started but not yet agreed."""

import datetime
from dataclasses import dataclass
from typing import Any

from selfdirect.accounts.tests.factories import LocalityFactory, UserFactory
from selfdirect.carers.models import (
    BreakFromCaring,
    Carer,
    CarerPlan,
    CarerReview,
    DomainImpact,
    EligibilityCriteria,
    Offer,
)
from selfdirect.people.models import Person, ServiceGroup
from selfdirect.people.tests.factories import PersonFactory

D = datetime.date
CRITERIA_FROM = D(2019, 6, 1)


@dataclass
class Example:
    amy: Carer
    ben: Carer
    cal: Carer
    dee_for_pat: Carer
    dee_for_ray: Carer


def _person(first: str, born: datetime.date, locality: Any, group: str = "") -> Person:
    person = PersonFactory.create(
        first_name=first, last_name="Example", date_of_birth=born, locality=locality
    )
    if group:
        person.service_groups.set(ServiceGroup.objects.filter(code=group))
    return person


def build(suffix: str = "", criteria_from: datetime.date = CRITERIA_FROM) -> Example:
    by = UserFactory.create()
    criteria = EligibilityCriteria.objects.create(
        version=f"Example criteria{suffix}", in_force_from=criteria_from
    )
    health = criteria.domains.create(
        code="health_wellbeing", name="Health and wellbeing", order=1
    )
    money = criteria.domains.create(code="finance", name="Finance", order=2)
    clydebank = LocalityFactory.create(name=f"Clydebank{suffix}")
    dumbarton = LocalityFactory.create(name=f"Dumbarton{suffix}")
    pat = _person("Pat", D(1940, 1, 1), clydebank, "elderly_frail")
    ray = _person("Ray", D(1985, 1, 1), dumbarton, "learning_disability")

    def carer(person: Person, cared_for: Person, on: datetime.date, **kw: Any) -> Carer:
        return Carer.objects.create(
            person=person,
            cared_for=cared_for,
            identified_on=on,
            identified_how=Carer.IdentifiedHow.RELATIONSHIP,
            recorded_by=by,
            **kw,
        )

    def offer(
        c: Carer, kind: str, on: datetime.date, answer: str, answered: Any
    ) -> None:
        Offer.objects.create(
            carer=c,
            kind=kind,
            offered_on=on,
            how=Offer.How.PHONE,
            offered_by="A worker",
            answer=answer,
            answered_on=answered,
            recorded_by=by,
        )

    def plan(
        c: Carer, agreed: datetime.date, levels: tuple[str, str], breaks: list[str]
    ) -> CarerPlan:
        made = CarerPlan.objects.create(
            carer=c,
            kind=CarerPlan.Kind.ACSP,
            state=CarerPlan.State.AGREED,
            started_on=agreed - datetime.timedelta(days=14),
            agreed_on=agreed,
            hours_band="50+",
            criteria=criteria,
            recorded_by=by,
        )
        DomainImpact.objects.create(plan=made, domain=health, level=levels[0])
        DomainImpact.objects.create(plan=made, domain=money, level=levels[1])
        for kind in breaks:
            BreakFromCaring.objects.create(
                plan=made, kind=kind, how_often="Monthly", provided_by="Respite Co"
            )
        return made

    def review(made: CarerPlan, started: datetime.date, agreed: Any) -> None:
        state = CarerReview.State.AGREED if agreed else CarerReview.State.DRAFT
        CarerReview.objects.create(
            plan=made,
            state=state,
            started_on=started,
            due_on=started,
            agreed_on=agreed,
            recorded_by=by,
        )

    amy = carer(_person("Amy", D(1970, 5, 1), clydebank), pat, D(2025, 4, 10))
    offer(amy, "acsp", D(2025, 4, 15), "accepted", D(2025, 4, 20))
    amy_plan = plan(amy, D(2025, 5, 15), ("critical", "low"), ["short_break"])
    review(amy_plan, D(2026, 2, 1), D(2026, 2, 15))
    ben = carer(_person("Ben", D(1960, 5, 1), dumbarton), ray, D(2025, 1, 1))
    offer(ben, "acsp", D(2025, 2, 1), "requested", D(2025, 2, 1))
    ben_plan = plan(
        ben, D(2025, 7, 1), ("moderate", "moderate"), ["replacement", "day_activity"]
    )
    review(ben_plan, D(2026, 3, 1), None)
    cal = carer(_person("Cal", D(2010, 5, 1), dumbarton), ray, D(2025, 9, 1))
    offer(cal, "ycs", D(2025, 9, 5), "declined", D(2025, 9, 10))
    dee = _person("Dee", D(1955, 5, 1), clydebank)
    dee_for_pat = carer(dee, pat, D(2025, 10, 1))
    offer(dee_for_pat, "acsp", D(2025, 11, 1), "accepted", D(2025, 11, 2))
    dee_for_ray = carer(dee, ray, D(2025, 11, 1))
    carer(_person("Eli", D(1980, 5, 1), clydebank), pat, D(2026, 4, 1))
    return Example(amy, ben, cal, dee_for_pat, dee_for_ray)
