"""Drill-through: the people behind a count, for a user allowed to see them, and
why one person was or was not counted. Lists go through `visible_to` (the
chokepoint's rule for lists); one person through `access_person`.

A count is a headline figure, or one group's count in a breakdown table (`by`
names the breakdown, `group` the row's label): the same rows the figure counts,
keyed by the same breakdown expression (`breakdowns.keyed`) and filtered to the
group, so a row's list is exactly the people behind its count."""

from __future__ import annotations

from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Purpose
from selfdirect.choices.selectors import INFORMED, with_informed_choice
from selfdirect.people.models import Person

from .indicators import carers, cohorts, measures, outcomes, practice, timings
from .indicators.breakdowns import DIMENSIONS, NOT_RECORDED, OPTION_LABELS, keyed
from .indicators.periods import Period

# (indicator, count) → how to find the people counted.
COUNTS = {
    ("options", "option_1"),
    ("options", "option_2"),
    ("options", "option_3"),
    ("options", "option_4"),
    ("options", "any"),
    ("population", "people"),
    ("implementation_rate_phs", "numerator"),
    ("implementation_rate_phs", "denominator"),
    ("implementation_rate_choice", "numerator"),
    ("implementation_rate_choice", "denominator"),
    ("informed_choice", "numerator"),
    ("informed_choice", "denominator"),
    ("practice_quality", "people"),
    *(("practice_quality", name) for name in practice.MEASURES),
    # First contacts are contacts, not people: the list is the people whose
    # contacts were counted.
    ("sds_discussed_first_contact", "numerator"),
    ("sds_discussed_first_contact", "denominator"),
    # Who is waiting now (timings' waits), and whose step finished in the period.
    ("timings", "waiting_for_panel_decision"),
    ("timings", "waiting_for_service_to_start"),
    ("timings", "first_contact_to_agreed_conversation"),
    ("timings", "conversation_to_budget"),
    ("timings", "panel_submission_to_decision"),
    ("timings", "decision_to_first_delivery"),
    # People with outcomes reviewed at reviews held in the period (and, per
    # level, `level_<code>`: see `drillable`).
    ("outcomes", "people"),
    # Carers per kind and measure (`plans_offered`, `all_reviewed`, ...).
    *(("carers", name) for name in carers.counts()),
}
# The breakdowns a figure's rows can be keyed by (for its tables' rows).
NO_OPTION = ("locality", "team", "service_group", "age_band")
BY = {
    "options": DIMENSIONS,
    "population": DIMENSIONS,
    "implementation_rate_phs": DIMENSIONS,
    "implementation_rate_choice": DIMENSIONS,
    "informed_choice": NO_OPTION,
    "sds_discussed_first_contact": NO_OPTION,
    "practice_quality": NO_OPTION,
    "outcomes": NO_OPTION,
    "carers": NO_OPTION,
    "timings": DIMENSIONS,
}


def drillable(indicator: str, count: str, by: str = "") -> bool:
    """Whether this count (of this breakdown's rows, when `by`) has a list."""
    listed = (indicator, count) in COUNTS or (
        indicator == "outcomes" and count.startswith("level_")
    )
    return listed and (not by or by in BY.get(indicator, ()))


def _in_group(
    rows: QuerySet[Any], by: str, group: str, period: Period, path: str = ""
) -> QuerySet[Any]:
    """The rows in one breakdown group (`by` "" keeps them all)."""
    if not by:
        return rows
    if by == "option":
        codes = [code for code, label in OPTION_LABELS.items() if label == group]
        if "option_mix" not in rows.query.annotations:
            rows = cohorts.with_options(rows, period, path or "pk")
        return rows.filter(option_mix__in=codes)
    return keyed(rows, by, period, path).filter(group=group)


def _people_with(rows: QuerySet[Any], path: str = "person") -> QuerySet[Any]:
    """The people (merged records left out) with at least one of these rows."""
    return cohorts.people().filter(Exists(rows.filter(**{path: OuterRef("pk")})))


def counted(
    indicator: str, count: str, period: Period, by: str = "", group: str = ""
) -> QuerySet[Any]:
    """Everyone counted in this figure, or in one group of its breakdown `by`
    (KeyError for a figure with no list)."""
    if not drillable(indicator, count, by):
        raise KeyError((indicator, count, by))
    if indicator == "sds_discussed_first_contact":
        contacts = measures.first_contacts(period)
        if count == "numerator":
            contacts = contacts.filter(sds_discussed=True)
        if by == "team":  # the contact's own team, as its breakdown counts it
            if group == NOT_RECORDED:
                contacts = contacts.filter(team__isnull=True)
            else:
                contacts = contacts.filter(team__name=group)
        else:
            contacts = _in_group(contacts, by, group, period, "person")
        return _people_with(contacts)
    if indicator == "timings":
        waits = timings.waiting_now(timezone.localdate())
        rows = waits[count] if count in waits else timings.steps(period)[count]
        rows = _in_group(rows.filter(days__isnull=False), by, group, period, "person")
        return _people_with(rows)
    if indicator == "outcomes":
        rows = outcomes.reviewed(period)
        if count.startswith("level_"):
            rows = rows.filter(level__code=count.removeprefix("level_"))
        rows = _in_group(rows, by, group, period, "review__person")
        return _people_with(rows, "review__person")
    return _in_group(_people_counted(indicator, count, period), by, group, period)


def _people_counted(indicator: str, count: str, period: Period) -> QuerySet[Any]:
    """The people a figure counts, when its rows are people."""
    if indicator == "carers":
        return carers.carer_people(period).filter(carers.counts()[count] or Q())
    if indicator == "practice_quality":
        rows = practice.cohort(period)
        answers = practice.kept()
        if count == "people" or answers is None:
            return rows
        return rows.filter(practice.counts(answers, period)[count] or Q())
    if indicator == "options":
        rows = cohorts.with_options(cohorts.people(), period)
        return rows.filter(measures.OPTION_COUNTS[count] or Q())
    if indicator == "informed_choice":
        chosen: Any = with_informed_choice(cohorts.people(), up_to=period.end)
        rows = chosen.filter(has_choice=True, choice_made_on__gte=period.start)
        return rows.filter(INFORMED) if count == "numerator" else rows
    rows = cohorts.population(period)
    if count != "numerator":
        return rows
    if indicator == "implementation_rate_phs":
        return rows.filter(options_received__gt=0)
    return rows.annotate(
        given_a_choice=measures.chose_after_information(period)
    ).filter(given_a_choice=True)


def people_counted(
    user: User,
    indicator: str,
    count: str,
    period: Period,
    by: str = "",
    group: str = "",
) -> QuerySet[Any]:
    """The people counted (in one group, when `by`) whom this user reaches, by
    name."""
    found = counted(indicator, count, period, by, group).values("pk")
    return (
        Person.objects.visible_to(user, Purpose.PRACTICE)
        .filter(pk__in=found)
        .order_by("last_name", "first_name", "pk")
    )


def why(person: Person, period: Period) -> list[tuple[str, bool]]:
    """What the indicators saw for one person (from `access_person`)."""
    row: Any = (
        with_informed_choice(
            cohorts.with_population(Person.objects.filter(pk=person.pk), period),
            up_to=period.end,
        )
        .annotate(given_a_choice=measures.chose_after_information(period))
        .annotate(informed=_flag(INFORMED))
        .get()
    )
    return [
        ("Merged into another record (not counted)", person.status == "merged"),
        ("Direct payment in effect (option 1)", row.option_1 == 1),
        ("Individual service fund in effect (option 2)", row.option_2 == 1),
        ("Arranged service in effect (option 3)", row.option_3 == 1),
        ("More than one option (option 4)", row.options_received > 1),
        ("Agreed support plan in effect", row.plan_in_effect == 1),
        ("In the population", row.in_population == 1),
        ("Chose after information (given a choice)", bool(row.given_a_choice)),
        (
            "Latest choice made in the period",
            bool(
                row.has_choice
                and row.choice_made_on
                and row.choice_made_on >= period.start
            ),
        ),
        ("That choice was informed", bool(row.has_choice and row.informed)),
        *_practice(person, period),
    ]


def _practice(person: Person, period: Period) -> list[tuple[str, bool]]:
    """practice_quality: whether the person is in its group, and each sign of good
    practice as the case file reader answers it now (on the records as they stood
    at the period's end once it has ended), with its reason."""
    answers = practice.kept()
    shown = [
        (
            "Conversation agreed in the period (practice quality)",
            practice.cohort(period).filter(pk=person.pk).exists(),
        )
    ]
    if answers is None:
        return shown
    rules = set(practice.MEASURES.values())
    return shown + [
        (f"{rule.replace('_', ' ').capitalize()}: {answer}. {reason}", answer == "yes")
        for rule, answer, reason in answers.explain(
            person, practice.judged_as_at(period)
        )
        if rule in rules
    ]


def _flag(q: Q) -> Any:
    return Case(
        When(q, then=Value(True)), default=Value(False), output_field=BooleanField()
    )
