"""Importing a case file's information given, independent support, choices and
indicative budgets, through the choices and budgets services.

These are records of something that happened on a day (information given, a
choice made, a budget worked out): the product keeps each and records a new one
rather than changing it, so one imported before is matched and kept as it is. An
offer of independent support is the exception: its referral's progress is
updated (`update_independent_support`).
"""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from selfdirect.budgets import services as budgets
from selfdirect.budgets.models import BudgetMethod, IndicativeBudget
from selfdirect.choices import services as choices
from selfdirect.choices.models import (
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from selfdirect.people.models import Person, ServiceGroup

Record = dict[str, Any]


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def import_information(importer: Any, person: Person, record: Record) -> None:
    found = importer._match(InformationGiven, record)
    if found is not None:
        importer._remember(person, found, record, new=False)
        return
    row = choices.record_information_given(
        person=person,
        by=importer.by,
        given_on=_day(record["given_on"]),  # type: ignore[arg-type]
        # The form keeps the options as strings ("1"); the case file has numbers.
        options_explained=[str(o) for o in sorted(record["options_explained"])],
        formats=record.get("formats", []),
        language=record.get("language") or "English",
        who_else_can_help=record.get("who_else_can_help", ""),
        amounts={
            a["option"]: (Decimal(a["amount"]), a["period"])
            for a in record.get("amounts", [])
        },
    )
    importer._remember(person, row, record, new=True)


def import_independent(importer: Any, person: Person, record: Record) -> None:
    found = importer._match(IndependentSupport, record)
    if found is None:
        found = choices.offer_independent_support(
            person=person,
            by=importer.by,
            details=choices.IndependentSupportDetails(
                kind=record["kind"],
                offered_on=_day(record["offered_on"]),  # type: ignore[arg-type]
                response=record["response"],
                organisation=record.get("organisation", ""),
                referred_on=_day(record.get("referred_on")),
            ),
        )
        importer._remember(person, found, record, new=True)
    else:
        importer._remember(person, found, record, new=False)
    status = record.get("status") or found.status
    feedback = record.get("feedback", "")
    if (status, feedback) != (found.status, found.feedback):
        choices.update_independent_support(
            support=found,
            by=importer.by,
            version=found.version,
            details=choices.ReferralProgress(status=status, feedback=feedback),
        )


def import_choice(importer: Any, person: Person, record: Record) -> None:
    found = importer._match(SupportChoice, record)
    if found is not None:
        importer._remember(person, found, record, new=False)
        return
    elements = {e["element"]: e["option"] for e in record.get("elements", [])}
    if len(elements) != len(record.get("elements", [])):
        raise ValidationError({"elements": "each element of support is chosen once"})
    if record.get("deemed"):
        # Deemed to have chosen Option 3: the service records it so when no
        # element was chosen, and says so on the record.
        elements = {}
    row = choices.record_choice(
        person=person,
        by=importer.by,
        details=choices.ChoiceDetails(
            made_on=_day(record["made_on"]),  # type: ignore[arg-type]
            decided_by=record["decided_by"],
            representative_name=record.get("representative_name", ""),
            representative_authority=record.get("representative_authority", ""),
            reasons=record.get("reasons", ""),
        ),
        elements=elements,
        # A choice the old system deemed is recorded as the service deems one.
        as_recorded=importer.as_recorded and not record.get("deemed"),
    )
    importer._remember(person, row, record, new=True)


def import_budget(importer: Any, person: Person, record: Record) -> None:
    found = importer._match(IndicativeBudget, record)
    if found is not None:
        importer._remember(person, found, record, new=False)
        return
    method = None
    if record.get("method"):
        methods = BudgetMethod.objects.filter(code=record["method"])
        if record.get("method_version"):
            methods = methods.filter(version=record["method_version"])
        method = methods.order_by("-version").first()
    group = None
    if record.get("service_group"):
        group = ServiceGroup.objects.filter(code=record["service_group"]).first()
        if group is None:
            raise ValidationError(
                {"service_group": f"unknown service group {record['service_group']!r}"}
            )
    row = budgets.record_budget_worked_out_elsewhere(
        person=person,
        by=importer.by,
        amount=Decimal(record["amount"]),
        worked_out_on=_day(record["worked_out_on"]),  # type: ignore[arg-type]
        method=method,
        method_version=record.get("method_version"),
        service_group=group,
        explanation=record.get("explanation", ""),
        source=importer.source,
    )
    importer._remember(person, row, record, new=True)
