"""Importing a case file's support plans through the plans services.

A plan is imported in two steps, with its panel requests between them, because a
plan costing more than its budget setter may agree needs the panel's approval
before it is agreed (the same rule as on the plan pages):

1. `import_plan`: a new plan is started from its agreed conversation
   (`start_support_plan`, which copies the conversation's outcomes), or as a new
   version of the plan it replaces (`start_new_version`, or the review's
   `start_new_plan_version` where an agreed review of that plan said so, which copy
   that plan's outcomes and supports). The copies are matched to the file's
   outcomes (by the personal outcome, else the words) and supports (by what and who
   provides it) and changed to what the file says; copies the file does not have
   are removed, and outcomes and supports it adds are added. Then the budget and the
   contingency are set.
2. `agree_plan`: agreed as the file says (`agree_support_plan`), with the first
   review date the plan's first planned review was due by, so the review keeps it.
   `finish_plan` moves the review date to the file's after its reviews are in.

A draft plan imported before is brought up to the file through the same services;
an agreed plan is not changed (the product changes an agreed plan only by a new
version), and an outcome or support the file adds to it is refused.
"""

from typing import Any

from django.core.exceptions import ValidationError

from selfdirect.people.models import Person
from selfdirect.plans import services as plans
from selfdirect.plans.details import (
    ContingencyDetails,
    PlanOutcomeDetails,
    SupportDetails,
)
from selfdirect.plans.models import (
    CONTINGENCY_FIELDS,
    PlanOutcome,
    Support,
    SupportPlan,
)
from selfdirect.reviews import services as reviews
from selfdirect.reviews.models import Review

from .import_common import Record, agreed_day, day, fresh, money, within

AGREED = (SupportPlan.State.AGREED, SupportPlan.State.REPLACED)


def import_plan(importer: Any, person: Person, record: Record) -> None:
    plan = importer._match(SupportPlan, record)
    if plan is None:
        plan = _start(importer, person, record)
        importer._remember(person, plan, record, new=True)
    else:
        importer._remember(person, plan, record, new=False)
        if plan.state != SupportPlan.State.DRAFT:
            _known_parts(importer, person, plan, record)
            return
    _fill(importer, person, plan, record)


def _start(importer: Any, person: Person, record: Record) -> SupportPlan:
    started = day(record["started_on"])
    if record.get("replaces_ref"):
        earlier = importer.known.get(record["replaces_ref"])
        if earlier is None:
            raise ValidationError(
                {"replaces_ref": "the plan this one replaces could not be imported"}
            )
        review = (
            Review.objects.filter(
                plan=earlier,
                state=Review.State.AGREED,
                next_step=Review.NextStep.NEW_PLAN_VERSION,
                new_plan__isnull=True,
            )
            .order_by("-agreed_on", "-id")
            .first()
        )
        if review is not None:
            return reviews.start_new_plan_version(
                review=review,
                by=importer.by,
                today=started,  # type: ignore[arg-type]
            )
        return plans.start_new_version(
            plan=fresh(earlier),
            by=importer.by,
            today=started,  # type: ignore[arg-type]
        )
    conversation = importer.known.get(record.get("conversation_ref") or "")
    if conversation is None and record.get("conversation_ref"):
        raise ValidationError(
            {"conversation_ref": "its conversation could not be imported"}
        )
    if conversation is None:
        raise ValidationError(
            {
                "conversation_ref": "a support plan is built from the person's agreed "
                "conversation: name it in conversation_ref, with the conversation "
                "in the file"
            }
        )
    return plans.start_support_plan(
        person=person,
        conversation=fresh(conversation),
        by=importer.by,
        today=started,  # type: ignore[arg-type]
    )


def _fill(importer: Any, person: Person, plan: SupportPlan, record: Record) -> None:
    by = importer.by
    budget = importer.known.get(record.get("budget_ref") or "")
    if record.get("budget_ref") and budget is None:
        raise ValidationError({"budget_ref": "its budget could not be imported"})
    plan = fresh(plan)
    if plan.budget_id != (budget.pk if budget else None):
        plan = plans.change_plan_budget(
            plan=plan, by=by, version=plan.version, budget=budget
        )
    wanted = {
        f: (record.get("contingency") or {}).get(f, "") for f in CONTINGENCY_FIELDS
    }
    plan = fresh(plan)
    if wanted != {f: getattr(plan, f) for f in CONTINGENCY_FIELDS}:
        with within("contingency"):
            plans.record_contingency(
                plan=plan,
                by=by,
                version=plan.version,
                details=ContingencyDetails(**wanted),
            )
    _outcomes(importer, person, plan, record.get("outcomes", []))
    _supports(importer, person, plan, record.get("supports", []))


def _outcome_details(item: Record, row: PlanOutcome | None) -> PlanOutcomeDetails:
    return PlanOutcomeDetails(
        words=item["words"],
        how_we_will_know=item.get("how_we_will_know", ""),
        target_date=day(item.get("target_date")),
        steps=item.get("steps", ""),
        achievable_agreed=item.get("achievable_agreed"),
        achievable_agreed_by=item.get("achievable_agreed_by", ""),
        achievable_agreed_on=row.achievable_agreed_on if row else None,
    )


def _outcomes(
    importer: Any, person: Person, plan: SupportPlan, items: list[Record]
) -> None:
    by = importer.by
    spare = list(plan.outcomes.order_by("id"))
    for index, item in enumerate(items):
        row, new = importer._match(PlanOutcome, item), False
        if row is None or row.plan_id != plan.pk:
            row, new = _copied(importer, spare, item), True
        elif row in spare:
            spare.remove(row)
        with within(f"outcomes/{index}"):
            details = _outcome_details(item, row)
            if row is None:
                row = plans.add_plan_outcome(
                    plan=plan,
                    by=by,
                    details=details,
                    today=day(item["written_on"]),  # type: ignore[arg-type]
                )
            elif any(
                getattr(row, name) != value for name, value in vars(details).items()
            ):
                row = plans.update_plan_outcome(
                    outcome=row, by=by, version=row.version, details=details
                )
        importer._remember(person, row, item, new=new)
    for row in spare:  # copied from the conversation or plan, not in the file
        plans.remove_plan_outcome(outcome=row, by=by, version=row.version)


def _copied(importer: Any, spare: list[Any], item: Record) -> Any:
    """The copy a service made that stands for this item of the file, if any."""
    source = importer.known.get(item.get("personal_outcome_ref") or "")
    for row in spare:
        if (source is not None and row.personal_outcome_id == source.pk) or (
            row.words.strip() == item["words"].strip()
        ):
            spare.remove(row)
            return row
    return None


def _support_details(item: Record) -> SupportDetails:
    return SupportDetails(
        what=item["what"],
        provided_by=item["provided_by"],
        who=item.get("who", ""),
        provider=None,
        service=None,
        frequency=item.get("frequency", ""),
        hours_per_week=money(item.get("hours_per_week")),
        yearly_cost=money(item.get("yearly_cost")) or money("0"),  # type: ignore[arg-type]
        option=item.get("option"),
    )


def _supports(
    importer: Any, person: Person, plan: SupportPlan, items: list[Record]
) -> None:
    by = importer.by
    spare = list(plan.supports.order_by("id"))
    for index, item in enumerate(items):
        row, new = importer._match(Support, item), False
        if row is None or row.plan_id != plan.pk:
            new = True
            row = next(
                (
                    s
                    for s in spare
                    if (s.what, s.provided_by) == (item["what"], item["provided_by"])
                ),
                None,
            )
        if row in spare:
            spare.remove(row)
        outcomes = [importer.known[ref] for ref in item.get("outcome_refs", [])]
        details = _support_details(item)
        with within(f"supports/{index}"):
            if row is None:
                row = plans.add_support(
                    plan=plan,
                    by=by,
                    details=details,
                    outcomes=outcomes,
                    as_recorded=importer.as_recorded,
                )
            elif any(
                getattr(row, name) != value for name, value in vars(details).items()
            ) or {o.pk for o in row.outcomes.all()} != {o.pk for o in outcomes}:
                row = plans.update_support(
                    support=row,
                    by=by,
                    version=row.version,
                    details=details,
                    outcomes=outcomes,
                    as_recorded=importer.as_recorded,
                )
            _follow_up(importer, row, item)
        importer._remember(person, row, item, new=new)
    for row in spare:
        plans.remove_support(support=row, by=by, version=row.version)


def _follow_up(importer: Any, row: Support, item: Record) -> None:
    """How a community resource in the plan went (allowed on agreed plans too)."""
    wanted = (
        day(item.get("followed_up_on")),
        item.get("used_it"),
        item.get("need_met"),
    )
    if wanted[0] is None or wanted == (row.followed_up_on, row.used_it, row.need_met):
        return
    row = fresh(row)
    plans.record_support_follow_up(
        support=row,
        by=importer.by,
        version=row.version,
        followed_up_on=wanted[0],
        used_it=wanted[1],
        need_met=wanted[2],
    )


def _known_parts(
    importer: Any, person: Person, plan: SupportPlan, record: Record
) -> None:
    """An agreed plan imported before: find its parts; only follow-ups change."""
    for part, model in (("outcomes", PlanOutcome), ("supports", Support)):
        for index, item in enumerate(record.get(part, [])):
            row = importer._match(model, item)
            if row is None or row.plan_id != plan.pk:
                raise ValidationError(
                    {
                        f"{part}/{index}": "this plan was agreed when it was imported "
                        "before, so it cannot be changed: put the change in a new "
                        "version of the plan (a plan with replaces_ref)"
                    }
                )
            importer._remember(person, row, item, new=False)
            if model is Support:
                with within(f"{part}/{index}"):
                    _follow_up(importer, row, item)


def agree_plan(importer: Any, record: Record, reviews_of: list[Record]) -> None:
    """Agree the plan as the file says, once its panel requests are in."""
    plan = importer.known.get(record["ref"])
    if plan is None or record["state"] not in AGREED:
        return
    plan = fresh(plan)
    if plan.state != SupportPlan.State.DRAFT:
        return
    agreed_on = agreed_day(record, "plan")
    planned = sorted(
        (r["started_on"], r["due_on"])
        for r in reviews_of
        if r["kind"] == Review.Kind.PLANNED and r.get("due_on")
    )
    review_on = day(planned[0][1]) if planned else day(record.get("review_on"))
    plans.agree_support_plan(
        plan=plan,
        by=importer.by,
        version=plan.version,
        agreed_on=agreed_on,
        agreed_by_role=record.get("agreed_by_role", ""),
        agreed_by=record.get("agreed_by", ""),
        agreed_how=record.get("agreed_how", ""),
        review_on=review_on,
        as_recorded=importer.as_recorded,
    )


def finish_plan(importer: Any, record: Record) -> None:
    """After its reviews: the plan's next review date as the file gives it."""
    plan = importer.known.get(record["ref"])
    wanted = day(record.get("review_on"))
    if plan is None or wanted is None:
        return
    plan = fresh(plan)
    if plan.state == SupportPlan.State.AGREED and plan.review_on != wanted:
        with within("review_on"):
            plans.set_review_date(plan=plan, by=importer.by, review_on=wanted)
