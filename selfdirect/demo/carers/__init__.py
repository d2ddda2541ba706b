"""Demo unpaid carers for `selfdirect seed`, made by the carers app's own rules and
written in bulk (COPY on PostgreSQL, a creation history row for each row in SQL).

Every unpaid carer with their own record is identified from the relationship.
Most were offered a plan: a few declined, a few have not answered, and of those
who accepted some still wait for their plan, some have a draft and most an
agreed adult carer support plan (with an eligible need, a short break or none,
and a review date, some of them past, so carers' reviews are due). Of the plans
whose review date has passed, in turn one has an agreed carer's review (which
set the next review date), one a review in progress and one none yet (overdue).
Some
cared-for people also have a young carer (a grandchild at school) with a young
carer statement. The eligibility criteria loaded at install (2018, over three
years old) stay; a current version is added. Dates hang off the seed's `today`.

The values are the ones the carers services would set: the kind of plan and the
day it is due (`carers.rules`), the criteria in force and the eligibility
judgement, the indicative budget's arithmetic (`budgets.rules`), the review's due
date and the checks a plan, a support, a signposting, an outcome and a review
must pass before they are saved or agreed (`carers.support_rules`,
`reviews.rules`). Only the writing differs: each table once, in bulk, rather than
row by row through the services (which took 346 s for 1,500 carers at 250,000
people). What the services also write, an audit event per action and a history
row per change, is not made: like every other stage, each record gets its one
creation history row.
"""

import datetime
from collections import Counter

from django.db import models

from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Role
from selfdirect.budgets.models import IndicativeBudget
from selfdirect.carers import services
from selfdirect.carers.models import (
    Carer,
    CarerOutcomeReview,
    CarerReview,
    EligibilityCriteria,
    EligibilityDomain,
)
from selfdirect.core.dates import add_days
from selfdirect.demo.bulk import copy_m2m_to_history, copy_to_history, insert
from selfdirect.demo.people import data
from selfdirect.people.models import Relationship
from selfdirect.reviews.models import PoorOutcomeReason

from .maker import CarerMaker
from .rows import ORDER, Made
from .words import CURRENT_VERSION, MAX_CARERS


def _worker() -> User | None:
    return (
        User.objects.filter(role=Role.CARERS_SUPPORT_WORKER).order_by("pk").first()
        or User.objects.filter(role=Role.PRACTITIONER).order_by("pk").first()
    )


def _current_criteria(today: datetime.date, by: User) -> None:
    if EligibilityCriteria.objects.filter(version=CURRENT_VERSION).exists():
        return
    first = EligibilityCriteria.objects.order_by("in_force_from").first()
    domains = [
        (d.code, d.name, d.levels)
        for d in EligibilityDomain.objects.filter(criteria=first)
    ]
    services.add_criteria_version(
        by=by,
        version=CURRENT_VERSION,
        in_force_from=add_days(today, -400),
        threshold="substantial",
        summary="Agreed after consulting carers across Clydeview in 2024.",
        domains=domains,
    )


def seed_carers(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    by = _worker()
    if by is None:
        return Counter()
    _current_criteria(today, by)
    team = Team.objects.filter(name=data.CARERS_TEAM).first() or by.teams.first()
    maker = CarerMaker(seed, today, by, team)
    relationships = (
        Relationship.objects.filter(
            kind=Relationship.Kind.UNPAID_CARER, related_person__isnull=False
        )
        .exclude(related_person__carer_records__isnull=False)
        .annotate(
            born=models.F("related_person__date_of_birth"),
            last_name=models.F("person__last_name"),
        )
        .only("pk", "person_id", "related_person_id")
        .order_by("pk")[:MAX_CARERS]
    )
    for n, relationship in enumerate(relationships):
        maker.carer(n, relationship, relationship.born)  # type: ignore[attr-defined]
    return _save(maker.made, now)


def _save(made: Made, now: datetime.datetime) -> Counter[str]:
    """Write each table once, in order, with a creation history row for each row."""
    rows = made.counts
    for model in ORDER:
        objs = made.rows[model]
        insert(model, objs)
        rows["history rows"] += copy_to_history(model, [o.pk for o in objs], now)
    through = CarerOutcomeReview.reasons.through
    links = [
        through(
            **{
                f"{CarerOutcomeReview._meta.model_name}_id": row.pk,
                f"{PoorOutcomeReason._meta.model_name}_id": reason.pk,
            }
        )
        for row, reason in made.reasons
    ]
    through.objects.bulk_create(links)
    copy_m2m_to_history(
        CarerOutcomeReview, "reasons", sorted({row.pk for row, _ in made.reasons})
    )
    return rows


def delete_carers(person_ids: list[int]) -> None:
    """Remove demo carers' records for these people (as carers), history too."""
    carers = Carer.objects.filter(person_id__in=person_ids)
    for carer in carers:
        for plan in carer.plans.all():
            for review in plan.reviews.all():
                rows = CarerOutcomeReview.objects.filter(review=review)
                CarerOutcomeReview.history.filter(review_id=review.pk).delete()
                for row in rows:
                    row.reasons.clear()
                rows.delete()
            CarerReview.history.filter(plan_id=plan.pk).delete()
            plan.reviews.all().delete()
            for child in (
                plan.outcomes,
                plan.breaks,
                plan.impacts,
                plan.supports,
                plan.signpostings,
            ):
                child.model.history.filter(plan_id=plan.pk).delete()
                child.all().delete()
            plan.local_services.clear()
        for model in (carer.plans, carer.offers, carer.discharge_notices):
            model.model.history.filter(carer_id=carer.pk).delete()
            model.all().delete()
    Carer.history.filter(person_id__in=person_ids).delete()
    carers.delete()
    # A carer's budgets belong to their plans (the budgets stage leaves them).
    IndicativeBudget.history.filter(person_id__in=person_ids).delete()
    IndicativeBudget.objects.filter(person_id__in=person_ids).for_caring().delete()
