"""The rows the carers' maker has made, and what its parts share."""

import datetime
import random
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from selfdirect.accounts.models import Team, User
from selfdirect.budgets.models import BudgetMethod, IndicativeBudget
from selfdirect.carers.models import (
    BreakFromCaring,
    Carer,
    CarerOutcome,
    CarerOutcomeReview,
    CarerPlan,
    CarerReview,
    CarerSignposting,
    CarerSupport,
    DomainImpact,
    EligibilityCriteria,
    EligibilityDomain,
    Offer,
)
from selfdirect.people.models import Allocation, Person, Relationship
from selfdirect.reviews.models import AttainmentLevel, PoorOutcomeReason


def refuse(problems: Any) -> None:
    """The services' checks hold for demo records too: a broken rule stops the seed."""
    if problems:
        raise ValidationError(problems)


@dataclass
class Made:
    """The rows made so far, by model, in the order they are written."""

    rows: dict[type[models.Model], list[Any]] = field(
        default_factory=lambda: defaultdict(list)
    )
    reasons: list[tuple[CarerOutcomeReview, PoorOutcomeReason]] = field(
        default_factory=list
    )
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, obj: Any) -> Any:
        self.rows[type(obj)].append(obj)
        return obj


# The order the tables are written in: each after the ones its rows point to.
ORDER: list[type[models.Model]] = [
    Person,
    Allocation,
    Relationship,
    Carer,
    Offer,
    IndicativeBudget,
    CarerPlan,
    CarerOutcome,
    BreakFromCaring,
    DomainImpact,
    CarerSupport,
    CarerSignposting,
    CarerReview,
    CarerOutcomeReview,
]


class MakerBase:
    """What every part of the carers' maker shares: the random numbers, the day,
    who records, the rows made so far and the reference data read once."""

    def __init__(
        self, seed: int, today: datetime.date, by: User, team: Team | None
    ) -> None:
        self.rng = random.Random(f"carers-{seed}")
        self.ids = random.Random(f"carer-ids-{seed}")
        self.today, self.by, self.team = today, by, team
        self.made = Made()
        self.criteria = {c.pk: c for c in EligibilityCriteria.objects.all()}
        self.versions = [(c.in_force_from, c.pk) for c in self.criteria.values()]
        self.domains: dict[int, list[EligibilityDomain]] = defaultdict(list)
        for domain in EligibilityDomain.objects.order_by("order", "id"):
            self.domains[domain.criteria_id].append(domain)
        self.levels = {
            lv.code: lv
            for lv in AttainmentLevel.objects.filter(
                active=True, code__in=["met", "partly_met"]
            )
        }
        self.capacity = list(
            PoorOutcomeReason.objects.filter(active=True, code="provider_capacity")
        )
        self.methods: dict[datetime.date, BudgetMethod | None] = {}
        self.limits: dict[datetime.date, Decimal | None] = {}
        # Agreed plans whose review date has passed (the services' count).
        self.due = CarerPlan.objects.filter(
            state=CarerPlan.State.AGREED, review_on__lte=today
        ).count()

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.ids.getrandbits(128), version=4)
