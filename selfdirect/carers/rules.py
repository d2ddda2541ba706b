"""The Carers (Scotland) Act 2016 rules the carers app applies, one docstring each.

Pure functions of plain values, so they are unit-tested without a database."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from selfdirect.core.dates import add_days, add_months, add_years

from .models.criteria import IMPACT_ORDER, Impact

ADULT_AGE = 18

# Hours of care a week, in the bands the Carers Census asks about. The Census's
# own codes were not found (national-data.md §5): these bands and codes are
# UNVERIFIED and kept here, in one place, until the specification is obtained.
HOURS_BANDS: list[tuple[str, str]] = [
    ("0-4", "Up to 4 hours"),
    ("5-19", "5 to 19 hours"),
    ("20-34", "20 to 34 hours"),
    ("35-49", "35 to 49 hours"),
    ("50+", "50 hours or more"),
    ("unknown", "Not known"),
]


def age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    """Whole years of age on a day."""
    years = day.year - date_of_birth.year
    return years - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def is_young_carer(
    date_of_birth: datetime.date, still_at_school: bool, day: datetime.date
) -> bool:
    """A young carer is under 18, or 18 or over and still at school (s2); they are
    offered a young carer statement, everyone else an adult carer support plan."""
    return age_on(date_of_birth, day) < ADULT_AGE or still_at_school


def plan_kind(
    date_of_birth: datetime.date, still_at_school: bool, day: datetime.date
) -> str:
    """ "ycs" for a young carer, "acsp" for an adult carer (s6, s12)."""
    return "ycs" if is_young_carer(date_of_birth, still_at_school, day) else "acsp"


def plan_due_by(
    wanted_on: datetime.date, *, terminally_ill: bool, terminal_days: int, days: int
) -> datetime.date:
    """When a plan the carer accepted or asked for is due: sooner where the person
    cared for is terminally ill (s7; the number of days is a setting, to be
    confirmed locally), otherwise within the local target."""
    return add_days(wanted_on, terminal_days if terminally_ill else days)


def days_waiting(since: datetime.date, today: datetime.date) -> int:
    """Whole days from the offer being accepted (or the request) to today."""
    return max((today - since).days, 0)


def moves_to_adult_plan_by(
    date_of_birth: datetime.date, still_at_school: bool, today: datetime.date
) -> datetime.date | None:
    """The day a young carer is due to move to an adult carer support plan: their
    18th birthday, unless they are still at school then (None: when they leave)."""
    birthday = add_years(date_of_birth, ADULT_AGE)
    if still_at_school and birthday <= today:
        return None
    return birthday


def nearing_adulthood(
    date_of_birth: datetime.date, today: datetime.date, *, months: int = 6
) -> bool:
    """A young carer turns 18 within `months` months (or already has)."""
    return add_years(date_of_birth, ADULT_AGE) <= add_months(today, months)


# --- Local eligibility criteria (ss21-22) -----------------------------------


@dataclass(frozen=True)
class Judgement:
    """Whether the carer has an eligible need, and why, domain by domain."""

    eligible: bool
    eligible_domains: list[str]
    reasons: list[str]


def impact_levels() -> list[tuple[str, str]]:
    """The impact levels, lowest first."""
    return [(str(level.value), str(level.label)) for level in Impact]


def at_or_above(level: str, threshold: str) -> bool:
    """An impact at or above the threshold level."""
    return IMPACT_ORDER[level] >= IMPACT_ORDER[threshold]


def judge(
    impacts: Iterable[tuple[str, str]], *, threshold: str, version: str
) -> Judgement:
    """Judge the impact in each domain (domain name, level code) against the
    threshold of the criteria version in force on the plan's date: any domain at or
    above the threshold is an eligible need. The reasons name each domain."""
    labels = dict(Impact.choices)
    eligible, reasons = [], []
    threshold_label = str(labels[threshold]).lower()
    for domain, level in impacts:
        level_label = str(labels[level]).lower()
        if at_or_above(level, threshold):
            eligible.append(domain)
            reasons.append(
                _(
                    "%(domain)s: %(level)s impact, at or above %(threshold)s, "
                    "so this is an eligible need."
                )
                % {"domain": domain, "level": level_label, "threshold": threshold_label}
            )
        else:
            reasons.append(
                _("%(domain)s: %(level)s impact, below %(threshold)s.")
                % {"domain": domain, "level": level_label, "threshold": threshold_label}
            )
    if not reasons:
        reasons.append(_("No impact has been recorded in any domain yet."))
    else:
        reasons.append(
            _("Judged against the criteria version %(version)s.") % {"version": version}
        )
    return Judgement(bool(eligible), eligible, reasons)


def in_force(
    versions: Iterable[tuple[datetime.date, int]], day: datetime.date
) -> int | None:
    """Of (in force from, id) pairs, the id of the version in force on a day: the
    latest to start on or before it (None before the first)."""
    started = [(start, pk) for start, pk in versions if start <= day]
    return max(started)[1] if started else None


def criteria_overdue(
    in_force_from: datetime.date, today: datetime.date, *, years: int
) -> bool:
    """The criteria must be reviewed at least every `years` years (s21: three)."""
    return add_years(in_force_from, years) < today


# --- The plan ------------------------------------------------------------------

# The s9 items, in the Act's order: (letter, section code).
SECTIONS = [
    ("a", "circumstances"),
    ("b", "ability"),
    ("c", "emergency"),
    ("d", "future"),
    ("e", "outcomes"),
    ("f", "needs"),
    ("g", "local"),
    ("h", "elsewhere"),
    ("i", "eligible"),
    ("j", "other"),
    ("k", "breaks"),
    ("l", "review"),
]


@dataclass(frozen=True)
class PlanFacts:
    """What agreement checks about a plan."""

    young: bool
    circumstances: str
    hours_band: str
    emergency_who: str
    outcomes: int
    no_needs_identified: bool
    needs: str
    impacts: int
    domains: int
    break_decided: bool
    breaks: int
    break_from_caring: bool
    review_on: datetime.date | None
    authority: str
    care_appropriate: str


def agreement_problems(facts: PlanFacts) -> list[str]:
    """What must be in a plan before it is agreed: the circumstances and hours of
    care (a), who would step in during an emergency (c), at least one outcome (e), needs or
    that none were found (f), the impact in every domain of the criteria (i), a
    decision about a break from caring, with the break where there is one (k), and
    the review date (l); a young carer statement also names its responsible
    authority and whether the care is appropriate for the carer's age."""
    problems = []
    if not facts.circumstances or not facts.hours_band:
        problems.append(_("Describe the caring situation and the hours of care."))
    if not facts.emergency_who:
        problems.append(_("Say who would step in during an emergency."))
    if not facts.outcomes:
        problems.append(_("Add at least one of the carer's own outcomes."))
    if not facts.no_needs_identified and not facts.needs:
        problems.append(_("Record the carer's needs, or that none were identified."))
    if facts.impacts < facts.domains or not facts.domains:
        problems.append(_("Record the impact of caring in every domain."))
    if not facts.break_decided:
        problems.append(_("Say whether support should be a break from caring."))
    elif facts.break_from_caring and not facts.breaks:
        problems.append(_("Add the break from caring."))
    if facts.review_on is None:
        problems.append(_("Set the date the plan will be reviewed."))
    if facts.young and (not facts.authority or not facts.care_appropriate):
        problems.append(
            _(
                "Name the responsible authority and say whether the care is right for the young carer's age."
            )
        )
    return problems


def review_band(review_on: datetime.date, today: datetime.date) -> str:
    """ "overdue" past the review date, "due" within 28 days, else "later"."""
    if review_on < today:
        return "overdue"
    return "due" if review_on <= add_days(today, 28) else "later"
