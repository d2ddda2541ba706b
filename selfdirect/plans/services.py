"""Practitioner actions on support plans: each one transaction, with history."""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.conversations.models import Conversation
from selfdirect.core.concurrency import (
    EditConflict,
    changes_since,
    save_new,
    save_versioned,
    update_versioned,
)
from selfdirect.core.details import field_values
from selfdirect.people.models import Person

from . import rules
from .details import ContingencyDetails, PlanOutcomeDetails, SupportDetails
from .models import CONTINGENCY_FIELDS, PlanOutcome, Support, SupportPlan
from .selectors import agreement_blockers_from_later_stages


def _locked_draft(plan: SupportPlan) -> SupportPlan:
    """The plan's row, locked for this transaction; refused unless it is a draft."""
    current = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if current.state != SupportPlan.State.DRAFT:
        raise ValidationError(
            _(
                "This plan has been agreed, so it cannot be changed. Start a new "
                "version of the plan to make changes; this one will be kept."
            )
        )
    return current


def _save_draft(plan: SupportPlan, by: User, already: str) -> SupportPlan:
    """Save a new draft plan; a person has only one draft at a time (the database
    constraint plan_one_draft holds this even for two saves at once)."""
    try:
        with transaction.atomic():
            return save_new(plan, by)
    except IntegrityError as error:
        raise ValidationError(already) from error


def first_review_months() -> int:
    """Months from agreeing a new plan to its first review (setting
    PLAN_FIRST_REVIEW_MONTHS, default 3)."""
    return int(getattr(settings, "PLAN_FIRST_REVIEW_MONTHS", rules.FIRST_REVIEW_MONTHS))


@transaction.atomic
def start_support_plan(
    *, person: Person, conversation: Conversation, by: User, today: datetime.date
) -> SupportPlan:
    """Start a draft plan from an agreed conversation, copying its personal outcomes
    in the person's words and taking the person's latest indicative budget."""
    if conversation.person_id != person.pk:
        raise ValidationError(
            {"conversation": _("Choose one of this person's conversations.")}
        )
    if conversation.state != Conversation.State.AGREED:
        raise ValidationError(
            {
                "conversation": _(
                    "Agree the conversation record with the person first: the support "
                    "plan is built from the outcomes they agreed."
                )
            }
        )
    plan = _save_draft(
        SupportPlan(
            person=person,
            conversation=conversation,
            budget=person.indicative_budgets.own_support()
            .order_by("-worked_out_on", "-id")
            .first(),
            recorded_by=by,
            started_on=today,
        ),
        by,
        _("This person already has a draft support plan. Finish that one first."),
    )
    for outcome in conversation.outcomes.all():
        _save_new_outcome(
            PlanOutcome(
                plan=plan,
                personal_outcome=outcome,
                words=outcome.words,
                written_on=today,
            ),
            by,
        )
    record_event(
        actor=by, action="plan.started", person_id=person.pk, plan=str(plan.public_id)
    )
    return plan


def _save_new_outcome(outcome: PlanOutcome, by: User) -> PlanOutcome:
    """Save a new plan outcome with its SMART check stored on it."""
    outcome.set_smart_flags()
    saved: PlanOutcome = save_new(outcome, by)
    return saved


@transaction.atomic
def add_plan_outcome(
    *, plan: SupportPlan, by: User, details: PlanOutcomeDetails, today: datetime.date
) -> PlanOutcome:
    """Add an outcome to a draft plan."""
    _locked_draft(plan)
    return _save_new_outcome(
        PlanOutcome(plan=plan, written_on=today, **field_values(details)), by
    )


@transaction.atomic
def update_plan_outcome(
    *, outcome: PlanOutcome, by: User, version: int, details: PlanOutcomeDetails
) -> PlanOutcome:
    """Change an outcome of a draft plan, refusing if someone saved it since."""
    _locked_draft(outcome.plan)
    values = field_values(details)
    for name, value in values.items():
        setattr(outcome, name, value)
    # The SMART check is stored with the words it was made on.
    values |= outcome.set_smart_flags()
    update_versioned(outcome, by=by, version=version, details=values)
    return outcome


def _delete_versioned(row: PlanOutcome | Support, by: User, version: int) -> None:
    model = type(row)
    if not model._default_manager.filter(pk=row.pk, version=version).exists():
        current = model._default_manager.get(pk=row.pk)
        raise EditConflict(current, changes_since(current, version))
    row._history_user = by  # type: ignore[union-attr]
    row.delete()


@transaction.atomic
def remove_plan_outcome(*, outcome: PlanOutcome, by: User, version: int) -> None:
    """Remove an outcome from a draft plan (its history is kept)."""
    _locked_draft(outcome.plan)
    _delete_versioned(outcome, by, version)


def _check_support(details: SupportDetails, as_recorded: bool = False) -> None:
    """A support paid from the budget says its option (except `as_recorded`: an
    old system's plan imported as it was recorded); a provider is named."""
    problems: dict[str, str] = {}
    kind = details.provided_by
    if (
        not as_recorded
        and details.option is None
        and rules.needs_option(yearly_cost=details.yearly_cost, provided_by=kind)
    ):
        problems["option"] = _(
            "Select the SDS option for this support: it is paid for from the budget."
        )
    if kind == Support.ProvidedBy.PROVIDER and not (details.provider or details.who):
        problems["provider"] = _("Choose the provider, or write its name.")
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def add_support(
    *,
    plan: SupportPlan,
    by: User,
    details: SupportDetails,
    outcomes: list[PlanOutcome],
    as_recorded: bool = False,
) -> Support:
    """Add a support to a draft plan, linked to the outcomes it serves."""
    _locked_draft(plan)
    _check_support(details, as_recorded)
    support: Support = save_new(Support(plan=plan, **field_values(details)), by)
    support.outcomes.set(outcomes)
    return support


@transaction.atomic
def update_support(
    *,
    support: Support,
    by: User,
    version: int,
    details: SupportDetails,
    outcomes: list[PlanOutcome],
    as_recorded: bool = False,
) -> Support:
    """Change a support of a draft plan, refusing if someone saved it since."""
    _locked_draft(support.plan)
    _check_support(details, as_recorded)
    update_versioned(support, by=by, version=version, details=field_values(details))
    support.outcomes.set(outcomes)
    return support


@transaction.atomic
def remove_support(*, support: Support, by: User, version: int) -> None:
    """Remove a support from a draft plan (its history is kept)."""
    _locked_draft(support.plan)
    _delete_versioned(support, by, version)


@transaction.atomic
def record_support_follow_up(
    *,
    support: Support,
    by: User,
    version: int,
    followed_up_on: datetime.date,
    used_it: bool | None,
    need_met: bool | None,
) -> Support:
    """Record how a community resource in the plan went. This follows the plan up
    rather than changing it, so it is allowed on agreed plans too."""
    if not support.is_signposting:
        raise ValidationError(
            _("Only community resources in the plan are followed up like this.")
        )
    if followed_up_on < support.plan.started_on:
        raise ValidationError(
            {"followed_up_on": _("The follow-up cannot be before the plan started")}
        )
    support.followed_up_on = followed_up_on
    support.used_it, support.need_met = used_it, need_met
    support._history_user = by  # type: ignore[attr-defined]
    fields = ["followed_up_on", "used_it", "need_met"]
    save_versioned(support, expected_version=version, fields=fields)
    record_event(
        actor=by,
        action="plan.support_followed_up",
        person_id=support.plan.person_id,
        used_it=used_it,
        need_met=need_met,
    )
    return support


@transaction.atomic
def record_contingency(
    *, plan: SupportPlan, by: User, version: int, details: ContingencyDetails
) -> SupportPlan:
    """Record what happens if things do not go as planned (version checked)."""
    _locked_draft(plan)
    update_versioned(plan, by=by, version=version, details=field_values(details))
    return plan


@transaction.atomic
def change_plan_budget(
    *, plan: SupportPlan, by: User, version: int, budget: Any
) -> SupportPlan:
    """Point a draft plan at another of the person's indicative budgets."""
    _locked_draft(plan)
    if budget is not None and budget.person_id != plan.person_id:
        raise ValidationError({"budget": _("Choose one of this person's budgets.")})
    plan.budget = budget
    plan._history_user = by  # type: ignore[attr-defined]
    save_versioned(plan, expected_version=version, fields=["budget"])
    return plan


@transaction.atomic
def agree_support_plan(
    *,
    plan: SupportPlan,
    by: User,
    version: int,
    agreed_on: datetime.date,
    agreed_by_role: str,
    agreed_by: str,
    agreed_how: str,
    review_on: datetime.date | None = None,
    as_recorded: bool = False,
) -> SupportPlan:
    """Record that the person (or their representative) agreed the plan, and set
    the first review date. Refused without outcomes or a contingency section, or
    when a later stage (the resource panel) says the plan is not yet funded.
    `as_recorded` (an old system's plan imported as it was recorded): kept
    without outcomes, contingency or the panel's approval; it must still be a
    draft, and reviewed after the day it was agreed."""
    current = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    problems = rules.agreement_problems(
        # Recorded history is kept as it was: only the state is checked.
        outcome_count=1 if as_recorded else current.outcomes.count(),
        contingency=as_recorded or current.has_contingency,
        state=current.state,
    )
    if not as_recorded:
        problems += [str(b) for b in agreement_blockers_from_later_stages(current)]
    if problems:
        raise ValidationError(problems)
    if review_on is None:
        review_on = rules.first_review_date(agreed_on, first_review_months())
    if review_on <= agreed_on:
        raise ValidationError(
            {"review_on": _("The review date must be after the date agreed.")}
        )
    plan.state = SupportPlan.State.AGREED
    plan.agreed_on, plan.agreed_by_role = agreed_on, agreed_by_role
    plan.agreed_by, plan.agreed_how, plan.review_on = agreed_by, agreed_how, review_on
    plan._history_user = by  # type: ignore[attr-defined]
    fields = [
        "state",
        "agreed_on",
        "agreed_by_role",
        "agreed_by",
        "agreed_how",
        "review_on",
    ]
    save_versioned(plan, expected_version=version, fields=fields)
    _retire_earlier(plan, by)
    record_event(
        actor=by,
        action="plan.agreed",
        person_id=plan.person_id,
        plan=str(plan.public_id),
        **({"as_recorded": True} if as_recorded else {}),
    )
    return plan


def _retire_earlier(plan: SupportPlan, by: User) -> None:
    earlier = plan.replaces
    if earlier is None or earlier.state != SupportPlan.State.AGREED:
        return
    earlier.state = SupportPlan.State.REPLACED
    earlier._history_user = by  # type: ignore[attr-defined]
    earlier.save(update_fields=["state", "updated_at"])


@transaction.atomic
def start_new_version(
    *, plan: SupportPlan, by: User, today: datetime.date
) -> SupportPlan:
    """Copy an agreed plan into a new draft to change it; the agreed plan stays in
    force, and is marked replaced when the new version is agreed."""
    current = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if current.state != SupportPlan.State.AGREED:
        raise ValidationError(
            _("Only the agreed plan can be copied into a new version.")
        )
    already = _(
        "There is already a draft plan for this person. Carry on with that one."
    )
    if SupportPlan.objects.filter(replaces=current).exists():
        raise ValidationError(already)
    draft = _save_draft(
        SupportPlan(
            person_id=current.person_id,
            conversation_id=current.conversation_id,
            budget_id=current.budget_id,
            recorded_by=by,
            started_on=today,
            replaces=current,
            **{name: getattr(current, name) for name in CONTINGENCY_FIELDS},
        ),
        by,
        already,
    )
    _copy_contents(current, draft, by)
    record_event(
        actor=by,
        action="plan.new_version",
        person_id=current.person_id,
        plan=str(draft.public_id),
    )
    return draft


OUTCOME_COPY = (
    "personal_outcome_id",
    "words",
    "how_we_will_know",
    "target_date",
    "steps",
    "achievable_agreed",
    "achievable_agreed_by",
    "achievable_agreed_on",
    "written_on",
)
SUPPORT_COPY = (
    "what",
    "provided_by",
    "who",
    "provider_id",
    "service_id",
    "frequency",
    "hours_per_week",
    "yearly_cost",
    "option",
)


def _copy_contents(source: SupportPlan, draft: SupportPlan, by: User) -> None:
    new_outcomes = {
        old.pk: _save_new_outcome(
            PlanOutcome(plan=draft, **{f: getattr(old, f) for f in OUTCOME_COPY}), by
        )
        for old in source.outcomes.all()
    }
    for old in source.supports.prefetch_related("outcomes"):
        support = save_new(
            Support(plan=draft, **{f: getattr(old, f) for f in SUPPORT_COPY}), by
        )
        support.outcomes.set([new_outcomes[o.pk] for o in old.outcomes.all()])


@transaction.atomic
def set_review_date(
    *, plan: SupportPlan, by: User, review_on: datetime.date
) -> SupportPlan:
    """Move an agreed plan's next review date (set by an agreed review, which
    keeps the date it was due by). Only the review date of an agreed plan moves."""
    current = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if current.state != SupportPlan.State.AGREED:
        raise ValidationError(_("Only an agreed plan has a review date to move."))
    current.review_on = review_on
    current._history_user = by  # type: ignore[attr-defined]
    save_versioned(current, expected_version=current.version, fields=["review_on"])
    plan.review_on, plan.version = current.review_on, current.version
    return current
