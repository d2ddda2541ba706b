"""Reads for the carers pages and for other apps: lists scoped by visible_to."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import (
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from selfdirect.accounts.access import may
from selfdirect.accounts.models import Locality, Team
from selfdirect.accounts.roles import Action, Purpose
from selfdirect.core.dates import add_days, add_months, add_years, long_date
from selfdirect.directory.models import Service
from selfdirect.people.models import Allocation, Person, Relationship

from . import rules
from .models import (
    Carer,
    CarerPlan,
    CarerReview,
    EligibilityCriteria,
    EligibilityDomain,
    Offer,
    not_yet_offered,
)
from .sections import sections_for

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def criteria_in_force(day: datetime.date) -> EligibilityCriteria | None:
    """The version of the local eligibility criteria in force on a day."""
    return (
        EligibilityCriteria.objects.filter(in_force_from__lte=day)
        .order_by("-in_force_from")
        .first()
    )


def criteria_versions() -> QuerySet[EligibilityCriteria]:
    return EligibilityCriteria.objects.all()


def criteria_domains(criteria: EligibilityCriteria) -> QuerySet[EligibilityDomain]:
    return EligibilityDomain.objects.filter(criteria=criteria)


def carer_services() -> QuerySet[Service]:
    """Active services in the community directory for carers (their name, what they
    do or who they are for mentions carers), for (g) support available locally."""
    words = Q(name__icontains="carer") | Q(description__icontains="carer")
    words |= Q(eligibility_description__icontains="carer")
    return Service.objects.filter(words, status=Service.Status.ACTIVE).order_by("name")


def carers_of(user: User) -> QuerySet[Carer]:
    """The carers this user reaches for carers' support."""
    return Carer.objects.visible_to(user, Purpose.CARERS)


def may_change_carer(user: User, carer: Carer) -> bool:
    """Whether the user may change this carer's records: the carer's own team only
    (consent to share lets the cared-for person's worker read, never change)."""
    return (
        may(user, Purpose.PRACTICE, Action.CHANGE)
        and Carer.objects.visible_to(user, Purpose.PRACTICE)
        .filter(pk=carer.pk)
        .exists()
    )


def not_yet_offered_list(user: User) -> QuerySet[Carer]:
    """Carers identified and not yet offered a plan, longest waiting first."""
    return (
        carers_of(user)
        .filter(not_yet_offered())
        .select_related("person", "cared_for")
        .order_by("identified_on", "id")
    )


def waiting_list(user: User) -> QuerySet[Offer]:
    """Offers accepted (or requests) with no agreed plan since, oldest first."""
    agreed = CarerPlan.objects.filter(
        carer=OuterRef("carer"),
        state=CarerPlan.State.AGREED,
        agreed_on__gte=OuterRef("answered_on"),
    )
    return (
        Offer.objects.visible_to(user, Purpose.CARERS)
        .filter(answer__in=[Offer.Answer.ACCEPTED, Offer.Answer.REQUESTED])
        .filter(~Exists(agreed))
        .select_related("carer__person")
        .order_by("answered_on", "id")
    )


def young_carers_moving_on(user: User, today: datetime.date) -> QuerySet[Carer]:
    """Young carers turning 18 within six months, or 18 or over and left school,
    who have no adult carer support plan yet: due to move to an ACSP."""
    turns_18_by = add_months(today, 6)
    born_by = add_years(turns_18_by, -18)
    young_plan = CarerPlan.objects.filter(carer=OuterRef("pk"), kind=CarerPlan.Kind.YCS)
    adult_plan = CarerPlan.objects.filter(
        carer=OuterRef("pk"), kind=CarerPlan.Kind.ACSP
    )
    adult_on = add_years(today, -18)
    return (
        carers_of(user)
        .filter(Exists(young_plan), ~Exists(adult_plan))
        .filter(
            Q(person__date_of_birth__lte=born_by, person__date_of_birth__gt=adult_on)
            | Q(person__date_of_birth__lte=adult_on, still_at_school=False)
        )
        .select_related("person")
        .order_by("-person__date_of_birth", "id")
    )


def reviews_due(
    user: User,
    today: datetime.date,
    *,
    team: Team | None = None,
    locality: Locality | None = None,
    overdue: bool = False,
) -> QuerySet[CarerPlan]:
    """Agreed plans and statements whose review is due within 28 days or past (the
    date in (l), or CARER_REVIEW_INTERVAL_MONTHS after agreeing where (l) is
    blank), not replaced by a later plan, oldest first, with any review started.
    `team`: the carer's current allocation; `locality`: the carer's."""
    horizon = today if overdue else add_days(today, 28)
    months = int(settings.CARER_REVIEW_INTERVAL_MONTHS)
    later = CarerPlan.objects.filter(
        carer=OuterRef("carer"), started_on__gt=OuterRef("started_on")
    )
    plans = (
        CarerPlan.objects.visible_to(user, Purpose.CARERS)
        .filter(state=CarerPlan.State.AGREED)
        .filter(
            Q(review_on__lte=horizon)
            | Q(review_on__isnull=True, agreed_on__lte=add_months(horizon, -months))
        )
        .filter(~Exists(later))
    )
    if overdue:
        plans = plans.exclude(review_on=today)
    if locality is not None:
        plans = plans.filter(carer__person__locality=locality)
    if team is not None:
        allocated = Allocation.objects.current(today).filter(
            person=OuterRef("carer__person_id"), team=team
        )
        plans = plans.filter(Exists(allocated))
    open_reviews = CarerReview.objects.filter(plan=OuterRef("pk")).filter(
        ~Q(state=CarerReview.State.AGREED)
    )
    return (
        plans.select_related("carer__person")
        .annotate(open_review=Subquery(open_reviews.values("public_id")[:1]))
        .order_by("review_on", "id")
    )


def summaries_read(person: Person, user: User) -> dict[str, QuerySet[Any]]:
    """What ``summaries_for`` reads, not yet evaluated (the person page reads them
    with its other sections' in one statement)."""
    latest = CarerPlan.objects.filter(carer=OuterRef("pk")).order_by(
        "-started_on", "-id"
    )
    reviewed = CarerReview.objects.filter(
        plan__carer=OuterRef("pk"), state=CarerReview.State.AGREED
    ).order_by("-agreed_on")
    rows = (
        Carer.objects.filter(cared_for=person)
        .annotate(
            plan_id=Subquery(latest.values("public_id")[:1]),
            plan_kind=Subquery(latest.values("kind")[:1]),
            plan_state=Subquery(latest.values("state")[:1]),
            plan_review_on=Subquery(latest.values("review_on")[:1]),
            last_reviewed_on=Subquery(reviewed.values("agreed_on")[:1]),
            carer_name=F("person__first_name"),
            carer_last_name=F("person__last_name"),
        )
        .values(
            "public_id",
            "carer_name",
            "carer_last_name",
            "shared_summary",
            "share_whole_plan",
            "plan_id",
            "plan_kind",
            "plan_state",
            "plan_review_on",
            "last_reviewed_on",
            "pk",
        )
    )
    return {
        "readable": carers_of(user)
        .filter(cared_for=person)
        .values_list("pk", flat=True),
        "summaries": rows,
    }


def summaries_for(
    person: Person, user: User, reads: dict[str, QuerySet[Any]] | None = None
) -> list[dict[str, Any]]:
    """What the cared-for person's worker may know about each carer's plan: that it
    exists, its state and review date, when it was last reviewed (the date only),
    and what the carer agreed to share; `open`
    where the user may read the carer's records in full (their own team's carer, a
    partnership reader, or the carer's consent to share the whole plan). Two
    queries, none when given ``summaries_read`` already read."""
    reads = reads or summaries_read(person, user)
    readable = set(reads["readable"])
    rows = reads["summaries"]
    kinds = dict(CarerPlan.Kind.choices)
    states = dict(CarerPlan.State.choices)
    return [
        {
            **row,
            "plan_kind_label": kinds.get(row["plan_kind"], ""),
            "plan_state_label": states.get(row["plan_state"], ""),
            "open": row["pk"] in readable,
        }
        for row in rows
    ]


def unidentified_carers(person: Person) -> QuerySet[Relationship]:
    """The person's unpaid carer relationships not yet identified as carers."""
    identified = Carer.objects.filter(relationship=OuterRef("pk"))
    return (
        Relationship.objects.of_person(person)
        .filter(kind=Relationship.Kind.UNPAID_CARER)
        .filter(~Exists(identified))
        .select_related("related_person")
    )


def carer_links_read(person: Person, user: User) -> QuerySet[Carer]:
    """The person's own carer records that the user reaches, not yet read."""
    return carers_of(user).filter(person=person).select_related("cared_for")


def carer_links(person: Person, user: User) -> list[Carer]:
    """The person's own carer records that the user reaches, for their page."""
    return list(carer_links_read(person, user))


def plan_judgement(plan: CarerPlan) -> rules.Judgement | None:
    """The plan's impacts judged against its criteria version."""
    if plan.criteria is None:
        return None
    impacts = [(i.domain.name, i.level) for i in plan.impacts.select_related("domain")]
    return rules.judge(
        impacts, threshold=plan.criteria.threshold, version=plan.criteria.version
    )


def plan_detail(plan: CarerPlan) -> dict[str, Any]:
    """Everything on the plan page."""
    from .support_selectors import support_detail

    services = list(plan.local_services.all())
    return {
        "plan": plan,
        "carer": plan.carer,
        "person": plan.carer.person,
        "outcomes": list(plan.outcomes.all()),
        "breaks": list(plan.breaks.all()),
        "impacts": list(plan.impacts.select_related("domain")),
        "services": services,
        "judgement": plan_judgement(plan),
        "rows": section_rows(plan, services),
        **support_detail(plan),
    }


def carer_detail(carer: Carer) -> dict[str, Any]:
    return {
        "carer": carer,
        "person": carer.person,
        "offers": list(carer.offers.all()),
        "plans": list(carer.plans.all()),
        "reviews": list(
            CarerReview.objects.filter(plan__carer=carer).select_related("plan")
        ),
        "notices": list(carer.discharge_notices.all()),
    }


def carers_of_person(person: Person) -> QuerySet[Carer]:
    """The carer records of a person who is a carer (for their own page)."""
    return Carer.objects.of_person(person).select_related("cared_for")


def _shown(plan: CarerPlan, name: str, services: list[Any]) -> str:
    if name == "local_services":
        return ", ".join(str(s) for s in services)
    if name == "hours_band":
        return dict(rules.HOURS_BANDS).get(plan.hours_band, "")
    value = getattr(plan, name)
    if hasattr(plan, f"get_{name}_display"):
        return str(getattr(plan, f"get_{name}_display")())
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, datetime.date):
        return long_date(value)
    return "" if value is None else str(value)


def section_rows(plan: CarerPlan, services: list[Any]) -> list[dict[str, Any]]:
    """Each section of the plan with its questions and answers, in the plan's words
    (a young carer statement's for a young carer)."""
    young = plan.is_young
    rows = []
    for section in sections_for(young):
        items = []
        for name in section.fields:
            label = section.young_labels.get(name) if young else None
            field = CarerPlan._meta.get_field(name)
            label = label or capfirst(getattr(field, "verbose_name", name))
            items.append({"label": label, "value": _shown(plan, name, services)})
        title = section.young_title if young else section.title
        rows.append({"section": section, "title": title, "items": items})
    return rows


def review_detail(review: CarerReview) -> dict[str, Any]:
    """A carer's review with each outcome's line, for the review page."""
    rows = list(
        review.outcome_reviews.select_related("outcome", "level").prefetch_related(
            "reasons"
        )
    )
    return {
        "review": review,
        "plan": review.plan,
        "carer": review.plan.carer,
        "person": review.plan.carer.person,
        "rows": rows,
    }


def plan_reviews(plan: CarerPlan) -> list[CarerReview]:
    """The plan's reviews, newest first."""
    return list(CarerReview.objects.filter(plan=plan))


def latest_agreed_review(plan: CarerPlan) -> CarerReview | None:
    """The plan's latest agreed review with its outcome lines, for the carer's copy."""
    review = (
        CarerReview.objects.filter(plan=plan, state=CarerReview.State.AGREED)
        .order_by("-agreed_on", "-id")
        .first()
    )
    if review is not None:
        review.lines = list(  # type: ignore[attr-defined]
            review.outcome_reviews.select_related("outcome", "level")
        )
    return review
