"""The case file's carers' plans (format version 3): the person's own adult carer
support plans and young carer statements, as an unpaid carer.

A carer's plan is the carer's record (`carers.Carer.person` is the carer), so it
is in the carer's file, never the cared-for person's; the person cared for is
named by their ref (their reference in the system they came from where they were
imported, else their id here) and name. Read for a whole group at once, in a fixed
number of queries, as the other lists."""

from django.db.models import Prefetch

from selfdirect.carers.models import (
    CarerOutcomeReview,
    CarerPlan,
    CarerReview,
    DomainImpact,
    Offer,
)
from selfdirect.people.models import Person

from .fields import Row, external, iso, plain, ref, row_of

SECTIONS = (
    "kind",
    "state",
    "started_on",
    "shared_on",
    "agreed_on",
    "circumstances",
    "impact_on_wellbeing",
    "hours_band",
    "ability_to_care",
    "willingness_to_care",
    "emergency_who",
    "emergency_contact",
    "emergency_plan",
    "future_care",
    "no_needs_identified",
    "needs",
    "local_support",
    "lives_elsewhere",
    "support_where_lives",
    "eligible_support",
    "other_support",
    "break_from_caring",
    "break_reasons",
    "review_on",
    "authority",
    "authority_name",
    "council_approval_needed",
    "council_approved_on",
    "care_appropriate",
    "care_appropriate_notes",
    "childs_plan",
)
REVIEW_FIELDS = (
    "state",
    "started_on",
    "due_on",
    "held_on",
    "participant_names",
    "carers_account",
    "caring_changes",
    "next_step",
    "next_step_notes",
    "support_ends_reason",
    "next_review_on",
    "shared_on",
    "agreed_on",
)


def person_ref(person: Person) -> str:
    """How a file names another person: their reference in the system they were
    imported from, else their id in this Selfdirect."""
    return external(person) or str(ref(person))


def _carers_plans(ids: list[int]) -> dict[int, list[Row]]:
    plans = (
        CarerPlan.objects.filter(carer__person__in=ids)  # type: ignore[type-var]
        .select_related("carer__cared_for", "criteria")
        .prefetch_related(
            Prefetch("carer__offers", queryset=Offer.objects.order_by("offered_on")),
            "outcomes",
            "breaks",
            Prefetch("impacts", queryset=DomainImpact.objects.select_related("domain")),
            "supports",
            "signpostings",
            Prefetch(
                "reviews",
                queryset=CarerReview.objects.order_by("started_on", "id"),
            ),
            Prefetch(
                "reviews__outcome_reviews",
                queryset=CarerOutcomeReview.objects.select_related("level"),
            ),
            "reviews__outcome_reviews__reasons",
        )
        .order_by("carer__person_id", "started_on", "id")
    )
    found: dict[int, list[Row]] = {}
    for plan in plans:
        found.setdefault(plan.carer.person_id, []).append(_plan(plan))
    return found


def _offer(plan: CarerPlan) -> Row | None:
    """The offer the plan followed: the latest accepted or asked for on or before
    the day it started (the offer `start_plan` takes)."""
    wanted = [
        o
        for o in plan.carer.offers.all()
        if o.wanted and o.offered_on <= plan.started_on
    ] or [o for o in plan.carer.offers.all() if o.wanted]
    if not wanted:
        return None
    offer = wanted[-1]
    return plain(offer, ("offered_on", "how", "offered_by", "answer", "answered_on"))


def _plan(plan: CarerPlan) -> Row:
    carer = plan.carer
    cared_for = carer.cared_for
    return {
        **row_of(plan, SECTIONS),
        "carer": {
            "cared_for": None
            if cared_for is None
            else {"ref": person_ref(cared_for), "name": cared_for.full_name},
            "identified_on": iso(carer.identified_on),
            "identified_how": carer.identified_how,
            "still_at_school": carer.still_at_school,
            "cared_for_terminally_ill": carer.cared_for_terminally_ill,
        },
        "offer": _offer(plan),
        "criteria_version": plan.criteria.version if plan.criteria else "",
        "outcomes": [row_of(o, ("words",)) for o in plan.outcomes.all()],
        "breaks": [
            row_of(b, ("kind", "how_often", "provided_by", "notes"))
            for b in plan.breaks.all()
        ],
        "impacts": [
            {"domain": i.domain.code, **plain(i, ("level", "notes"))}
            for i in sorted(plan.impacts.all(), key=lambda i: (i.domain.order, i.pk))
        ],
        "supports": [
            row_of(
                s,
                ("what", "option", "yearly_amount", "chosen_by", "chosen_by_name"),
            )
            | {"chosen_on": iso(s.chosen_on)}
            for s in plan.supports.all()
        ],
        "signposting": [
            row_of(
                s,
                (
                    "support_name",
                    "signposted_on",
                    "follow_up_due",
                    "followed_up_on",
                    "result",
                    "used_it",
                    "notes",
                ),
            )
            for s in plan.signpostings.all()
        ],
        "reviews": [_review(r) for r in plan.reviews.all()],
    }


def _review(review: CarerReview) -> Row:
    return {
        **row_of(review, REVIEW_FIELDS),
        "outcomes": [
            {
                # The outcome's ref as `row_of` makes it (no public id), without
                # loading the outcome again.
                "carer_outcome_ref": f"carers.CarerOutcome:{line.outcome_id}",
                "level": line.level.code if line.level else "",
                **plain(
                    line,
                    (
                        "persons_words",
                        "what_helped",
                        "what_got_in_the_way",
                        "reason_narrative",
                    ),
                ),
                "reasons": sorted(r.code for r in line.reasons.all()),
            }
            for line in sorted(review.outcome_reviews.all(), key=lambda x: x.pk)
        ],
    }
