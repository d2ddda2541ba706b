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
import random
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Role
from selfdirect.budgets import rules as budget_rules
from selfdirect.budgets.models import BudgetMethod, IndicativeBudget
from selfdirect.budgets.selectors import delegated_limit
from selfdirect.carers import review_services, rules, services, support_rules
from selfdirect.carers.details import (
    FollowUpDetails,
    SignpostingDetails,
    SupportDetails,
)
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
from selfdirect.carers.support_selectors import carers_method
from selfdirect.core.dates import add_days, add_months, add_years
from selfdirect.core.details import field_values
from selfdirect.demo.bulk import copy_m2m_to_history, copy_to_history, insert
from selfdirect.demo.people import data
from selfdirect.people import rules as people_rules
from selfdirect.people.models import Allocation, Person, Relationship
from selfdirect.people.services import PersonDetails
from selfdirect.reviews import rules as review_rules
from selfdirect.reviews.models import AttainmentLevel, PoorOutcomeReason

MAX_CARERS = 1500  # enough to show; the relationships read are the first ones
CURRENT_VERSION = "Clydeview 2025"
YOUNG_EVERY = 4  # one cared-for person in four also has a young carer
# Where each carer has got to, in turn: not yet offered, declined, not answered,
# accepted and waiting for the plan, a draft plan, then agreed plans (the first of
# them asked for by the carer).
CASES = [
    "not_offered",
    "declined",
    "waiting",
    "accepted",
    "draft",
    "requested",
    "agreed",
    "agreed",
    "agreed",
    "agreed",
]
CIRCUMSTANCES = [
    "Help every day with washing, dressing, meals and medication.",
    "Shopping, appointments and checking in each evening.",
    "Care through the night several times a week, and most of the day.",
]
OUTCOMES = [
    "I get a full night's sleep most nights",
    "I keep my job and feel less torn",
    "I see my friends again once a week",
    "I feel confident about what happens if I am ill",
]
YOUNG_OUTCOMES = ["I get to go to football on Saturdays", "I keep up at school"]
# Of the plans whose review date has passed, in turn: a review agreed, a review
# in progress, no review yet (overdue).
REVIEW_CASES = ["agreed", "started", "overdue"]
REVIEW_ACCOUNTS = [
    "The short breaks help; nights are still hard.",
    "Things are steadier since the day centre started.",
    "I am managing, but I worry about the winter.",
]
# (i) Support for eligible needs, each with the option the carer chose.
SUPPORTS = [
    ("A sitter one evening a week", 2, "1040.00"),
    ("A gym membership for the carer", 1, "420.00"),
    ("A week's short break away each year", 3, "900.00"),
]
# (j) Community support for other needs.
SIGNPOSTS = [
    "Clydeview Carers' Centre: peer support group",
    "Citizens Advice: benefits check for carers",
    "Clydeview Walking Group",
]
RESULTS = ["need_met", "need_met", "still_needs_help", "referred_for_assessment"]


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


def _refuse(problems: Any) -> None:
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


class CarerMaker:
    """Each carer's journey as the services would leave it, as unsaved rows."""

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

    def carer(self, n: int, relationship: Relationship, born: datetime.date) -> None:
        """The carer named in a relationship, their journey, and maybe a young
        carer of the same person."""
        rng, today = self.rng, self.today
        identified = add_days(today, -rng.randint(20, 700))
        carer = self.made.add(
            Carer(
                public_id=self.uuid(),
                person_id=relationship.related_person_id,  # type: ignore[misc]
                cared_for_id=relationship.person_id,
                identified_how=Carer.IdentifiedHow.RELATIONSHIP,
                relationship_id=relationship.pk,
                recorded_by=self.by,
                identified_on=identified,
                still_at_school=False,
                cared_for_terminally_ill=rng.random() < 0.05,
            )
        )
        self.made.counts["carers identified"] += 1
        self.journey(carer, born, n, identified)
        if self.team is not None and n % YOUNG_EVERY == 1:
            last_name = relationship.last_name  # type: ignore[attr-defined]
            self.young_carer(self.team, relationship.person_id, last_name, n)

    def journey(
        self,
        carer: Carer,
        born: datetime.date,
        n: int,
        identified: datetime.date,
        young: bool = False,
    ) -> None:
        rng, today, by = self.rng, self.today, self.by
        case = CASES[(n * 7 + 3) % len(CASES)]
        if case == "not_offered":
            return
        offered = min(add_days(identified, rng.randint(1, 20)), today)
        answer = {
            "declined": Offer.Answer.DECLINED,
            "waiting": Offer.Answer.WAITING,
            "requested": Offer.Answer.REQUESTED,
        }.get(case, Offer.Answer.ACCEPTED)
        # As services.record_offer: the kind decided on the day of the offer, and
        # a plan wanted is due within the local target (sooner near the end of life).
        offer = self.made.add(
            Offer(
                public_id=self.uuid(),
                carer=carer,
                kind=rules.plan_kind(born, carer.still_at_school, offered),
                offered_on=offered,
                how="phone",
                offered_by=by.get_full_name(),
                answer=answer,
                answered_on=None if answer == Offer.Answer.WAITING else offered,
                recorded_by=by,
            )
        )
        if offer.wanted:
            offer.due_by = rules.plan_due_by(
                offer.answered_on or offered,
                terminally_ill=carer.cared_for_terminally_ill,
                terminal_days=settings.CARER_TERMINAL_ILLNESS_DAYS,
                days=settings.CARER_PLAN_DAYS,
            )
        self.made.counts["carer offers"] += 1
        if not offer.wanted or case == "accepted":
            return  # declined, no answer yet, or accepted and waiting for the plan
        started = min(add_days(offered, rng.randint(3, 40)), today)
        criteria_id = rules.in_force(self.versions, started)
        plan = self.made.add(
            CarerPlan(
                public_id=self.uuid(),
                carer=carer,
                kind=offer.kind,
                started_on=started,
                criteria_id=criteria_id,
                recorded_by=by,
            )
        )
        self.made.counts["carer plans"] += 1
        outcome, breaks, impacts = self.fill(plan, started, young or plan.is_young)
        if case == "draft":
            return
        _refuse(
            rules.agreement_problems(
                rules.PlanFacts(
                    young=plan.is_young,
                    circumstances=plan.circumstances,
                    hours_band=plan.hours_band,
                    emergency_who=plan.emergency_who,
                    outcomes=1,
                    no_needs_identified=plan.no_needs_identified,
                    needs=plan.needs,
                    impacts=impacts,
                    domains=len(self.domains[criteria_id]) if criteria_id else 0,
                    break_decided=plan.break_from_caring is not None,
                    breaks=breaks,
                    break_from_caring=bool(plan.break_from_caring),
                    review_on=plan.review_on,
                    authority=plan.authority,
                    care_appropriate=plan.care_appropriate,
                )
            )
        )
        plan.state, plan.agreed_on = CarerPlan.State.AGREED, started
        self.made.counts["carer plans agreed"] += 1
        self.review(plan, outcome)

    def fill(
        self, plan: CarerPlan, started: datetime.date, young: bool
    ) -> tuple[CarerOutcome, int, int]:
        """The plan's sections, its outcome, break, impacts, support and
        signposting (the outcome, the number of breaks and of impacts)."""
        rng = self.rng
        eligible = rng.random() < 0.45
        wants_break = rng.random() < 0.6
        plan.circumstances = rng.choice(CIRCUMSTANCES)
        plan.impact_on_wellbeing = "Tired most of the time; little time for myself."
        plan.hours_band = rng.choice(["5-19", "20-34", "35-49", "50+"])
        plan.ability_to_care = "Able to keep caring with some help."
        plan.willingness_to_care = "Wants to keep caring."
        plan.emergency_who = "A neighbour who has a key"
        plan.emergency_contact = "Number kept by the carers' centre"
        plan.needs = "Time to rest and to keep up other parts of life."
        plan.break_from_caring = wants_break
        plan.break_reasons = "A regular break would let the carer keep going."
        plan.review_on = add_days(started, rng.randint(180, 365))
        if young:
            plan.authority = rng.choice(["council", "education"])
            plan.authority_name = "Clydeview Education Services"
            plan.care_appropriate = rng.choice(["partly", "no"])
            plan.care_appropriate_notes = "Too much personal care for a young person."
        words = YOUNG_OUTCOMES if young else OUTCOMES
        outcome = self.made.add(CarerOutcome(plan=plan, words=rng.choice(words)))
        breaks = 0
        if wants_break:
            breaks = 1
            self.made.add(
                BreakFromCaring(
                    plan=plan,
                    kind=rng.choice(["short_break", "replacement", "day_activity"]),
                    how_often=rng.choice(
                        ["One weekend a quarter", "An evening a week"]
                    ),
                    provided_by="Clydeview Carers' Centre",
                    notes="",
                )
            )
        domains = self.domains[plan.criteria_id] if plan.criteria_id else []
        high = "substantial" if eligible else "moderate"
        levels = [
            high if n == 0 else rng.choice(["none", "low", "moderate"])
            for n in range(len(domains))
        ]
        for domain, level in zip(domains, levels, strict=True):
            self.made.add(DomainImpact(plan=plan, domain=domain, level=level, notes=""))
        if eligible and not young:
            self.support(plan, started, list(zip(domains, levels, strict=True)))
        self.signpost(plan, started)
        return outcome, breaks, len(domains)

    def support(
        self,
        plan: CarerPlan,
        started: datetime.date,
        impacts: list[tuple[EligibilityDomain, str]],
    ) -> None:
        """(i) An indicative budget from the carers' method, and one or two
        elements of support with the option chosen for each, for an eligible need
        as the criteria judge it."""
        rng = self.rng
        criteria = self.criteria[plan.criteria_id]  # type: ignore[index]
        judgement = rules.judge(
            [(d.name, level) for d, level in impacts],
            threshold=criteria.threshold,
            version=criteria.version,
        )
        if started not in self.methods:
            self.methods[started] = carers_method(started)
            self.limits[started] = delegated_limit(self.by.role, started)
        method = self.methods[started]
        if method is not None:
            answers = {
                q["code"]: rng.choice(q["answers"])["code"]
                for d in method.config["domains"]
                for q in d["questions"]
            }
            if judgement.eligible:
                plan.budget = self.budget(plan, method, started, answers)
        for what, option, amount in rng.sample(SUPPORTS, rng.randint(1, 2)):
            details = SupportDetails(
                what, option, Decimal(amount), "carer", "", started
            )
            _refuse(
                support_rules.support_problems(
                    details,
                    eligible=judgement.eligible,
                    started_on=started,
                    today=self.today,
                )
            )
            self.made.add(
                CarerSupport(
                    public_id=self.uuid(),
                    plan=plan,
                    recorded_by=self.by,
                    **field_values(details),
                )
            )

    def budget(
        self,
        plan: CarerPlan,
        method: BudgetMethod,
        started: datetime.date,
        answers: dict[str, str],
    ) -> IndicativeBudget:
        """As the budgets services work one out: the method's arithmetic, and who
        may agree the amount under the worker's delegated limit."""
        if method.kind == BudgetMethod.Kind.RAS:
            workings = budget_rules.ras_budget(
                method.config, answers=answers, service_group=""
            )
        else:
            workings = budget_rules.equivalence_budget(method.config, lines=[])
        limit = self.limits[started]
        return self.made.add(  # type: ignore[no-any-return]
            IndicativeBudget(
                public_id=self.uuid(),
                person_id=plan.carer.person_id,
                worked_out_on=started,
                amount=workings.amount,
                recorded_by=self.by,
                method=method,
                method_version=method.version,
                service_group=None,
                inputs=workings.inputs,
                workings=workings.steps,
                explanation="",
                delegated_limit=limit,
                authority=budget_rules.authority_for(workings.amount, limit),
            )
        )

    def signpost(self, plan: CarerPlan, started: datetime.date) -> None:
        """(j) Signposting with a follow-up date; past ones mostly followed up."""
        rng, today = self.rng, self.today
        due = add_days(started, 28)
        details = SignpostingDetails(None, rng.choice(SIGNPOSTS), started, due)
        _refuse(
            support_rules.signposting_problems(details, started_on=started, today=today)
        )
        row = self.made.add(
            CarerSignposting(
                public_id=self.uuid(),
                plan=plan,
                recorded_by=self.by,
                **field_values(details),
            )
        )
        if due <= today and rng.random() < 0.7:
            follow_up = FollowUpDetails(
                due, rng.choice(RESULTS), rng.random() < 0.8, ""
            )
            _refuse(
                support_rules.follow_up_problems(
                    follow_up, signposted_on=started, today=today
                )
            )
            for name, value in field_values(follow_up).items():
                setattr(row, name, value)

    def review(self, plan: CarerPlan, outcome: CarerOutcome) -> None:
        """A carer's review of an agreed plan whose review date has passed, with
        its own random numbers (so the rest of the demo is the same with or
        without it)."""
        today, by = self.today, self.by
        if plan.review_on is None or plan.review_on > today:
            return
        self.due += 1
        case = REVIEW_CASES[(self.due - 1) % len(REVIEW_CASES)]
        if case == "overdue":
            return
        rng = random.Random(f"carer-review-{plan.public_id}")
        started = min(add_days(plan.review_on, rng.randint(-14, 10)), today)
        review = self.made.add(
            CarerReview(
                public_id=self.uuid(),
                plan=plan,
                started_on=started,
                due_on=review_rules.due_on_at_start(
                    kind=review_services.PLANNED,
                    plan_review_on=review_services.review_due_on(plan),
                    started_on=started,
                ),
                recorded_by=by,
                held_on=started,
                participant_names="The carer and their carers' support worker",
                carers_account=rng.choice(REVIEW_ACCOUNTS),
                caring_changes="",
            )
        )
        self.made.counts["carers' reviews"] += 1
        row = self.made.add(CarerOutcomeReview(review=review, outcome=outcome))
        if case == "started":
            return
        poor = rng.random() < 0.4
        row.level = self.levels["partly_met" if poor else "met"]
        row.persons_words = "Some weeks, not others." if poor else "Yes, most weeks."
        row.what_helped = "The carers' centre"
        row.what_got_in_the_way = "No sitter free at short notice" if poor else ""
        row.reason_narrative = "The sitting service was short of staff." if poor else ""
        reasons = self.capacity if poor else []
        _refuse(
            review_rules.attainment_problems(
                level_chosen=True,
                poor=bool(row.level.poor),
                reason_codes=[r.code for r in reasons],
                narrative=row.reason_narrative,
            )
        )
        self.made.reasons += [(row, reason) for reason in reasons]
        self.made.counts["carers' outcomes reviewed"] += 1
        next_on = min(add_months(started, rng.randint(6, 12)), add_months(started, 12))
        review.next_step, review.next_review_on = "continue", next_on
        _refuse(
            review_rules.next_step_problems(
                next_step="continue", support_ends_reason=""
            )
            + review_rules.next_review_problems(
                reviewed_on=started,
                next_review_on=next_on,
                months=review_services.interval_months(),
            )
        )
        review.state = CarerReview.State.AGREED
        review.shared_on = review.agreed_on = started
        # Agreeing the review moves the plan's review date (l) to the next one.
        plan.review_on = next_on
        if next_on > today:
            self.due -= 1
        self.made.counts["carers' reviews agreed"] += 1

    def young_carer(
        self, team: Team, cared_for_id: int, last_name: str, n: int
    ) -> None:
        """A grandchild at school who helps care, with a young carer statement:
        they join the people, allocated to the carers' team, named in a new
        relationship of the person they care for."""
        rng, today = self.rng, self.today
        age = rng.randint(12, 17)
        born = add_days(add_years(today, -age), -rng.randint(0, 300))
        first = rng.choice(["Skye", "Callum", "Eilidh", "Rory", "Isla", "Finlay"])
        identified = add_days(today, -rng.randint(20, 300))
        person = Person(
            **field_values(
                PersonDetails(
                    first_name=first,
                    last_name=last_name,
                    date_of_birth=born,
                    locality=team.locality,
                    preferred_language="English",
                )
            ),
            public_id=self.uuid(),
        )
        person.last_name_key = people_rules.name_key(person.last_name)
        person.first_name_key = people_rules.name_key(person.first_name)
        person.preferred_name_key = people_rules.name_key(person.preferred_name)
        self.made.add(person)
        self.made.add(
            Allocation(person=person, team=team, worker=self.by, started_on=identified)
        )
        relationship = self.made.add(
            Relationship(
                person_id=cared_for_id,
                kind=Relationship.Kind.UNPAID_CARER,
                description="Grandchild",
                related_person=person,
            )
        )
        carer = self.made.add(
            Carer(
                public_id=self.uuid(),
                person=person,
                cared_for_id=cared_for_id,
                identified_how=Carer.IdentifiedHow.RELATIONSHIP,
                relationship=relationship,
                recorded_by=self.by,
                identified_on=identified,
                still_at_school=True,
                cared_for_terminally_ill=False,
            )
        )
        self.made.counts.update(
            {"young carers": 1, "people": 1, "allocations": 1, "relationships": 1}
        )
        self.journey(carer, born, n + 5, identified, young=True)


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
