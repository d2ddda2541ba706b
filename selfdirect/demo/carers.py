"""Demo unpaid carers for `selfdirect seed`, made through the carers services.

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
"""

import contextlib
import datetime
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Role
from selfdirect.budgets.models import IndicativeBudget
from selfdirect.carers import review_services, services, support_services
from selfdirect.carers.details import (
    BreakDetails,
    CarerDetails,
    FollowUpDetails,
    IdentifyDetails,
    OfferDetails,
    ReviewDetails,
    SignpostingDetails,
    SupportDetails,
)
from selfdirect.carers.models import (
    Carer,
    CarerOutcomeReview,
    CarerPlan,
    CarerReview,
    CarerSignposting,
    CarerSupport,
    DischargeNotice,
    EligibilityCriteria,
    EligibilityDomain,
    Offer,
)
from selfdirect.carers.support_selectors import carers_method
from selfdirect.core.dates import add_days, add_months, add_years
from selfdirect.demo.people import data
from selfdirect.people.models import Person, Relationship
from selfdirect.people.services import RelationshipDetails, add_relationship
from selfdirect.reviews.details import AttainmentDetails, NextStepDetails
from selfdirect.reviews.models import AttainmentLevel, PoorOutcomeReason

MAX_CARERS = 1500  # services row by row: enough to show, quick to seed
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


@contextlib.contextmanager
def _ids_from(rng: random.Random) -> Iterator[None]:
    """New records' public ids drawn from the seed's generator while the services
    run, so reseeding gives the same rows (the models' default is uuid4)."""
    fields = [
        model._meta.get_field("public_id")
        for model in (
            Person,
            Carer,
            Offer,
            CarerPlan,
            DischargeNotice,
            IndicativeBudget,
            CarerSupport,
            CarerSignposting,
            CarerReview,
        )
    ]
    saved = [(f, f.default) for f in fields]

    def drawn() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    try:
        for f in fields:
            f.default = drawn
            f.__dict__.pop("_get_default", None)
        yield
    finally:
        for f, default in saved:
            f.default = default
            f.__dict__.pop("_get_default", None)


def seed_carers(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    rng = random.Random(f"carers-{seed}")
    with _ids_from(random.Random(f"carer-ids-{seed}")):
        return _seed(rng, today)


def _seed(rng: random.Random, today: datetime.date) -> Counter[str]:
    rows: Counter[str] = Counter()
    by = _worker()
    if by is None:
        return rows
    _current_criteria(today, by)
    team = Team.objects.filter(name=data.CARERS_TEAM).first() or by.teams.first()
    relationships = (
        Relationship.objects.filter(
            kind=Relationship.Kind.UNPAID_CARER, related_person__isnull=False
        )
        .exclude(related_person__carer_records__isnull=False)
        .select_related("person", "related_person")
        .order_by("pk")[:MAX_CARERS]
    )
    for n, relationship in enumerate(relationships):
        identified = add_days(today, -rng.randint(20, 700))
        carer = services.identify(
            person=relationship.related_person,  # type: ignore[arg-type]
            cared_for=relationship.person,
            by=by,
            how=Carer.IdentifiedHow.RELATIONSHIP,
            details=IdentifyDetails(identified, False, rng.random() < 0.05),
            relationship=relationship,
        )
        rows["carers identified"] += 1
        rows.update(_journey(carer, n, rng, by, today, identified))
        if team is not None and n % YOUNG_EVERY == 1:
            rows.update(_young_carer(relationship.person, n, rng, by, team, today))
    return rows


def _journey(
    carer: Carer,
    n: int,
    rng: random.Random,
    by: User,
    today: datetime.date,
    identified: datetime.date,
    young: bool = False,
) -> Counter[str]:
    rows: Counter[str] = Counter()
    case = CASES[(n * 7 + 3) % len(CASES)]
    if case == "not_offered":
        return rows
    offered = min(add_days(identified, rng.randint(1, 20)), today)
    answer = {
        "declined": Offer.Answer.DECLINED,
        "waiting": Offer.Answer.WAITING,
        "requested": Offer.Answer.REQUESTED,
    }.get(case, Offer.Answer.ACCEPTED)
    answered = None if answer == Offer.Answer.WAITING else offered
    services.record_offer(
        carer=carer,
        by=by,
        details=OfferDetails(offered, "phone", by.get_full_name(), answer, answered),
    )
    rows["carer offers"] += 1
    if answer not in {Offer.Answer.ACCEPTED, Offer.Answer.REQUESTED}:
        return rows
    if case == "accepted":
        return rows  # accepted, waiting for the plan
    started = min(add_days(offered, rng.randint(3, 40)), today)
    plan = services.start_plan(carer=carer, by=by, started_on=started)
    rows["carer plans"] += 1
    _fill(plan, rng, by, today, started, young or plan.is_young)
    if case == "draft":
        return rows
    services.agree_plan(plan=plan, by=by, version=plan.version, agreed_on=started)
    rows["carer plans agreed"] += 1
    rows.update(_review(plan, by, today))
    return rows


# Of the plans whose review date has passed, in turn: a review agreed, a review
# in progress, no review yet (overdue).
REVIEW_CASES = ["agreed", "started", "overdue"]


def _review(plan: CarerPlan, by: User, today: datetime.date) -> Counter[str]:
    """A carer's review of an agreed plan whose review date has passed, through
    the services, with its own random numbers (so the rest of the demo is the
    same with or without it)."""
    rows: Counter[str] = Counter()
    if plan.review_on is None or plan.review_on > today:
        return rows
    due = CarerPlan.objects.filter(
        state=CarerPlan.State.AGREED, review_on__lte=today
    ).count()
    case = REVIEW_CASES[(due - 1) % len(REVIEW_CASES)]
    if case == "overdue":
        return rows
    rng = random.Random(f"carer-review-{plan.public_id}")
    started = min(add_days(plan.review_on, rng.randint(-14, 10)), today)
    review = review_services.start_review(plan=plan, by=by, started_on=started)
    rows["carers' reviews"] += 1
    review_services.update_review(
        review=review,
        by=by,
        version=review.version,
        details=ReviewDetails(
            held_on=started,
            participant_names="The carer and their carers' support worker",
            carers_account=rng.choice(REVIEW_ACCOUNTS),
            caring_changes="",
        ),
    )
    if case == "started":
        return rows
    for row in review.outcome_reviews.all():
        rows.update(_outcome(row, rng, by))
    next_on = min(add_months(started, rng.randint(6, 12)), add_months(started, 12))
    review_services.record_next_step(
        review=review,
        by=by,
        version=review.version,
        details=NextStepDetails("continue", "", "", next_on),
    )
    review_services.share_review(
        review=review, by=by, version=review.version, shared_on=started
    )
    review_services.agree_review(
        review=review, by=by, version=review.version, agreed_on=started
    )
    rows["carers' reviews agreed"] += 1
    return rows


REVIEW_ACCOUNTS = [
    "The short breaks help; nights are still hard.",
    "Things are steadier since the day centre started.",
    "I am managing, but I worry about the winter.",
]


def _outcome(row: CarerOutcomeReview, rng: random.Random, by: User) -> Counter[str]:
    poor = rng.random() < 0.4
    level = AttainmentLevel.objects.filter(
        active=True, code="partly_met" if poor else "met"
    ).first()
    reasons = tuple(
        PoorOutcomeReason.objects.filter(active=True, code="provider_capacity")
    )
    review_services.record_outcome(
        row=row,
        by=by,
        version=row.version,
        details=AttainmentDetails(
            level=level,
            persons_words="Some weeks, not others." if poor else "Yes, most weeks.",
            what_helped="The carers' centre",
            what_got_in_the_way="No sitter free at short notice" if poor else "",
            reasons=reasons if poor else (),
            reason_narrative="The sitting service was short of staff." if poor else "",
        ),
    )
    return Counter({"carers' outcomes reviewed": 1})


def _fill(
    plan: object,
    rng: random.Random,
    by: User,
    today: datetime.date,
    started: datetime.date,
    young: bool,
) -> None:
    def save(**values: object) -> None:
        services.update_section(
            plan=plan,  # type: ignore[arg-type]
            by=by,
            version=plan.version,  # type: ignore[attr-defined]
            values=dict(values),
        )

    eligible = rng.random() < 0.45
    wants_break = rng.random() < 0.6
    save(
        circumstances=rng.choice(CIRCUMSTANCES),
        impact_on_wellbeing="Tired most of the time; little time for myself.",
        hours_band=rng.choice(["5-19", "20-34", "35-49", "50+"]),
    )
    save(
        ability_to_care="Able to keep caring with some help.",
        willingness_to_care="Wants to keep caring.",
    )
    save(
        emergency_who="A neighbour who has a key",
        emergency_contact="Number kept by the carers' centre",
    )
    save(needs="Time to rest and to keep up other parts of life.")
    save(
        break_from_caring=wants_break,
        break_reasons="A regular break would let the carer keep going.",
    )
    save(review_on=add_days(started, rng.randint(180, 365)))
    if young:
        save(
            authority=rng.choice(["council", "education"]),
            authority_name="Clydeview Education Services",
            care_appropriate=rng.choice(["partly", "no"]),
            care_appropriate_notes="Too much personal care for a young person.",
        )
    words = YOUNG_OUTCOMES if young else OUTCOMES
    services.add_outcome(plan=plan, by=by, words=rng.choice(words))  # type: ignore[arg-type]
    if wants_break:
        services.add_break(
            plan=plan,  # type: ignore[arg-type]
            by=by,
            details=BreakDetails(
                kind=rng.choice(["short_break", "replacement", "day_activity"]),
                how_often=rng.choice(["One weekend a quarter", "An evening a week"]),
                provided_by="Clydeview Carers' Centre",
                notes="",
            ),
        )
    domains = EligibilityDomain.objects.filter(criteria=plan.criteria)  # type: ignore[attr-defined]
    high = "substantial" if eligible else "moderate"
    levels = {
        d.pk: (high if n == 0 else rng.choice(["none", "low", "moderate"]), "")
        for n, d in enumerate(domains)
    }
    services.record_impacts(plan=plan, by=by, levels=levels)  # type: ignore[arg-type]
    if eligible and not young:
        _support(plan, rng, by, started)  # type: ignore[arg-type]
    _signpost(plan, rng, by, today, started)  # type: ignore[arg-type]


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


def _support(
    plan: CarerPlan, rng: random.Random, by: User, started: datetime.date
) -> None:
    """An indicative budget from the carers' method, and one or two elements of
    support with the option chosen for each."""
    method = carers_method(started)
    if method is not None:
        answers = {
            q["code"]: rng.choice(q["answers"])["code"]
            for d in method.config["domains"]
            for q in d["questions"]
        }
        support_services.work_out_budget(
            plan=plan,
            by=by,
            version=plan.version,
            method=method,
            worked_out_on=started,
            answers=answers,
        )
    for what, option, amount in rng.sample(SUPPORTS, rng.randint(1, 2)):
        support_services.add_support(
            plan=plan,
            by=by,
            details=SupportDetails(what, option, Decimal(amount), "carer", "", started),
        )


def _signpost(
    plan: CarerPlan,
    rng: random.Random,
    by: User,
    today: datetime.date,
    started: datetime.date,
) -> None:
    """Signposting with a follow-up date; past ones mostly followed up."""
    due = add_days(started, 28)
    row = support_services.add_signposting(
        plan=plan,
        by=by,
        details=SignpostingDetails(None, rng.choice(SIGNPOSTS), started, due),
    )
    if due <= today and rng.random() < 0.7:
        support_services.record_follow_up(
            signposting=row,
            by=by,
            version=row.version,
            details=FollowUpDetails(due, rng.choice(RESULTS), rng.random() < 0.8, ""),
        )


def _young_carer(
    cared_for: Person,
    n: int,
    rng: random.Random,
    by: User,
    team: Team,
    today: datetime.date,
) -> Counter[str]:
    """A grandchild at school who helps care, with a young carer statement."""
    age = rng.randint(12, 17)
    born = add_days(add_years(today, -age), -rng.randint(0, 300))
    first = rng.choice(["Skye", "Callum", "Eilidh", "Rory", "Isla", "Finlay"])
    relationship = add_relationship(
        person=cared_for,
        by=by,
        details=RelationshipDetails(
            kind=Relationship.Kind.UNPAID_CARER, description="Grandchild"
        ),
    )
    identified = add_days(today, -rng.randint(20, 300))
    carer = services.identify_from_relationship(
        relationship=relationship,
        by=by,
        team=team,
        details=IdentifyDetails(identified, True, False),
        new_carer=CarerDetails(first, cared_for.last_name, born),
    )
    # The young carer joins the people, with their allocation and relationship.
    rows: Counter[str] = Counter(
        {"young carers": 1, "people": 1, "allocations": 1, "relationships": 1}
    )
    rows.update(_journey(carer, n + 5, rng, by, today, identified, young=True))
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
