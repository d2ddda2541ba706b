"""Importing a case file's carers' plans (format version 3) through the carers
app's services, so history rows and `carer.*` audit events are written as when a
worker records them.

A carer's plan is the carer's own record: it is in the carer's file, and the
person importing is the carer (`carers.Carer.person`). For each plan, by start
date: the carer record for the person cared for (`identify`, or the one already
kept for that person), the offer it followed (`record_offer`, or the one already
kept that day), the plan started (`start_plan`, judged by the criteria in force
that day), each section (`update_section`), outcomes, breaks, the impact in each
domain, supports with the option chosen, signposting and its follow-up, then
shared and agreed; then its reviews (`review_services`). A plan or review
imported before is matched by its external reference: a draft is brought up to
the file, an agreed one is kept as it is (follow-ups of its signposting aside).
"""

import uuid
from typing import Any

from django.core.exceptions import ValidationError

from selfdirect.carers import services, support_services
from selfdirect.carers.details import (
    BreakDetails,
    FollowUpDetails,
    IdentifyDetails,
    OfferDetails,
    SignpostingDetails,
    SupportDetails,
)
from selfdirect.carers.models import (
    BreakFromCaring,
    Carer,
    CarerOutcome,
    CarerPlan,
    CarerSignposting,
    CarerSupport,
    EligibilityDomain,
)
from selfdirect.people.models import Person

from .export.carers import SECTIONS
from .import_carer_reviews import import_carer_review
from .import_common import Record, agreed_day, day, fresh, money, within
from .models import ExternalReference

# Sections written with `update_section` (state and dates move by their services).
WRITTEN = [
    name
    for name in SECTIONS
    if name not in {"kind", "state", "started_on", "shared_on", "agreed_on"}
]
DATES = {"review_on", "council_approved_on"}


def import_carer_plan(importer: Any, person: Person, record: Record) -> None:
    plan = importer._match(CarerPlan, record)
    if plan is None:
        with within("carer"):
            carer = _carer(importer, person, record["carer"])
        with within("offer"):
            kind = _offer(importer, carer, record)
        if kind != record["kind"]:
            raise ValidationError(
                {
                    "kind": f"the file says {record['kind']}, but on the day of the "
                    f"offer the carer's age and schooling make it {kind} (a young "
                    "carer statement is for under 18s and those still at school)"
                }
            )
        plan = services.start_plan(
            carer=carer,
            by=importer.by,
            started_on=day(record["started_on"]),  # type: ignore[arg-type]
        )
        importer._remember(person, plan, record, new=True)
    else:
        importer._remember(person, plan, record, new=False)
    if plan.state != CarerPlan.State.AGREED:
        _sections(importer, plan, record)
    _outcomes(importer, person, plan, record.get("outcomes", []))
    _breaks(importer, person, plan, record.get("breaks", []))
    _impacts(importer, plan, record.get("impacts", []))
    _supports(importer, person, plan, record.get("supports", []))
    _signposting(importer, person, plan, record.get("signposting", []))
    _move(importer, plan, record)
    for index, review in enumerate(record.get("reviews", [])):
        with within(f"reviews/{index}"):
            import_carer_review(importer, person, plan, review)


def _cared_for(importer: Any, found: Record | None) -> Person | None:
    """The person cared for, by their reference in the source system (imported
    before), else their id in this Selfdirect (a file exported from here)."""
    if found is None:
        return None
    key = found["ref"]
    kept = ExternalReference.objects.filter(
        source=importer.source, record=Person._meta.label, external_ref=key
    ).first()
    if kept is not None:
        return Person.objects.filter(pk=kept.object_id).first()
    try:
        here = Person.objects.filter(public_id=uuid.UUID(key)).first()
    except ValueError:
        here = None
    if here is None:
        raise _missing(importer, key)
    return here


def _missing(importer: Any, key: str) -> ValidationError:
    return ValidationError(
        {
            "cared_for/ref": f"no person {key!r} from {importer.source!r} is "
            "imported: import the cared-for person's file first"
        }
    )


def _carer(importer: Any, person: Person, record: Record) -> Carer:
    cared_for = _cared_for(importer, record.get("cared_for"))
    kept = Carer.objects.filter(person=person, cared_for=cared_for)
    if cared_for is None:
        kept = kept.filter(identified_on=record["identified_on"])
    carer = kept.first()
    if carer is not None:
        return carer  # type: ignore[no-any-return]
    return services.identify(
        person=person,
        cared_for=cared_for,
        by=importer.by,
        how=record["identified_how"],
        details=IdentifyDetails(
            identified_on=day(record["identified_on"]),  # type: ignore[arg-type]
            still_at_school=record.get("still_at_school", False),
            cared_for_terminally_ill=record.get("cared_for_terminally_ill", False),
        ),
    )


def _offer(importer: Any, carer: Carer, record: Record) -> str:
    """The offer the plan followed (the one kept for that day, else a new one);
    its kind, decided by the carer's age and schooling on the day."""
    item = record["offer"]
    offered_on = day(item["offered_on"])
    offer = carer.offers.filter(
        offered_on=item["offered_on"], answer=item["answer"]
    ).first()
    if offer is None:
        offer = services.record_offer(
            carer=carer,
            by=importer.by,
            details=OfferDetails(
                offered_on=offered_on,  # type: ignore[arg-type]
                how=item["how"],
                offered_by=item.get("offered_by", ""),
                answer=item["answer"],
                answered_on=day(item.get("answered_on")),
            ),
        )
    return str(offer.kind)


def _sections(importer: Any, plan: CarerPlan, record: Record) -> None:
    values = {
        name: day(record.get(name)) if name in DATES else record.get(name)
        for name in WRITTEN
        if name in record
    }
    # A review agreed moves the plan's review date on: the plan starts with the
    # date its first review was due by, as it was then.
    first_due = next(
        (r.get("due_on") for r in record.get("reviews", []) if r.get("due_on")), None
    )
    if first_due:
        values["review_on"] = day(first_due)
    values = {k: v for k, v in values.items() if getattr(plan, k) != v}
    if values:
        plan = fresh(plan)
        services.update_section(
            plan=plan, by=importer.by, version=plan.version, values=values
        )


def _kept(
    importer: Any,
    person: Person,
    plan: CarerPlan,
    model: Any,
    item: Record,
    part: str,
) -> Any:
    """A part of the plan imported before, or None where it is new; a new part of
    a plan agreed before is refused (an agreed plan is not changed)."""
    row = importer._match(model, item)
    if row is not None:
        importer._remember(person, row, item, new=False)
        return row
    if fresh(plan).state == CarerPlan.State.AGREED:
        raise ValidationError(
            {part: "this plan was agreed when imported before: it cannot be added to"}
        )
    return None


def _outcomes(
    importer: Any, person: Person, plan: CarerPlan, items: list[Record]
) -> None:
    for index, item in enumerate(items):
        if _kept(importer, person, plan, CarerOutcome, item, f"outcomes/{index}"):
            continue
        with within(f"outcomes/{index}"):
            row = services.add_outcome(plan=plan, by=importer.by, words=item["words"])
        importer._remember(person, row, item, new=True)


def _breaks(
    importer: Any, person: Person, plan: CarerPlan, items: list[Record]
) -> None:
    for index, item in enumerate(items):
        if _kept(importer, person, plan, BreakFromCaring, item, f"breaks/{index}"):
            continue
        with within(f"breaks/{index}"):
            row = services.add_break(
                plan=plan,
                by=importer.by,
                details=BreakDetails(
                    kind=item["kind"],
                    how_often=item["how_often"],
                    provided_by=item["provided_by"],
                    notes=item.get("notes", ""),
                ),
            )
        importer._remember(person, row, item, new=True)


def _impacts(importer: Any, plan: CarerPlan, items: list[Record]) -> None:
    if not items or fresh(plan).state == CarerPlan.State.AGREED:
        return
    domains = {
        d.code: d.pk for d in EligibilityDomain.objects.filter(criteria=plan.criteria)
    }
    for index, item in enumerate(items):
        if item["domain"] not in domains:
            version = plan.criteria.version if plan.criteria else "none"
            raise ValidationError(
                {
                    f"impacts/{index}/domain": f"no domain {item['domain']!r} in the "
                    f"eligibility criteria the plan is judged by (version {version}, "
                    "in force when it started)"
                }
            )
    levels = {domains[i["domain"]]: (i["level"], i.get("notes", "")) for i in items}
    existing = {i.domain_id: (i.level, i.notes) for i in plan.impacts.all()}
    if any(existing.get(k) != v for k, v in levels.items()):
        with within("impacts"):
            services.record_impacts(plan=plan, by=importer.by, levels=levels)


def _support_details(item: Record) -> SupportDetails:
    return SupportDetails(
        what=item["what"],
        option=item["option"],
        yearly_amount=money(item.get("yearly_amount")),
        chosen_by=item["chosen_by"],
        chosen_by_name=item.get("chosen_by_name", ""),
        chosen_on=day(item["chosen_on"]),  # type: ignore[arg-type]
    )


def _supports(
    importer: Any, person: Person, plan: CarerPlan, items: list[Record]
) -> None:
    for index, item in enumerate(items):
        details = _support_details(item)
        row = _kept(importer, person, plan, CarerSupport, item, f"supports/{index}")
        with within(f"supports/{index}"):
            if row is None:
                row = support_services.add_support(
                    plan=fresh(plan), by=importer.by, details=details
                )
                importer._remember(person, row, item, new=True)
            elif fresh(plan).state != CarerPlan.State.AGREED and any(
                getattr(row, k) != v for k, v in vars(details).items()
            ):
                support_services.change_support(
                    support=row, by=importer.by, version=row.version, details=details
                )


def _signposting(
    importer: Any, person: Person, plan: CarerPlan, items: list[Record]
) -> None:
    for index, item in enumerate(items):
        row = _kept(
            importer, person, plan, CarerSignposting, item, f"signposting/{index}"
        )
        with within(f"signposting/{index}"):
            if row is None:
                row = support_services.add_signposting(
                    plan=fresh(plan),
                    by=importer.by,
                    details=SignpostingDetails(
                        service=None,
                        support_name=item["support_name"],
                        signposted_on=day(item["signposted_on"]),  # type: ignore[arg-type]
                        follow_up_due=day(item["follow_up_due"]),  # type: ignore[arg-type]
                    ),
                )
                importer._remember(person, row, item, new=True)
            if not item.get("followed_up_on"):
                continue
            details = FollowUpDetails(
                followed_up_on=day(item["followed_up_on"]),  # type: ignore[arg-type]
                result=item.get("result", ""),
                used_it=item.get("used_it"),
                notes=item.get("notes", ""),
            )
            row = fresh(row)
            if any(getattr(row, k) != v for k, v in vars(details).items()):
                support_services.record_follow_up(
                    signposting=row,
                    by=importer.by,
                    version=row.version,
                    details=details,
                )


def _move(importer: Any, plan: CarerPlan, record: Record) -> None:
    state = record["state"]
    plan = fresh(plan)
    if state in {"shared", "agreed"} and plan.state == CarerPlan.State.DRAFT:
        shared_on = day(record.get("shared_on")) or day(record.get("agreed_on"))
        plan = services.share_plan(
            plan=plan,
            by=importer.by,
            version=plan.version,
            shared_on=shared_on or plan.started_on,
        )
    if state == "agreed" and plan.state != CarerPlan.State.AGREED:
        agreed_on = agreed_day(record, "plan")
        plan = fresh(plan)
        services.agree_plan(
            plan=plan,
            by=importer.by,
            version=plan.version,
            agreed_on=agreed_on,
            as_recorded=importer.as_recorded,
        )
