"""Carers' actions that write: each one transaction, version-checked, audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import Team, User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import (
    save_new,
    save_new_or_refuse,
    update_versioned,
)
from selfdirect.core.details import field_values
from selfdirect.people.models import Allocation, Person, Relationship
from selfdirect.people.services import PersonDetails, add_person

from . import rules
from .details import (
    BreakDetails,
    CarerDetails,
    DischargeDetails,
    IdentifyDetails,
    OfferDetails,
    SharingDetails,
)
from .models import (
    BreakFromCaring,
    Carer,
    CarerOutcome,
    CarerPlan,
    DischargeNotice,
    DomainImpact,
    EligibilityCriteria,
    EligibilityDomain,
    Offer,
)
from .selectors import criteria_in_force


def _audit(carer: Carer, by: User, action: str, **detail: Any) -> None:
    record_event(
        actor=by,
        action=action,
        person_id=carer.person_id,
        carer=str(carer.public_id),
        **detail,
    )


def _as_recorded(as_recorded: bool) -> dict[str, bool]:
    """The audit detail of a record saved as an old system recorded it."""
    return {"as_recorded": True} if as_recorded else {}


def _new_person(
    details: CarerDetails, by: User, team: Team, day: datetime.date
) -> Person:
    return add_person(
        by=by,
        team=team,
        details=PersonDetails(
            first_name=details.first_name,
            last_name=details.last_name,
            date_of_birth=details.date_of_birth,
            locality=team.locality,
            preferred_language="English",
        ),
        service_groups=[],
        allocated_on=day,
    )


def _allocate_if_none(person: Person, team: Team, by: User, day: datetime.date) -> None:
    """The carers' team takes a carer with no open allocation."""
    if not Allocation.objects.of_person(person).current(day).exists():
        save_new(Allocation(person=person, team=team, started_on=day), by)


@transaction.atomic
def identify_from_relationship(
    *,
    relationship: Relationship,
    by: User,
    team: Team,
    details: IdentifyDetails,
    new_carer: CarerDetails | None,
) -> Carer:
    """Identify the unpaid carer in a person's relationship: the carer becomes a
    person in Selfdirect if they are not one, allocated to the carers' team."""
    if relationship.kind != Relationship.Kind.UNPAID_CARER:
        raise ValidationError(_("Only an unpaid carer relationship names a carer."))
    carer_person = relationship.related_person
    if carer_person is None:
        if new_carer is None:
            raise ValidationError(_("Give the carer's name and date of birth."))
        carer_person = _new_person(new_carer, by, team, details.identified_on)
        update_versioned(
            relationship,
            by=by,
            version=relationship.version,
            details={"related_person": carer_person},
        )
    else:
        _allocate_if_none(carer_person, team, by, details.identified_on)
    return identify(
        person=carer_person,
        cared_for=relationship.person,
        by=by,
        how=Carer.IdentifiedHow.RELATIONSHIP,
        details=details,
        relationship=relationship,
    )


@transaction.atomic
def identify(
    *,
    person: Person,
    cared_for: Person | None,
    by: User,
    how: str,
    details: IdentifyDetails,
    relationship: Relationship | None = None,
) -> Carer:
    """Record that a person is an unpaid carer (for the person they care for)."""
    if cared_for is not None and cared_for.pk == person.pk:
        raise ValidationError(_("A person cannot be their own carer."))
    carer = save_new_or_refuse(
        Carer(
            person=person,
            cared_for=cared_for,
            identified_how=how,
            relationship=relationship,
            recorded_by=by,
            **field_values(details),
        ),
        by,
        refusal=_("This carer is already recorded as caring for this person."),
    )
    _audit(carer, by, "carer.identified")
    return carer


def _due_by(carer: Carer, wanted_on: datetime.date) -> datetime.date:
    return rules.plan_due_by(
        wanted_on,
        terminally_ill=carer.cared_for_terminally_ill,
        terminal_days=settings.CARER_TERMINAL_ILLNESS_DAYS,
        days=settings.CARER_PLAN_DAYS,
    )


def _answer_problems(
    answer: str, answered_on: datetime.date | None, offered_on: datetime.date
) -> None:
    if answer == Offer.Answer.WAITING:
        return
    if answered_on is None and answer != Offer.Answer.REQUESTED:
        raise ValidationError({"answered_on": _("Enter the date the carer answered.")})
    if answered_on is not None and answered_on < offered_on:
        raise ValidationError(
            {"answered_on": _("The answer cannot come before the offer.")}
        )


@transaction.atomic
def record_offer(*, carer: Carer, by: User, details: OfferDetails) -> Offer:
    """Offer the carer a plan: a young carer statement for a young carer, an adult
    carer support plan otherwise (decided on the day of the offer)."""
    _answer_problems(details.answer, details.answered_on, details.offered_on)
    kind = rules.plan_kind(
        carer.person.date_of_birth, carer.still_at_school, details.offered_on
    )
    offer = Offer(carer=carer, kind=kind, recorded_by=by, **field_values(details))
    if details.answer == Offer.Answer.REQUESTED:
        offer.answered_on = offer.answered_on or details.offered_on
    if offer.wanted:
        offer.due_by = _due_by(carer, offer.answered_on or details.offered_on)
    if details.answer == Offer.Answer.WAITING:
        offer.answered_on = None
    save_new(offer, by)
    _audit(carer, by, "carer.offered")
    return offer


@transaction.atomic
def record_answer(
    *,
    offer: Offer,
    by: User,
    version: int,
    answer: str,
    answered_on: datetime.date | None,
) -> Offer:
    """Record the carer's answer to an offer."""
    _answer_problems(answer, answered_on, offer.offered_on)
    values: dict[str, Any] = {"answer": answer, "answered_on": answered_on}
    wanted = answer in {Offer.Answer.ACCEPTED, Offer.Answer.REQUESTED}
    answered_on = answered_on or (offer.offered_on if wanted else None)
    values["answered_on"] = answered_on
    values["due_by"] = (
        _due_by(offer.carer, answered_on) if wanted and answered_on else None
    )
    update_versioned(offer, by=by, version=version, details=values)
    _audit(offer.carer, by, "carer.answered")
    return offer


@transaction.atomic
def record_discharge(
    *, carer: Carer, by: User, details: DischargeDetails
) -> DischargeNotice:
    """Log a hospital discharge notice (s28): told, views invited, views."""
    if details.carers_views and details.views_invited_on is None:
        raise ValidationError(
            {"views_invited_on": _("Enter the date the carer's views were invited.")}
        )
    notice = save_new(
        DischargeNotice(carer=carer, recorded_by=by, **field_values(details)), by
    )
    _audit(carer, by, "carer.discharge")
    return notice


@transaction.atomic
def record_sharing(
    *, carer: Carer, by: User, version: int, details: SharingDetails
) -> Carer:
    """What the carer agreed the cared-for person's worker may know; sharing the
    whole plan needs the date their consent was recorded."""
    if details.share_whole_plan and details.consent_recorded_on is None:
        raise ValidationError(
            {"consent_recorded_on": _("Enter the date the carer gave their consent.")}
        )
    update_versioned(carer, by=by, version=version, details=field_values(details))
    _audit(carer, by, "carer.sharing")
    return carer


@transaction.atomic
def start_plan(*, carer: Carer, by: User, started_on: datetime.date) -> CarerPlan:
    """Start the plan or statement the carer accepted or asked for, judged against
    the eligibility criteria in force on the day it starts."""
    offer = carer.offers.filter(
        answer__in=[Offer.Answer.ACCEPTED, Offer.Answer.REQUESTED]
    ).first()
    if offer is None:
        raise ValidationError(
            _("Record that the carer accepted or asked for a plan first.")
        )
    plan = CarerPlan(
        carer=carer,
        kind=offer.kind,
        started_on=started_on,
        criteria=criteria_in_force(started_on),
        recorded_by=by,
    )
    plan = save_new_or_refuse(
        plan, by, refusal=_("A plan is already in progress. Carry on with that one.")
    )
    _audit(carer, by, "carer.plan_started")
    return plan


def _editable(plan: CarerPlan) -> None:
    if plan.state == CarerPlan.State.AGREED:
        raise ValidationError(_("This plan has been agreed, so it cannot be changed."))


@transaction.atomic
def update_section(
    *, plan: CarerPlan, by: User, version: int, values: dict[str, Any]
) -> CarerPlan:
    """Save one section of the plan."""
    _editable(plan)
    services = values.pop("local_services", None)
    if values.get("no_needs_identified"):
        values["needs"] = ""
    update_versioned(plan, by=by, version=version, details=values)
    if services is not None:
        plan.local_services.set(services)
    _audit(plan.carer, by, "carer.plan_changed")
    return plan


@transaction.atomic
def add_outcome(*, plan: CarerPlan, by: User, words: str) -> CarerOutcome:
    """(e) Add one of the carer's own outcomes, in their words."""
    _editable(plan)
    if not words.strip():
        raise ValidationError({"words": _("Write the outcome in the carer's words.")})
    outcome = save_new(CarerOutcome(plan=plan, words=words.strip()), by)
    _audit(plan.carer, by, "carer.plan_changed")
    return outcome


@transaction.atomic
def add_break(*, plan: CarerPlan, by: User, details: BreakDetails) -> BreakFromCaring:
    """(k) Add a break from caring to the plan."""
    _editable(plan)
    row = save_new(BreakFromCaring(plan=plan, **field_values(details)), by)
    _audit(plan.carer, by, "carer.plan_changed")
    return row


@transaction.atomic
def record_impacts(
    *, plan: CarerPlan, by: User, levels: dict[int, tuple[str, str]]
) -> None:
    """(i) Record the impact of caring in each domain of the plan's criteria."""
    _editable(plan)
    domains = {
        d.pk: d for d in EligibilityDomain.objects.filter(criteria=plan.criteria)
    }
    if set(levels) - set(domains):
        raise ValidationError(_("Record impacts only for the domains of the criteria."))
    existing = {i.domain_id: i for i in plan.impacts.all()}
    for domain_id, (level, notes) in levels.items():
        row = existing.get(domain_id)
        if row is None:
            save_new(
                DomainImpact(
                    plan=plan, domain=domains[domain_id], level=level, notes=notes
                ),
                by,
            )
        elif (row.level, row.notes) != (level, notes):
            update_versioned(
                row,
                by=by,
                version=row.version,
                details={"level": level, "notes": notes},
            )
    _audit(plan.carer, by, "carer.plan_changed")


def plan_facts(plan: CarerPlan) -> rules.PlanFacts:
    domains = (
        EligibilityDomain.objects.filter(criteria=plan.criteria).count()
        if plan.criteria_id
        else 0
    )
    return rules.PlanFacts(
        young=plan.is_young,
        circumstances=plan.circumstances,
        hours_band=plan.hours_band,
        emergency_who=plan.emergency_who,
        outcomes=plan.outcomes.count(),
        no_needs_identified=plan.no_needs_identified,
        needs=plan.needs,
        impacts=plan.impacts.count(),
        domains=domains,
        break_decided=plan.break_from_caring is not None,
        breaks=plan.breaks.count(),
        break_from_caring=bool(plan.break_from_caring),
        review_on=plan.review_on,
        authority=plan.authority,
        care_appropriate=plan.care_appropriate,
    )


@transaction.atomic
def share_plan(
    *, plan: CarerPlan, by: User, version: int, shared_on: datetime.date
) -> CarerPlan:
    """Share the draft with the carer."""
    _editable(plan)
    update_versioned(
        plan,
        by=by,
        version=version,
        details={"state": CarerPlan.State.SHARED, "shared_on": shared_on},
    )
    _audit(plan.carer, by, "carer.plan_shared")
    return plan


@transaction.atomic
def agree_plan(
    *,
    plan: CarerPlan,
    by: User,
    version: int,
    agreed_on: datetime.date,
    as_recorded: bool = False,
) -> CarerPlan:
    """Record that the carer agreed the plan: every required section is there.
    `as_recorded` (importing an old system's plan as it was recorded): the
    sections it lacks do not stop it; the dates must still be in order."""
    _editable(plan)
    problems = [] if as_recorded else rules.agreement_problems(plan_facts(plan))
    if problems:
        raise ValidationError(problems)
    if agreed_on < plan.started_on:
        raise ValidationError(
            {"agreed_on": _("A plan cannot be agreed before it started.")}
        )
    update_versioned(
        plan,
        by=by,
        version=version,
        details={"state": CarerPlan.State.AGREED, "agreed_on": agreed_on},
    )
    _audit(plan.carer, by, "carer.plan_agreed", **_as_recorded(as_recorded))
    return plan


@transaction.atomic
def add_criteria_version(
    *,
    by: User | None,
    version: str,
    in_force_from: datetime.date,
    threshold: str,
    summary: str,
    domains: list[tuple[str, str, dict[str, str]]],
) -> EligibilityCriteria:
    """Publish a new version of the local eligibility criteria (ss21-22)."""
    if EligibilityCriteria.objects.filter(in_force_from=in_force_from).exists():
        raise ValidationError(
            {"in_force_from": _("Another version comes into force on that day.")}
        )
    criteria = EligibilityCriteria.objects.create(
        version=version,
        in_force_from=in_force_from,
        threshold=threshold,
        summary=summary,
    )
    EligibilityDomain.objects.bulk_create(
        EligibilityDomain(
            criteria=criteria, code=code, name=name, order=n, levels=levels
        )
        for n, (code, name, levels) in enumerate(domains, start=1)
    )
    record_event(actor=by, action="carer.criteria", person_id=None, version=version)
    return criteria


def agreement_problems(plan: CarerPlan) -> list[str]:
    """What is missing before the plan can be agreed."""
    return rules.agreement_problems(plan_facts(plan))
